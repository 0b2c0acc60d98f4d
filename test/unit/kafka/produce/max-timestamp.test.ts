/**
 * A batch whose maxTimestamp is below its baseTimestamp (sarama < 1.23 sends
 * -1) gets the true maximum of its records and a matching CRC; sound
 * batches, LogAppendTime batches and batches with a wrong CRC are untouched.
 */
import { describe, expect, it } from 'vitest';
import {
  computeBatchCrc,
  CRC_AT,
  encodeRecordBatch,
  MAX_TIMESTAMP_AT,
  readBatchHeader,
  splitBatches,
  writeInt64FromNumber,
} from '../../../../src/log/record-batch/index.js';
import { repairMaxTimestamps } from '../../../../src/kafka/apis/produce/max-timestamp.js';

/** a batch as sarama 1.22 writes it: maxTimestamp -1, CRC computed over that */
function saramaStyle(compression: 'none' | 'gzip', timestamps: number[]): Buffer {
  const b = encodeRecordBatch({ compression, records: timestamps.map((timestamp, i) => ({ value: `v${i}`, timestamp })) });
  writeInt64FromNumber(b, MAX_TIMESTAMP_AT, -1);
  b.writeUInt32BE(computeBatchCrc(b, 0, b.length), CRC_AT);
  return b;
}

describe('repairMaxTimestamps', () => {
  it('fills in the records’ maximum and a valid CRC, batch by batch', () => {
    const bytes = Buffer.concat([saramaStyle('none', [5000, 9000, 7000]), saramaStyle('gzip', [100, 50]), encodeRecordBatch({ records: [{ value: 'ok', timestamp: 42 }] })]);
    const spans = splitBatches(bytes);
    repairMaxTimestamps(bytes, spans);
    const headers = spans.map((s) => readBatchHeader(bytes, s.at));
    expect(headers.map((h) => h.maxTimestamp)).toEqual([9000, 100, 42]);
    for (const s of spans) expect(readBatchHeader(bytes, s.at).crc).toBe(computeBatchCrc(bytes, s.at, s.size));
  });

  it('leaves a batch with a wrong CRC for the log to refuse', () => {
    const b = saramaStyle('none', [1, 2]);
    b.writeUInt32BE((b.readUInt32BE(CRC_AT) ^ 1) >>> 0, CRC_AT);
    const before = Buffer.from(b);
    repairMaxTimestamps(b, splitBatches(b, { skipCrc: true }));
    expect(b.equals(before)).toBe(true);
  });
});
