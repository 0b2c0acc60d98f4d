/**
 * Growable big-endian writer shared by the Kafka and ZooKeeper codecs.
 * `reserveInt32()` + `patchInt32()` fill length prefixes after the body is
 * written, so encoders never compute sizes twice.
 */
export class ByteWriter {
  private buf: Buffer;
  length = 0;

  constructor(initialCapacity = 256) {
    this.buf = Buffer.allocUnsafe(initialCapacity);
  }

  private ensure(n: number): number {
    const at = this.length;
    const want = at + n;
    if (want > this.buf.length) {
      let cap = this.buf.length * 2;
      while (cap < want) cap *= 2;
      const next = Buffer.allocUnsafe(cap);
      this.buf.copy(next, 0, 0, at);
      this.buf = next;
    }
    this.length = want;
    return at;
  }

  int8(v: number): this {
    const at = this.ensure(1); // grow first: `this.buf` may be replaced
    this.buf.writeInt8(v, at);
    return this;
  }
  uint8(v: number): this {
    const at = this.ensure(1); // grow first: `this.buf` may be replaced
    this.buf.writeUInt8(v, at);
    return this;
  }
  int16(v: number): this {
    const at = this.ensure(2); // grow first: `this.buf` may be replaced
    this.buf.writeInt16BE(v, at);
    return this;
  }
  uint16(v: number): this {
    const at = this.ensure(2); // grow first: `this.buf` may be replaced
    this.buf.writeUInt16BE(v, at);
    return this;
  }
  int32(v: number): this {
    const at = this.ensure(4); // grow first: `this.buf` may be replaced
    this.buf.writeInt32BE(v, at);
    return this;
  }
  uint32(v: number): this {
    const at = this.ensure(4); // grow first: `this.buf` may be replaced
    this.buf.writeUInt32BE(v, at);
    return this;
  }
  int64(v: bigint): this {
    const at = this.ensure(8); // grow first: `this.buf` may be replaced
    this.buf.writeBigInt64BE(v, at);
    return this;
  }
  float64(v: number): this {
    const at = this.ensure(8); // grow first: `this.buf` may be replaced
    this.buf.writeDoubleBE(v, at);
    return this;
  }
  bool(v: boolean): this {
    return this.uint8(v ? 1 : 0);
  }
  bytes(b: Uint8Array): this {
    const at = this.ensure(b.length);
    this.buf.set(b, at);
    return this;
  }
  utf8(s: string): this {
    const n = Buffer.byteLength(s, 'utf8');
    const at = this.ensure(n);
    this.buf.write(s, at, n, 'utf8');
    return this;
  }
  uvarint(v: number): this {
    let x = v >>> 0;
    while (x > 0x7f) {
      this.uint8((x & 0x7f) | 0x80);
      x >>>= 7;
    }
    return this.uint8(x);
  }
  varint(v: number): this {
    return this.uvarint((v << 1) ^ (v >> 31));
  }
  varlong(v: bigint): this {
    let x = (v << 1n) ^ (v >> 63n);
    if (x < 0n) x += 1n << 64n;
    while (x > 0x7fn) {
      this.uint8(Number(x & 0x7fn) | 0x80);
      x >>= 7n;
    }
    return this.uint8(Number(x));
  }
  /** Reserves 4 bytes for a length written later with patchInt32. */
  reserveInt32(): number {
    return this.ensure(4);
  }
  patchInt32(at: number, v: number): this {
    this.buf.writeInt32BE(v, at);
    return this;
  }
  /** The written bytes (a view; copy if the writer is reused). */
  finish(): Buffer {
    return this.buf.subarray(0, this.length);
  }
}
