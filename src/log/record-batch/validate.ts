/**
 * Validation of record batches v2 as they arrive (produce) and as they are
 * re-read (recovery): length, magic, codec id, CRC-32C; for producer batches
 * also the record count. Records are not decoded: the broker stores batches
 * byte for byte, so the CRC is what proves the bytes intact.
 */
import { LogError } from '../errors.js';
import {
  ATTRIBUTES_AT,
  BATCH_LENGTH_AT,
  CODEC_MASK,
  CRC_AT,
  HEADER_SIZE,
  LAST_OFFSET_DELTA_AT,
  LOG_OVERHEAD,
  MAGIC_AT,
  MAGIC_V2,
  RECORD_COUNT_AT,
  compressionCodecs,
} from './header.js';
import { crc32c } from './crc32c.js';

export interface ValidateOptions {
  /** reject batches whose total size is larger (the topic's max.message.bytes) */
  readonly maxBatchBytes?: number;
  /** producer input: at least one record and lastOffsetDelta = recordCount - 1 */
  readonly producer?: boolean;
  /** skip the CRC check (only for bytes already validated, e.g. index rebuilds) */
  readonly skipCrc?: boolean;
}

export interface BatchSpan {
  /** where the batch starts in the buffer */
  readonly at: number;
  /** total bytes: 12 + batchLength */
  readonly size: number;
}

function corrupt(message: string, at: number): LogError {
  return new LogError('GALE_ERR_LOG_CORRUPT_BATCH', `${message} (batch at byte ${at})`, { details: { at } });
}

/**
 * Checks the batch starting at `at` and returns its total size. Throws
 * CORRUPT_BATCH (truncated, bad length, magic or CRC), UNSUPPORTED_COMPRESSION
 * or BATCH_TOO_LARGE.
 */
export function validateBatch(buf: Uint8Array, at: number, opts: ValidateOptions = {}): number {
  const available = buf.length - at;
  if (available < LOG_OVERHEAD) throw corrupt(`truncated batch: ${available} bytes, need at least ${LOG_OVERHEAD}`, at);
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const batchLength = dv.getInt32(at + BATCH_LENGTH_AT);
  const size = LOG_OVERHEAD + batchLength;
  if (size < HEADER_SIZE) throw corrupt(`batchLength ${batchLength} is shorter than the ${HEADER_SIZE - LOG_OVERHEAD}-byte header`, at);
  if (size > available) throw corrupt(`truncated batch: batchLength says ${size} bytes, ${available} present`, at);
  if (opts.maxBatchBytes !== undefined && size > opts.maxBatchBytes) {
    throw new LogError('GALE_ERR_LOG_BATCH_TOO_LARGE', `record batch of ${size} bytes exceeds max.message.bytes ${opts.maxBatchBytes}`, {
      details: { size, max: opts.maxBatchBytes },
    });
  }
  const magic = dv.getInt8(at + MAGIC_AT);
  if (magic !== MAGIC_V2) throw corrupt(`magic ${magic}: only record batch v2 (magic 2) is supported`, at);
  const codecId = dv.getInt16(at + ATTRIBUTES_AT) & CODEC_MASK;
  if (codecId >= compressionCodecs.length) {
    throw new LogError('GALE_ERR_LOG_UNSUPPORTED_COMPRESSION', `unknown compression codec id ${codecId}`, { details: { codecId } });
  }
  if (opts.skipCrc !== true) {
    const expected = dv.getUint32(at + CRC_AT);
    const actual = crc32c(buf.subarray(at + ATTRIBUTES_AT, at + size));
    if (expected !== actual) {
      throw corrupt(`CRC-32C mismatch: header says ${hex(expected)}, bytes give ${hex(actual)}`, at);
    }
  }
  const recordCount = dv.getInt32(at + RECORD_COUNT_AT);
  const lastOffsetDelta = dv.getInt32(at + LAST_OFFSET_DELTA_AT);
  if (recordCount < 0 || lastOffsetDelta < 0) throw corrupt(`negative recordCount ${recordCount} or lastOffsetDelta ${lastOffsetDelta}`, at);
  if (opts.producer === true && (recordCount === 0 || lastOffsetDelta !== recordCount - 1)) {
    throw corrupt(`producer batch with recordCount ${recordCount} and lastOffsetDelta ${lastOffsetDelta}`, at);
  }
  return size;
}

function hex(n: number): string {
  return `0x${n.toString(16).padStart(8, '0')}`;
}

export interface IterateOptions extends ValidateOptions {
  /** stop quietly at an incomplete last batch (a fetch response cut at its byte budget) */
  readonly allowPartialTail?: boolean;
}

/** Validates and yields each batch of concatenated batches. */
export function* iterateBatches(bytes: Uint8Array, opts: IterateOptions = {}): Generator<BatchSpan, void, undefined> {
  let at = 0;
  while (at < bytes.length) {
    if (opts.allowPartialTail === true && isPartialTail(bytes, at)) return;
    const size = validateBatch(bytes, at, opts);
    yield { at, size };
    at += size;
  }
}

/** Validates every batch and returns their spans (what an append does first). */
export function splitBatches(bytes: Uint8Array, opts: ValidateOptions = {}): BatchSpan[] {
  const spans: BatchSpan[] = [];
  let at = 0;
  while (at < bytes.length) {
    const size = validateBatch(bytes, at, opts);
    spans.push({ at, size });
    at += size;
  }
  return spans;
}

function isPartialTail(bytes: Uint8Array, at: number): boolean {
  const left = bytes.length - at;
  if (left < LOG_OVERHEAD) return true;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return LOG_OVERHEAD + dv.getInt32(at + BATCH_LENGTH_AT) > left;
}
