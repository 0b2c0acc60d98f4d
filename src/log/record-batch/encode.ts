/**
 * Builds one record batch v2 from records (layout in header.ts and
 * records.ts). Two passes: sizes first, then one exact-size buffer, so
 * nothing grows or is back-patched. Uncompressed batches are written in
 * place; compressed ones write the records, compress them, then frame them.
 */
import { LogError } from '../errors.js';
import {
  CONTROL_BIT,
  HEADER_SIZE,
  LOG_OVERHEAD,
  TIMESTAMP_TYPE_BIT,
  TRANSACTIONAL_BIT,
  compressionCodecs,
  writeBatchCrc,
  writeBatchHeader,
} from './header.js';
import type { CompressionCodec, TimestampType } from './header.js';
import { compressAsync, compressSync } from './compression.js';
import { layoutRecords, writeRecords } from './records.js';
import type { RecordInput } from './records.js';

export interface EncodeBatchOptions {
  readonly records: readonly RecordInput[];
  /** default 'none' */
  readonly compression?: CompressionCodec;
  /** default 0n: the log assigns the real one on append */
  readonly baseOffset?: bigint;
  /** default 'CreateTime' */
  readonly timestampType?: TimestampType;
  /** time of records that carry none; default Date.now() */
  readonly timestamp?: number;
  /** default: the first record's timestamp */
  readonly baseTimestamp?: number;
  /** default: the largest record timestamp */
  readonly maxTimestamp?: number;
  /** default: the last record's offsetDelta (compaction keeps the original one) */
  readonly lastOffsetDelta?: number;
  readonly producerId?: bigint;
  readonly producerEpoch?: number;
  readonly baseSequence?: number;
  readonly partitionLeaderEpoch?: number;
  readonly isTransactional?: boolean;
  readonly isControl?: boolean;
}

interface Prepared {
  readonly now: number;
  readonly baseTimestamp: number;
  readonly maxTimestamp: number;
  readonly attributes: number;
  readonly codec: CompressionCodec;
}

function prepare(o: EncodeBatchOptions): Prepared {
  const records = o.records;
  if (records.length === 0) throw new LogError('GALE_ERR_LOG_INVALID_REQUEST', 'a record batch needs at least one record');
  const now = o.timestamp ?? Date.now();
  const first = records[0]!.timestamp ?? now;
  let max = -Infinity;
  for (let i = 0; i < records.length; i++) {
    const t = records[i]!.timestamp ?? now;
    if (t > max) max = t;
  }
  const codec = o.compression ?? 'none';
  const attributes =
    compressionCodecs.indexOf(codec) |
    (o.timestampType === 'LogAppendTime' ? TIMESTAMP_TYPE_BIT : 0) |
    (o.isTransactional === true ? TRANSACTIONAL_BIT : 0) |
    (o.isControl === true ? CONTROL_BIT : 0);
  return { now, baseTimestamp: o.baseTimestamp ?? first, maxTimestamp: o.maxTimestamp ?? max, attributes, codec };
}

function frame(o: EncodeBatchOptions, p: Prepared, out: Buffer): Buffer {
  const records = o.records;
  writeBatchHeader(out, 0, {
    baseOffset: o.baseOffset ?? 0n,
    batchLength: out.length - LOG_OVERHEAD,
    partitionLeaderEpoch: o.partitionLeaderEpoch ?? -1,
    attributes: p.attributes,
    lastOffsetDelta: o.lastOffsetDelta ?? records[records.length - 1]!.offsetDelta ?? records.length - 1,
    baseTimestamp: p.baseTimestamp,
    maxTimestamp: p.maxTimestamp,
    producerId: o.producerId ?? -1n,
    producerEpoch: o.producerEpoch ?? -1,
    baseSequence: o.baseSequence ?? -1,
    recordCount: records.length,
  });
  writeBatchCrc(out, 0, out.length);
  return out;
}

function uncompressedRecords(o: EncodeBatchOptions, p: Prepared, headerRoom: number): Buffer {
  const layout = layoutRecords(o.records, p.baseTimestamp, p.now);
  const out = Buffer.allocUnsafe(headerRoom + layout.totalBytes);
  writeRecords(out, headerRoom, o.records, layout, p.baseTimestamp, p.now);
  return out;
}

function framed(o: EncodeBatchOptions, p: Prepared, compressed: Buffer): Buffer {
  const out = Buffer.allocUnsafe(HEADER_SIZE + compressed.length);
  out.set(compressed, HEADER_SIZE);
  return frame(o, p, out);
}

/** Encodes a batch. zstd needs `encodeRecordBatchAsync` (throws CODEC_NEEDS_ASYNC here). */
export function encodeRecordBatch(o: EncodeBatchOptions): Buffer {
  const p = prepare(o);
  if (p.codec === 'none') return frame(o, p, uncompressedRecords(o, p, HEADER_SIZE));
  return framed(o, p, compressSync(p.codec, uncompressedRecords(o, p, 0)));
}

/** Encodes a batch with any codec, compressing off the main thread where the codec allows. */
export async function encodeRecordBatchAsync(o: EncodeBatchOptions): Promise<Buffer> {
  const p = prepare(o);
  if (p.codec === 'none') return frame(o, p, uncompressedRecords(o, p, HEADER_SIZE));
  return framed(o, p, await compressAsync(p.codec, uncompressedRecords(o, p, 0)));
}
