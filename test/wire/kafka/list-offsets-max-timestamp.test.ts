/**
 * ListOffsets v6 (flexible) and v7 (KIP-734: timestamp -3 = the record with
 * the largest timestamp) on a partition whose records are out of timestamp
 * order and span several segments: raw frames at each version, and
 * @platformatic/kafka's admin (which picks v7+ when advertised) asking for
 * MAX_TIMESTAMP as an application would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Admin } from '@platformatic/kafka';
import { listOffsetsApi } from '../../../src/kafka/apis/list-offsets/spec.js';
import { encodeRecordBatch } from '../../../src/log/record-batch/index.js';
import { startBroker, type TestBroker } from './broker.js';
import { RawClient } from './raw-client.js';

const T0 = Date.UTC(2025, 0, 1);
const TOPIC = 'lo-max';
/** offset of the record with the largest timestamp: inside batch 4, not its last record */
const MAX_OFFSET = 13n;
const MAX_TS = T0 + 500_000;

let broker: TestBroker;
let c: RawClient;

beforeAll(async () => {
  broker = await startBroker({ autoCreateTopics: false });
  await broker.log.createTopic(TOPIC, { partitions: 2, configs: { 'segment.bytes': '300' } });
  // partition 0: 8 batches of 3 records, timestamps going back and forth; partition 1 stays empty
  for (let b = 0; b < 8; b++) {
    const stamps = [T0 + 1000 * (8 - b), T0 + 10 * b, T0 + 1000 * (8 - b) - 1];
    if (b === 4) stamps[1] = MAX_TS;
    if (b === 6) stamps[0] = MAX_TS; // an equal maximum later on: the first one is the answer
    await broker.log.append({ topic: TOPIC, partition: 0 }, encodeRecordBatch({ records: stamps.map((timestamp, i) => ({ value: `${b}.${i}`, timestamp })) }));
  }
  c = await RawClient.connect(broker.server.port);
});
afterAll(async () => {
  c?.close();
  await broker?.stop();
});

const ask = (version: number, partitionIndex: number, timestamp: bigint) =>
  c
    .request(listOffsetsApi, version, { replicaId: -1, isolationLevel: 0, topics: [{ name: TOPIC, partitions: [{ partitionIndex, timestamp, currentLeaderEpoch: -1 }] }] })
    .then((r) => r.topics[0]!.partitions[0]!);

describe('ListOffsets v6/v7', () => {
  it('the partition spans several segments', async () => {
    expect((await broker.log.partitionState({ topic: TOPIC, partition: 0 })).segments).toBeGreaterThan(2);
  });

  it('v7: -3 answers the offset and timestamp of the record with the largest timestamp', async () => {
    expect(await ask(7, 0, -3n)).toMatchObject({ errorCode: 0, offset: MAX_OFFSET, timestamp: BigInt(MAX_TS) });
  });

  it('v7: -3 on an empty partition answers -1 / -1 without an error', async () => {
    expect(await ask(7, 1, -3n)).toMatchObject({ errorCode: 0, offset: -1n, timestamp: -1n });
  });

  it('before v7, -3 is an invalid timestamp', async () => {
    expect((await ask(5, 0, -3n)).errorCode).toBe(42);
    expect((await ask(6, 0, -3n)).errorCode).toBe(42);
  });

  it('v6 and v7 keep earliest, latest and by-time', async () => {
    for (const v of [6, 7]) {
      expect((await ask(v, 0, -2n)).offset, `earliest v${v}`).toBe(0n);
      expect((await ask(v, 0, -1n)).offset, `latest v${v}`).toBe(24n);
      // first record (in offset order) at or after T0 + 7000: batch 1's first record
      expect(await ask(v, 0, BigInt(T0 + 7000)), `by time v${v}`).toMatchObject({ offset: 0n, timestamp: BigInt(T0 + 8000) });
      expect(await ask(v, 0, BigInt(MAX_TS + 1)), `after the max v${v}`).toMatchObject({ offset: -1n, timestamp: -1n });
    }
  });
});

describe('@platformatic/kafka admin', () => {
  it('listOffsets with MAX_TIMESTAMP (-3) finds the max-timestamp record; earliest and latest still work', async () => {
    const admin = new Admin({ clientId: 'plat-max-ts', bootstrapBrokers: [broker.bootstrap] });
    try {
      const list = async (timestamp: bigint) => {
        const [t] = await admin.listOffsets({ topics: [{ name: TOPIC, partitions: [{ partitionIndex: 0, timestamp }] }] });
        return t?.partitions[0];
      };
      expect(await list(-3n)).toMatchObject({ offset: MAX_OFFSET, timestamp: BigInt(MAX_TS) });
      expect((await list(-2n))?.offset).toBe(0n);
      expect((await list(-1n))?.offset).toBe(24n);
    } finally {
      await admin.close();
    }
  });
});
