import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { crc32c, crc32cImplementation, crc32cPortable } from '../../../src/log/record-batch/crc32c.js';

/** Bit-at-a-time CRC-32C (reflected polynomial 0x82F63B78): slow, but obviously right. */
function referenceCrc32c(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

describe('crc32c', () => {
  it(`gives the CRC-32C check value for "123456789" (implementation in use: ${crc32cImplementation})`, () => {
    const check = Buffer.from('123456789');
    expect(crc32c(check)).toBe(0xe3069283);
    expect(crc32cPortable(check)).toBe(0xe3069283);
    expect(crc32c(new Uint8Array(0))).toBe(0);
  });

  it('the implementation in use and the portable one agree on random buffers, offsets and lengths', () => {
    const big = randomBytes(1 << 20);
    expect(crc32c(big)).toBe(crc32cPortable(big));
    for (let i = 0; i < 200; i++) {
      const start = Math.floor(Math.random() * 4096);
      const len = i < 64 ? i : Math.floor(Math.random() * 70_000);
      // subarrays at odd offsets: the batch CRC covers bytes 21.. of a batch inside a larger frame
      const view = big.subarray(start, start + len);
      expect(crc32c(view)).toBe(crc32cPortable(view));
      if (len < 2048) expect(crc32c(view)).toBe(referenceCrc32c(view));
    }
  });

  it('accepts a plain Uint8Array view and continues from an initial value', () => {
    const bytes = randomBytes(10_000);
    const u8 = new Uint8Array(bytes.buffer, bytes.byteOffset + 3, 5000);
    expect(crc32c(u8)).toBe(referenceCrc32c(u8));
    const whole = crc32c(bytes);
    expect(crc32c(bytes.subarray(4321), crc32c(bytes.subarray(0, 4321)))).toBe(whole);
    expect(crc32cPortable(bytes.subarray(4321), crc32cPortable(bytes.subarray(0, 4321)))).toBe(whole);
  });
});
