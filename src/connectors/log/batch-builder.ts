/**
 * Builds one uncompressed record batch v2 of a query's output in a single
 * pass over a reusable scratch buffer: the log sink's hot path. The general
 * encoder (log/record-batch/encode.ts) takes an array of record objects and
 * sizes them in a first pass; here each record is written as it comes (key
 * and value strings straight into the buffer, every record carrying the
 * same `gale.query` header), then the batch header and CRC are put in front
 * using the log's own header writer. Record layout: log/record-batch/records.ts.
 */
import { HEADER_SIZE, LOG_OVERHEAD, writeBatchCrc, writeBatchHeader } from '../../log/record-batch/index.js';
import { sizeOfVarint, sizeOfVarlong, writeVarint, writeVarlong } from '../../log/record-batch/varint.js';

export class BatchBuilder {
  private buf = Buffer.allocUnsafe(1 << 16);
  private at = HEADER_SIZE;
  private count = 0;
  private baseTs = 0;
  private maxTs = 0;
  /** the header record bytes after the header count: [keyLen key valueLen value] */
  private readonly header: Buffer | undefined;

  constructor(header?: { readonly key: string; readonly value: Buffer }) {
    if (header === undefined) return;
    const k = Buffer.from(header.key, 'utf8');
    const h = Buffer.allocUnsafe(sizeOfVarint(k.length) + k.length + sizeOfVarint(header.value.length) + header.value.length);
    let at = writeVarint(h, 0, k.length);
    h.set(k, at);
    at = writeVarint(h, at + k.length, header.value.length);
    h.set(header.value, at);
    this.header = h;
  }

  get size(): number {
    return this.count;
  }

  add(key: string | Buffer | null, value: string, timestamp: number): void {
    if (this.count === 0) {
      this.baseTs = timestamp;
      this.maxTs = timestamp;
    } else if (timestamp > this.maxTs) this.maxTs = timestamp;
    const kl = key === null ? -1 : typeof key === 'string' ? Buffer.byteLength(key, 'utf8') : key.length;
    const vl = Buffer.byteLength(value, 'utf8');
    const tsDelta = timestamp - this.baseTs;
    const headers = this.header === undefined ? 1 : 1 + this.header.length;
    const body =
      1 + sizeOfVarlong(tsDelta) + sizeOfVarint(this.count) + sizeOfVarint(kl) + (kl > 0 ? kl : 0) + sizeOfVarint(vl) + vl + headers;
    this.reserve(5 + body);
    const buf = this.buf;
    let at = writeVarint(buf, this.at, body);
    buf[at++] = 0;
    at = writeVarlong(buf, at, tsDelta);
    at = writeVarint(buf, at, this.count);
    at = writeVarint(buf, at, kl);
    if (kl > 0) at += typeof key === 'string' ? buf.write(key, at, 'utf8') : (buf.set(key!, at), kl);
    at = writeVarint(buf, at, vl);
    at += buf.write(value, at, 'utf8');
    if (this.header === undefined) {
      buf[at++] = 0;
    } else {
      buf[at++] = 2; // varint 1: one header
      buf.set(this.header, at);
      at += this.header.length;
    }
    this.at = at;
    this.count++;
  }

  /** The batch (a fresh buffer), ready to append; the builder starts over. Throws if empty. */
  finish(): Buffer {
    if (this.count === 0) throw new RangeError('an empty record batch');
    const out = Buffer.allocUnsafe(this.at);
    this.buf.copy(out, 0, 0, this.at);
    writeBatchHeader(out, 0, {
      baseOffset: 0n,
      batchLength: this.at - LOG_OVERHEAD,
      partitionLeaderEpoch: -1,
      attributes: 0,
      lastOffsetDelta: this.count - 1,
      baseTimestamp: this.baseTs,
      maxTimestamp: this.maxTs,
      producerId: -1n,
      producerEpoch: -1,
      baseSequence: -1,
      recordCount: this.count,
    });
    writeBatchCrc(out, 0, out.length);
    this.at = HEADER_SIZE;
    this.count = 0;
    return out;
  }

  private reserve(n: number): void {
    if (this.at + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.at + n));
    this.buf.copy(next, 0, 0, this.at);
    this.buf = next;
  }
}
