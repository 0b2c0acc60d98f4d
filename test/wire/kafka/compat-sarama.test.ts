/**
 * sarama (Go; Debian golang-github-shopify-sarama-dev 1.22) quirks, with
 * frames built as it builds them (Go is not needed in CI):
 * - its record batches carry maxTimestamp -1 (it never fills the field;
 *   Kafka recomputes it on append). The broker repairs the header, so time
 *   lookups (and retention) see the records' real timestamps.
 * Its Kafka 0.10 mode (magic-1 message sets, Fetch v2) is covered by
 * compat-legacy-formats.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOffsetsApi } from '../../../src/kafka/apis/list-offsets/spec.js';
import { produceApi } from '../../../src/kafka/apis/produce/spec.js';
import { computeBatchCrc, CRC_AT, encodeRecordBatch, MAX_TIMESTAMP_AT, writeInt64FromNumber } from '../../../src/log/record-batch/index.js';
import { startBroker, type TestBroker } from './broker.js';
import { RawClient } from './raw-client.js';

let broker: TestBroker;
beforeAll(async () => {
  broker = await startBroker();
});
afterAll(async () => {
  await broker?.stop();
});

const T0 = 1_600_000_000_000;

/** one record per batch, as sarama's idempotent producer (MaxOpenRequests 1) sends them; maxTimestamp -1 */
function saramaBatch(value: string, timestamp: number): Buffer {
  const b = encodeRecordBatch({ records: [{ value, timestamp }] });
  writeInt64FromNumber(b, MAX_TIMESTAMP_AT, -1);
  b.writeUInt32BE(computeBatchCrc(b, 0, b.length), CRC_AT);
  return b;
}

describe('sarama', () => {
  it('batches with maxTimestamp -1 are found by time (ListOffsets v1, as sarama asks)', async () => {
    const topic = 'sarama-max-ts';
    await broker.log.createTopic(topic, { partitions: 1 });
    const c = await RawClient.connect(broker.server.port);
    try {
      // two producer runs: timestamps go up, then start over (not monotonic across batches)
      const stamps = [0, 1000, 2000, 3000, 4000, 0, 1000, 2000].map((d) => T0 + d);
      for (const [i, ts] of stamps.entries()) {
        const r = await c.request(produceApi, 3, {
          transactionalId: null,
          acks: -1,
          timeoutMs: 5000,
          topicData: [{ name: topic, partitionData: [{ index: 0, records: saramaBatch(`v${i}`, ts) }] }],
        });
        expect(r.responses[0]!.partitionResponses[0]).toMatchObject({ errorCode: 0, baseOffset: BigInt(i) });
      }
      const at = async (timestamp: number) => {
        const r = await c.request(listOffsetsApi, 1, { replicaId: -1, topics: [{ name: topic, partitions: [{ partitionIndex: 0, timestamp: BigInt(timestamp) }] }] });
        const p = r.topics[0]!.partitions[0]!;
        expect(p.errorCode).toBe(0);
        return [p.offset, p.timestamp];
      };
      expect(await at(T0)).toEqual([0n, BigInt(T0)]);
      expect(await at(T0 + 2000)).toEqual([2n, BigInt(T0 + 2000)]);
      expect(await at(T0 + 3500)).toEqual([4n, BigInt(T0 + 4000)]);
      expect(await at(T0 + 4001)).toEqual([-1n, -1n]);
    } finally {
      c.close();
    }
  });
});
