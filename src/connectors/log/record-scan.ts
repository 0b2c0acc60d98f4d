/**
 * A lean walk over the records of one record batch v2 for the log spout's
 * hot path: no object per record, no Buffer view per key and value — the
 * visitor gets offsets into the (decompressed) bytes and takes only what it
 * needs (usually the value as text). The general decoder
 * (log/record-batch/decode.ts) builds a DecodedRecord with views per record,
 * which costs an allocation per key, value and record at millions of records
 * a second. Record layout: log/record-batch/records.ts.
 */
import { decompressAsync, decompressSync, HEADER_SIZE, readBatchHeader } from '../../log/record-batch/index.js';
import type { RecordBatchHeader } from '../../log/record-batch/index.js';
import { VarintCursor } from '../../log/record-batch/varint.js';

export interface RecordVisitor {
  /**
   * One record: its offset delta, and [start, start + len) of its key and
   * value in `data` (len -1 = null).
   */
  record(offsetDelta: number, data: Buffer, keyStart: number, keyLen: number, valueStart: number, valueLen: number): void;
}

/** The batch's records area, decompressed if needed (zstd is asynchronous). */
export async function recordsArea(buf: Buffer, at: number, size: number, header: RecordBatchHeader): Promise<{ data: Buffer; start: number; end: number }> {
  const start = at + HEADER_SIZE;
  const end = at + size;
  if (header.compression === 'none') return { data: buf, start, end };
  const raw = buf.subarray(start, end);
  const data = header.compression === 'zstd' ? await decompressAsync('zstd', raw) : decompressSync(header.compression, raw);
  return { data, start: 0, end: data.length };
}

/** Calls `v.record` for each of `count` records in data[start, end). Throws CORRUPT_BATCH on bad framing. */
export function scanRecords(data: Buffer, start: number, end: number, count: number, v: RecordVisitor): void {
  const c = new VarintCursor(data, start, end);
  for (let i = 0; i < count; i++) {
    const length = c.varint();
    const bodyEnd = c.pos + length;
    c.int8(); // attributes
    c.varlong(); // timestamp delta
    const offsetDelta = c.varint();
    const keyLen = c.varint();
    const keyStart = keyLen < 0 ? -1 : c.take(keyLen);
    const valueLen = c.varint();
    const valueStart = valueLen < 0 ? -1 : c.take(valueLen);
    // headers are not needed here: jump to the next record
    c.take(bodyEnd - c.pos);
    v.record(offsetDelta, data, keyStart, keyLen, valueStart, valueLen);
  }
}

export { readBatchHeader };
