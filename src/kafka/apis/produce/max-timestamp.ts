/**
 * Repairs a batch header whose maxTimestamp is below its baseTimestamp.
 * sarama before 1.23 (Debian golang-github-shopify-sarama-dev 1.22) never
 * fills maxTimestamp and sends -1; Kafka recomputes it from the records on
 * append, so sarama users never notice. Gale's log indexes time and applies
 * retention by the header's maxTimestamp, so such batches were invisible to
 * ListOffsets by time and never expired by retention.ms.
 *
 * Only the impossible case (max < base, CreateTime) is repaired, so the
 * pass-through path stays free for every other client. The records are
 * decoded to find the true maximum (zstd, which only decodes
 * asynchronously, falls back to baseTimestamp: a lower bound); the CRC is
 * recomputed only for a batch whose CRC was right, so corruption still
 * reaches the log's own check.
 */
import {
  computeBatchCrc,
  CRC_AT,
  decodeRecordBatch,
  MAX_TIMESTAMP_AT,
  readBatchHeader,
  writeInt64FromNumber,
} from '../../../log/record-batch/index.js';
import type { BatchSpan } from '../../../log/record-batch/index.js';

/** Rewrites, in place, the maxTimestamp (and CRC) of batches that carry an impossible one. */
export function repairMaxTimestamps(records: Buffer, spans: readonly BatchSpan[]): void {
  for (const { at, size } of spans) {
    const h = readBatchHeader(records, at);
    if (h.timestampType !== 'CreateTime' || h.maxTimestamp >= h.baseTimestamp || h.recordCount === 0) continue;
    if (computeBatchCrc(records, at, size) !== h.crc) continue;
    let max = h.baseTimestamp;
    if (h.compression !== 'zstd') {
      for (const r of decodeRecordBatch(records.subarray(at, at + size), 0, { verifyCrc: false }).records) max = Math.max(max, r.timestamp);
    }
    writeInt64FromNumber(records, at + MAX_TIMESTAMP_AT, max);
    records.writeUInt32BE(computeBatchCrc(records, at, size), at + CRC_AT);
  }
}
