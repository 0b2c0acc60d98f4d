/**
 * Decodes record batches v2 into header + records. Keys and values are
 * views into the input (or into the decompressed blob), never copies.
 * zstd batches need the async variants (the zstd codec is async only).
 */
import { HEADER_SIZE, readBatchHeader } from './header.js';
import type { RecordBatchHeader } from './header.js';
import { decompressAsync, decompressSync } from './compression.js';
import { decodeRecords } from './records.js';
import type { DecodedRecord } from './records.js';
import { iterateBatches, validateBatch } from './validate.js';
import type { IterateOptions } from './validate.js';

export interface DecodedBatch {
  readonly header: RecordBatchHeader;
  readonly records: DecodedRecord[];
}

export interface DecodeOptions {
  /** default true; false skips the CRC for bytes already validated (e.g. just read from our own log) */
  readonly verifyCrc?: boolean;
  /** stop quietly at an incomplete last batch, as a fetch response may end */
  readonly allowPartialTail?: boolean;
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function iterateOpts(o: DecodeOptions): IterateOptions {
  return { skipCrc: o.verifyCrc === false, allowPartialTail: o.allowPartialTail === true };
}

function recordsOf(header: RecordBatchHeader, data: Buffer, start: number, end: number): DecodedRecord[] {
  return decodeRecords({
    data,
    start,
    end,
    count: header.recordCount,
    baseTimestamp: header.baseTimestamp,
    logAppendTime: header.timestampType === 'LogAppendTime' ? header.maxTimestamp : undefined,
  });
}

/** Decodes the one batch at `at` (validated first). */
export function decodeRecordBatch(bytes: Uint8Array, at = 0, opts: DecodeOptions = {}): DecodedBatch {
  const buf = asBuffer(bytes);
  const size = validateBatch(buf, at, { skipCrc: opts.verifyCrc === false });
  const header = readBatchHeader(buf, at);
  const start = at + HEADER_SIZE;
  const end = at + size;
  if (header.compression === 'none') return { header, records: recordsOf(header, buf, start, end) };
  const data = decompressSync(header.compression, buf.subarray(start, end));
  return { header, records: recordsOf(header, data, 0, data.length) };
}

export async function decodeRecordBatchAsync(bytes: Uint8Array, at = 0, opts: DecodeOptions = {}): Promise<DecodedBatch> {
  const buf = asBuffer(bytes);
  const size = validateBatch(buf, at, { skipCrc: opts.verifyCrc === false });
  const header = readBatchHeader(buf, at);
  const start = at + HEADER_SIZE;
  const end = at + size;
  if (header.compression === 'none') return { header, records: recordsOf(header, buf, start, end) };
  const data = await decompressAsync(header.compression, buf.subarray(start, end));
  return { header, records: recordsOf(header, data, 0, data.length) };
}

/** Decodes concatenated batches (a read result or a produce payload). Sync: no zstd. */
export function decodeRecordBatches(bytes: Uint8Array, opts: DecodeOptions = {}): DecodedBatch[] {
  const buf = asBuffer(bytes);
  const out: DecodedBatch[] = [];
  for (const span of iterateBatches(buf, iterateOpts(opts))) out.push(decodeRecordBatch(buf, span.at, { verifyCrc: false }));
  return out;
}

export async function decodeRecordBatchesAsync(bytes: Uint8Array, opts: DecodeOptions = {}): Promise<DecodedBatch[]> {
  const buf = asBuffer(bytes);
  const out: DecodedBatch[] = [];
  for (const span of iterateBatches(buf, iterateOpts(opts))) out.push(await decodeRecordBatchAsync(buf, span.at, { verifyCrc: false }));
  return out;
}
