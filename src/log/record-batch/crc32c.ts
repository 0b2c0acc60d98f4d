/**
 * CRC-32C (Castagnoli), the checksum of record batch v2.
 *
 * @node-rs/crc32 is a napi binding using the SSE4.2 crc32 instruction: about
 * 2.8 GB/s on this project's machines against about 0.28 GB/s for the best
 * pure-JS table (see shared/reference/machine-limits.md; `npm run bench -- log`
 * re-measures it). One function, so a faster implementation can be swapped in here.
 */
import { crc32c as nativeCrc32c } from '@node-rs/crc32';

export function crc32c(bytes: Uint8Array, initial = 0): number {
  return nativeCrc32c(bytes, initial) >>> 0;
}
