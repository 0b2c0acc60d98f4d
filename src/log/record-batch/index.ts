/**
 * Kafka record batch v2: the one storage and wire format of Gale's log.
 *
 *   encodeRecordBatch({ records, compression, ... })  → Buffer (sync; zstd: encodeRecordBatchAsync)
 *   decodeRecordBatches(bytes)                         → [{ header, records }] (sync; zstd: ...Async)
 *   validateBatch(buf, at, { maxBatchBytes, producer }) → size, or a typed LogError
 *   iterateBatches(bytes) / splitBatches(bytes)        → { at, size } per batch
 *   readBatchHeader(buf, at), assignBaseOffset(buf, at, offset), stampLogAppendTime(buf, at, ms)
 *
 * Byte layouts: header.ts (batch header), records.ts (records), compression.ts (codecs).
 */
export * from './header.js';
export * from './records.js';
export * from './validate.js';
export * from './encode.js';
export * from './decode.js';
export { crc32c } from './crc32c.js';
export { compressSync, compressAsync, decompressSync, decompressAsync, isXerialSnappy } from './compression.js';
