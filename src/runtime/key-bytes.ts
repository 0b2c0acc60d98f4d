/**
 * How a tuple's key fields become bytes for hashing, using the serializers a
 * Kafka client would use for a key of that type: string → UTF-8
 * (StringSerializer), int → 4 bytes big-endian (IntegerSerializer),
 * long/timestamp → 8 bytes big-endian (LongSerializer), double → 8 bytes IEEE
 * big-endian (DoubleSerializer), bool → 1 byte. A composite key is the
 * concatenation of its fields' bytes, each but the last preceded by a 4-byte
 * length so ('ab','c') and ('a','bc') differ.
 *
 * The encoder reuses one growing buffer: hashing a key allocates nothing.
 */
import type { FieldType } from './layout.js';
import type { Row, Value } from './message.js';

export class KeyBytesEncoder {
  private buf = Buffer.allocUnsafe(256);
  private readonly view = { dv: new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength) };
  private len = 0;

  constructor(
    private readonly fields: readonly number[],
    private readonly types: readonly FieldType[],
  ) {}

  /** Encodes the key fields of `row`; returns the byte length, or -1 when a key field is NULL. */
  encode(row: Row): number {
    this.len = 0;
    const n = this.fields.length;
    for (let i = 0; i < n; i++) {
      const v = row[this.fields[i]!];
      if (v === null || v === undefined) return -1;
      if (i < n - 1) {
        const lenAt = this.len;
        this.reserve(4);
        this.len += 4;
        this.put(v, this.types[i]!);
        this.view.dv.setInt32(lenAt, this.len - lenAt - 4);
      } else {
        this.put(v, this.types[i]!);
      }
    }
    return this.len;
  }

  get bytes(): Buffer {
    return this.buf;
  }

  private put(v: Exclude<Value, null>, type: FieldType): void {
    switch (type) {
      case 'string': {
        const s = String(v);
        this.reserve(s.length * 3);
        this.len += this.buf.write(s, this.len, 'utf8');
        return;
      }
      case 'int':
        this.reserve(4);
        this.view.dv.setInt32(this.len, Number(v));
        this.len += 4;
        return;
      case 'long':
      case 'timestamp':
        {
          // two's complement int64 from a safe integer, without BigInt
          const x = Math.trunc(Number(v));
          const hi = Math.floor(x / 4294967296);
          this.reserve(8);
          this.view.dv.setInt32(this.len, hi);
          this.view.dv.setUint32(this.len + 4, x - hi * 4294967296);
          this.len += 8;
        }
        return;
      case 'double':
        this.reserve(8);
        this.view.dv.setFloat64(this.len, Number(v));
        this.len += 8;
        return;
      case 'bool':
        this.reserve(1);
        this.buf[this.len++] = v === true ? 1 : 0;
        return;
    }
  }

  private reserve(extra: number): void {
    if (this.len + extra <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.len + extra));
    this.buf.copy(next, 0, 0, this.len);
    this.buf = next;
    this.view.dv = new DataView(next.buffer, next.byteOffset, next.byteLength);
  }
}
