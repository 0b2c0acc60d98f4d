/**
 * Kafka record batch v2 (magic 2): the fixed 61-byte header.
 *
 * Byte layout (big-endian; offsets from the start of the batch):
 *
 *   at  size  field                 notes
 *    0   8    baseOffset            assigned by the log: rewritten in place (CRC does not cover it)
 *    8   4    batchLength           bytes after this field = total size - 12
 *   12   4    partitionLeaderEpoch  not covered by the CRC
 *   16   1    magic                 always 2
 *   17   4    crc                   CRC-32C (Castagnoli), unsigned, of bytes [21, end)
 *   21   2    attributes            bits 0-2 codec (0 none, 1 gzip, 2 snappy, 3 lz4, 4 zstd),
 *                                   bit 3 timestampType (0 CreateTime, 1 LogAppendTime),
 *                                   bit 4 isTransactional, bit 5 isControlBatch,
 *                                   bit 6 hasDeleteHorizonMs
 *   23   4    lastOffsetDelta       offset of the last record - baseOffset
 *   27   8    baseTimestamp         ms; record timestamps are deltas from it
 *   35   8    maxTimestamp          ms; for LogAppendTime the broker's time (every record's time)
 *   43   8    producerId            -1 when not idempotent
 *   51   2    producerEpoch
 *   53   4    baseSequence
 *   57   4    recordCount
 *   61   ...  records               see records.ts; when codec != 0 one compressed blob
 *
 * Types chosen for speed: offsets and producer ids are `bigint` (int64 on the
 * wire, and they are compared against bigint log offsets); timestamps are
 * `number` milliseconds (exact up to 2^53, i.e. the year 285 616).
 */
import { LogError } from '../errors.js';
import { crc32c } from './crc32c.js';

export const HEADER_SIZE = 61;
/** bytes before `batchLength` counts: baseOffset + batchLength */
export const LOG_OVERHEAD = 12;
export const MAGIC_V2 = 2;

export const BASE_OFFSET_AT = 0;
export const BATCH_LENGTH_AT = 8;
export const PARTITION_LEADER_EPOCH_AT = 12;
export const MAGIC_AT = 16;
export const CRC_AT = 17;
export const ATTRIBUTES_AT = 21;
export const LAST_OFFSET_DELTA_AT = 23;
export const BASE_TIMESTAMP_AT = 27;
export const MAX_TIMESTAMP_AT = 35;
export const PRODUCER_ID_AT = 43;
export const PRODUCER_EPOCH_AT = 51;
export const BASE_SEQUENCE_AT = 53;
export const RECORD_COUNT_AT = 57;

export const CODEC_MASK = 0x07;
export const TIMESTAMP_TYPE_BIT = 0x08;
export const TRANSACTIONAL_BIT = 0x10;
export const CONTROL_BIT = 0x20;
export const DELETE_HORIZON_BIT = 0x40;

/** Codec names in id order: the id is the index. */
export const compressionCodecs = ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const;
export type CompressionCodec = (typeof compressionCodecs)[number];
export type TimestampType = 'CreateTime' | 'LogAppendTime';

export interface RecordBatchHeader {
  readonly baseOffset: bigint;
  readonly batchLength: number;
  readonly partitionLeaderEpoch: number;
  readonly magic: number;
  readonly crc: number;
  readonly attributes: number;
  readonly lastOffsetDelta: number;
  readonly baseTimestamp: number;
  readonly maxTimestamp: number;
  readonly producerId: bigint;
  readonly producerEpoch: number;
  readonly baseSequence: number;
  readonly recordCount: number;
  // derived from attributes
  readonly compression: CompressionCodec;
  readonly timestampType: TimestampType;
  readonly isTransactional: boolean;
  readonly isControl: boolean;
}

/** int64 as a JS number (exact for |v| < 2^53): no bigint allocation. */
export function readInt64AsNumber(buf: Uint8Array, at: number): number {
  const hi = (buf[at]! << 24) | (buf[at + 1]! << 16) | (buf[at + 2]! << 8) | buf[at + 3]!;
  const lo = ((buf[at + 4]! << 24) | (buf[at + 5]! << 16) | (buf[at + 6]! << 8) | buf[at + 7]!) >>> 0;
  return hi * 4294967296 + lo;
}

export function writeInt64FromNumber(buf: Uint8Array, at: number, v: number): void {
  const hi = Math.floor(v / 4294967296);
  const lo = v - hi * 4294967296;
  buf[at] = hi >>> 24;
  buf[at + 1] = hi >>> 16;
  buf[at + 2] = hi >>> 8;
  buf[at + 3] = hi;
  buf[at + 4] = lo >>> 24;
  buf[at + 5] = lo >>> 16;
  buf[at + 6] = lo >>> 8;
  buf[at + 7] = lo;
}

function view(buf: Uint8Array): DataView {
  return new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
}

/** Total size in bytes of the batch starting at `at` (reads only batchLength). */
export function batchSizeAt(buf: Uint8Array, at: number): number {
  return (
    LOG_OVERHEAD +
    (((buf[at + BATCH_LENGTH_AT]! << 24) |
      (buf[at + BATCH_LENGTH_AT + 1]! << 16) |
      (buf[at + BATCH_LENGTH_AT + 2]! << 8) |
      buf[at + BATCH_LENGTH_AT + 3]!) >>>
      0)
  );
}

export function readBaseOffset(buf: Uint8Array, at: number): bigint {
  return view(buf).getBigInt64(at + BASE_OFFSET_AT);
}

export function readLastOffsetDelta(buf: Uint8Array, at: number): number {
  return view(buf).getInt32(at + LAST_OFFSET_DELTA_AT);
}

export function readMaxTimestamp(buf: Uint8Array, at: number): number {
  return readInt64AsNumber(buf, at + MAX_TIMESTAMP_AT);
}

export function readAttributes(buf: Uint8Array, at: number): number {
  return (buf[at + ATTRIBUTES_AT]! << 8) | buf[at + ATTRIBUTES_AT + 1]!;
}

/** Decodes the 61-byte header at `at`. Throws CORRUPT_BATCH if fewer bytes are there. */
export function readBatchHeader(buf: Uint8Array, at = 0): RecordBatchHeader {
  if (at < 0 || at + HEADER_SIZE > buf.length) {
    throw new LogError(
      'GALE_ERR_LOG_CORRUPT_BATCH',
      `record batch header needs ${HEADER_SIZE} bytes at ${at}, only ${Math.max(0, buf.length - at)} there`,
    );
  }
  const v = view(buf);
  const attributes = v.getInt16(at + ATTRIBUTES_AT);
  const codecId = attributes & CODEC_MASK;
  return {
    baseOffset: v.getBigInt64(at + BASE_OFFSET_AT),
    batchLength: v.getInt32(at + BATCH_LENGTH_AT),
    partitionLeaderEpoch: v.getInt32(at + PARTITION_LEADER_EPOCH_AT),
    magic: v.getInt8(at + MAGIC_AT),
    crc: v.getUint32(at + CRC_AT),
    attributes,
    lastOffsetDelta: v.getInt32(at + LAST_OFFSET_DELTA_AT),
    baseTimestamp: readInt64AsNumber(buf, at + BASE_TIMESTAMP_AT),
    maxTimestamp: readInt64AsNumber(buf, at + MAX_TIMESTAMP_AT),
    producerId: v.getBigInt64(at + PRODUCER_ID_AT),
    producerEpoch: v.getInt16(at + PRODUCER_EPOCH_AT),
    baseSequence: v.getInt32(at + BASE_SEQUENCE_AT),
    recordCount: v.getInt32(at + RECORD_COUNT_AT),
    // an unknown codec id is reported by validateBatch; here it reads as its raw name
    compression: compressionCodecs[codecId] ?? ('none' as CompressionCodec),
    timestampType: (attributes & TIMESTAMP_TYPE_BIT) !== 0 ? 'LogAppendTime' : 'CreateTime',
    isTransactional: (attributes & TRANSACTIONAL_BIT) !== 0,
    isControl: (attributes & CONTROL_BIT) !== 0,
  };
}

/** CRC-32C of bytes [at+21, at+size): what the header's crc must equal. */
export function computeBatchCrc(buf: Uint8Array, at: number, size: number): number {
  return crc32c(buf.subarray(at + ATTRIBUTES_AT, at + size));
}

/** Rewrites baseOffset in place. The CRC does not cover it, so nothing else changes. */
export function assignBaseOffset(buf: Uint8Array, at: number, baseOffset: bigint): void {
  view(buf).setBigInt64(at + BASE_OFFSET_AT, baseOffset);
}

export function setPartitionLeaderEpoch(buf: Uint8Array, at: number, epoch: number): void {
  view(buf).setInt32(at + PARTITION_LEADER_EPOCH_AT, epoch);
}

/**
 * Marks the batch LogAppendTime with `timestampMs` as its maxTimestamp (which
 * readers then use as every record's time), and recomputes the CRC, since
 * both fields are covered by it.
 */
export function stampLogAppendTime(buf: Uint8Array, at: number, timestampMs: number): void {
  const v = view(buf);
  const size = batchSizeAt(buf, at);
  v.setInt16(at + ATTRIBUTES_AT, v.getInt16(at + ATTRIBUTES_AT) | TIMESTAMP_TYPE_BIT);
  writeInt64FromNumber(buf, at + MAX_TIMESTAMP_AT, timestampMs);
  v.setUint32(at + CRC_AT, computeBatchCrc(buf, at, size));
}

/** Writes all header fields except crc (callers write it once the records are in place). */
export function writeBatchHeader(
  buf: Uint8Array,
  at: number,
  h: Omit<RecordBatchHeader, 'crc' | 'magic' | 'compression' | 'timestampType' | 'isTransactional' | 'isControl'>,
): void {
  const v = view(buf);
  v.setBigInt64(at + BASE_OFFSET_AT, h.baseOffset);
  v.setInt32(at + BATCH_LENGTH_AT, h.batchLength);
  v.setInt32(at + PARTITION_LEADER_EPOCH_AT, h.partitionLeaderEpoch);
  v.setInt8(at + MAGIC_AT, MAGIC_V2);
  v.setInt16(at + ATTRIBUTES_AT, h.attributes);
  v.setInt32(at + LAST_OFFSET_DELTA_AT, h.lastOffsetDelta);
  writeInt64FromNumber(buf, at + BASE_TIMESTAMP_AT, h.baseTimestamp);
  writeInt64FromNumber(buf, at + MAX_TIMESTAMP_AT, h.maxTimestamp);
  v.setBigInt64(at + PRODUCER_ID_AT, h.producerId);
  v.setInt16(at + PRODUCER_EPOCH_AT, h.producerEpoch);
  v.setInt32(at + BASE_SEQUENCE_AT, h.baseSequence);
  v.setInt32(at + RECORD_COUNT_AT, h.recordCount);
}

export function writeBatchCrc(buf: Uint8Array, at: number, size: number): void {
  view(buf).setUint32(at + CRC_AT, computeBatchCrc(buf, at, size));
}
