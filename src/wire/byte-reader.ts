/**
 * Big-endian cursor over one frame, shared by the Kafka and ZooKeeper codecs.
 * Every read checks bounds and throws ShortBufferError, so a truncated or
 * lying frame becomes a typed error for one connection, never a crash.
 */
import { GaleError } from '../errors.js';

export class ShortBufferError extends GaleError<'GALE_ERR_WIRE_SHORT_BUFFER'> {
  override readonly name = 'ShortBufferError';
}

export class ByteReader {
  offset: number;

  constructor(
    readonly buf: Buffer,
    offset = 0,
    private readonly end = buf.length,
  ) {
    this.offset = offset;
  }

  get remaining(): number {
    return this.end - this.offset;
  }

  private need(n: number): number {
    const at = this.offset;
    if (n < 0 || at + n > this.end) {
      throw new ShortBufferError(
        'GALE_ERR_WIRE_SHORT_BUFFER',
        `need ${n} bytes at offset ${at}, only ${this.end - at} left`,
      );
    }
    this.offset = at + n;
    return at;
  }

  int8(): number {
    return this.buf.readInt8(this.need(1));
  }
  uint8(): number {
    return this.buf.readUInt8(this.need(1));
  }
  int16(): number {
    return this.buf.readInt16BE(this.need(2));
  }
  uint16(): number {
    return this.buf.readUInt16BE(this.need(2));
  }
  int32(): number {
    return this.buf.readInt32BE(this.need(4));
  }
  uint32(): number {
    return this.buf.readUInt32BE(this.need(4));
  }
  int64(): bigint {
    return this.buf.readBigInt64BE(this.need(8));
  }
  float64(): number {
    return this.buf.readDoubleBE(this.need(8));
  }
  bool(): boolean {
    return this.uint8() !== 0;
  }
  /** `n` raw bytes as a view into the frame (no copy). */
  bytes(n: number): Buffer {
    const at = this.need(n);
    return this.buf.subarray(at, at + n);
  }
  utf8(n: number): string {
    const at = this.need(n);
    return this.buf.toString('utf8', at, at + n);
  }
  /** Unsigned LEB128 (Kafka's UNSIGNED_VARINT), up to 32 bits. */
  uvarint(): number {
    let result = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const b = this.uint8();
      result |= (b & 0x7f) << shift;
      if ((b & 0x80) === 0) return result >>> 0;
    }
    throw new ShortBufferError('GALE_ERR_WIRE_SHORT_BUFFER', 'unsigned varint longer than 5 bytes');
  }
  /** Zig-zag LEB128 (Kafka's VARINT). */
  varint(): number {
    const u = this.uvarint();
    return (u >>> 1) ^ -(u & 1);
  }
  /** Zig-zag LEB128 up to 64 bits (Kafka's VARLONG). */
  varlong(): bigint {
    let result = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      const b = this.uint8();
      result |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return (result >> 1n) ^ -(result & 1n);
    }
    throw new ShortBufferError('GALE_ERR_WIRE_SHORT_BUFFER', 'varlong longer than 10 bytes');
  }
}
