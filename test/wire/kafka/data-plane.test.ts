/**
 * The data-plane APIs at the exact versions clients send (kafka-python's
 * Fetch v4 / ListOffsets v1 / Metadata v0-v1, kafkajs's Fetch v11 /
 * ListOffsets v3, platformatic's flexible Fetch v12 / Metadata v9):
 * byte budgets and the KIP-74 oversize first batch, out-of-range offsets,
 * offsets by time, per-partition produce errors, Metadata's all-topics
 * conventions and auto-creation switched off.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchApi } from '../../../src/kafka/apis/fetch/spec.js';
import { listOffsetsApi } from '../../../src/kafka/apis/list-offsets/spec.js';
import { metadataApi } from '../../../src/kafka/apis/metadata/spec.js';
import { produceApi } from '../../../src/kafka/apis/produce/spec.js';
import { encodeRecordBatch, splitBatches } from '../../../src/log/record-batch/index.js';
import { startBroker, type TestBroker } from './broker.js';
import { RawClient } from './raw-client.js';

let broker: TestBroker;
let c: RawClient;
const T0 = Date.UTC(2024, 5, 1);

beforeAll(async () => {
  broker = await startBroker({ autoCreateTopics: false });
  await broker.log.createTopic('dp', { partitions: 2 });
  c = await RawClient.connect(broker.server.port);
  // partition 0: 10 batches of 10 records of 100 bytes, timestamps T0 + offset
  for (let b = 0; b < 10; b++) {
    const batch = encodeRecordBatch({ records: Array.from({ length: 10 }, (_, i) => ({ value: 'v'.repeat(100), timestamp: T0 + b * 10 + i })) });
    await produce('dp', 0, batch);
  }
  // partition 1: one 200 KB batch
  await produce('dp', 1, encodeRecordBatch({ records: [{ value: 'x'.repeat(200_000), timestamp: T0 }] }));
});
afterAll(async () => {
  c.close();
  await broker.stop();
});

async function produce(topic: string, index: number, records: Buffer | null, version = 7) {
  const r = await c.request(produceApi, version, { transactionalId: null, acks: -1, timeoutMs: 1000, topicData: [{ name: topic, partitionData: [{ index, records }] }] });
  return r.responses[0]!.partitionResponses[0]!;
}

function fetchAt(version: number, parts: { partition: number; offset: bigint; max: number }[], maxBytes = 50 << 20) {
  return c.request(fetchApi, version, {
    replicaId: -1,
    maxWaitMs: 0,
    minBytes: 0,
    maxBytes,
    isolationLevel: 1,
    sessionId: 0,
    sessionEpoch: -1,
    topics: [{ topic: 'dp', partitions: parts.map((p) => ({ partition: p.partition, fetchOffset: p.offset, partitionMaxBytes: p.max })) }],
  });
}

describe('Fetch', () => {
  for (const version of [4, 11, 12]) {
    it(`v${version}: whole batches within the partition budget, LSO = HWM, empty records at the end`, async () => {
      const r = await fetchAt(version, [{ partition: 0, offset: 25n, max: 3000 }]);
      const p = r.responses[0]!.partitions[0]!;
      expect(p).toMatchObject({ errorCode: 0, highWatermark: 100n, lastStableOffset: 100n });
      const spans = splitBatches(p.records!);
      // starts with the batch holding offset 25, never cuts a batch, stays within 3000 bytes
      expect(p.records!.readBigInt64BE(0)).toBe(20n);
      expect(spans.length).toBeGreaterThanOrEqual(1);
      expect(p.records!.length).toBeLessThanOrEqual(3000);
      const end = await fetchAt(version, [{ partition: 0, offset: 100n, max: 3000 }]);
      expect(end.responses[0]!.partitions[0]!.records).toEqual(Buffer.alloc(0));
    });
  }

  it('returns a first batch larger than every budget whole (KIP-74), and nothing more', async () => {
    const r = await fetchAt(11, [
      { partition: 1, offset: 0n, max: 1000 },
      { partition: 0, offset: 0n, max: 1000 },
    ], 1000);
    const [big, small] = r.responses[0]!.partitions;
    expect(splitBatches(big!.records!)).toHaveLength(1);
    expect(big!.records!.length).toBeGreaterThan(200_000);
    // the response budget is spent: the second partition waits for the next fetch
    expect(small!.records!.length).toBe(0);
    expect(small!.errorCode).toBe(0);
  });

  it('answers OFFSET_OUT_OF_RANGE past the high watermark and UNKNOWN_TOPIC_OR_PARTITION for a missing partition', async () => {
    const r = await fetchAt(11, [{ partition: 0, offset: 1000n, max: 1000 }, { partition: 7, offset: 0n, max: 1000 }]);
    expect(r.responses[0]!.partitions.map((p) => p.errorCode)).toEqual([1, 3]);
    expect(r.responses[0]!.partitions[0]).toMatchObject({ highWatermark: 100n, logStartOffset: 0n });
  });
});

describe('ListOffsets', () => {
  const ask = (version: number, timestamp: bigint) =>
    c.request(listOffsetsApi, version, { replicaId: -1, isolationLevel: 0, topics: [{ name: 'dp', partitions: [{ partitionIndex: 0, timestamp, maxNumOffsets: 1 }] }] })
      .then((r) => r.topics[0]!.partitions[0]!);

  it('v0 answers old-style offset lists; v1+ single offsets for latest, earliest and a time', async () => {
    expect((await ask(0, -1n)).oldStyleOffsets).toEqual([100n]);
    for (const v of [1, 2, 3, 5]) {
      expect((await ask(v, -1n)).offset, `latest v${v}`).toBe(100n);
      expect((await ask(v, -2n)).offset, `earliest v${v}`).toBe(0n);
      expect(await ask(v, BigInt(T0 + 37)), `by time v${v}`).toMatchObject({ offset: 37n, timestamp: BigInt(T0 + 37) });
      expect((await ask(v, BigInt(T0 + 10_000))).offset, `after the last record v${v}`).toBe(-1n);
    }
  });
});

describe('Produce', () => {
  it('reports errors per partition: bad CRC, unknown topic, missing records', async () => {
    const batch = encodeRecordBatch({ records: [{ value: 'ok' }] });
    batch[batch.length - 1] = batch[batch.length - 1]! ^ 0xff; // the CRC no longer matches
    expect((await produce('dp', 0, batch)).errorCode).toBe(2);
    expect((await produce('nope', 0, encodeRecordBatch({ records: [{ value: 'x' }] }))).errorCode).toBe(3);
    expect((await produce('dp', 0, null)).errorCode).toBe(87);
    expect((await broker.log.offsets({ topic: 'dp', partition: 0 })).highWatermark).toBe(100n);
  });
});

describe('Metadata', () => {
  it('v0: an empty topic list means all topics; v1+: null means all and empty means none', async () => {
    const all0 = await c.request(metadataApi, 0, { topics: [] });
    expect(all0.topics.map((t) => t.name)).toContain('dp');
    const none1 = await c.request(metadataApi, 1, { topics: [] });
    expect(none1.topics).toEqual([]);
    const all9 = await c.request(metadataApi, 9, { topics: null, allowAutoTopicCreation: false });
    expect(all9.topics.find((t) => t.name === 'dp')!.partitions).toHaveLength(2);
    expect(all9).toMatchObject({ controllerId: 0, brokers: [{ nodeId: 0, host: '127.0.0.1', port: broker.server.port }] });
    expect(all9.clusterId).toEqual(expect.any(String));
  });

  it('does not create topics when auto-creation is off, even if the client allows it', async () => {
    const r = await c.request(metadataApi, 4, { topics: [{ name: 'not-made' }], allowAutoTopicCreation: true });
    expect(r.topics[0]).toMatchObject({ name: 'not-made', errorCode: 3 });
    expect(await broker.log.describeTopic('not-made')).toBeUndefined();
  });
});
