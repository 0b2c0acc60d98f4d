/**
 * Connection rules clients depend on: pipelined requests answered in request
 * order even when a long poll finishes last; acks=0 answered with nothing;
 * ApiVersions above our max answered in v0 form with UNSUPPORTED_VERSION;
 * unknown APIs, bad versions and oversized frames close that connection only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiVersionsApi } from '../../../src/kafka/apis/api-versions/spec.js';
import { fetchApi } from '../../../src/kafka/apis/fetch/spec.js';
import { metadataApi } from '../../../src/kafka/apis/metadata/spec.js';
import { produceApi } from '../../../src/kafka/apis/produce/spec.js';
import { encodeRecordBatch } from '../../../src/log/record-batch/index.js';
import { startBroker, type TestBroker } from './broker.js';
import { RawClient } from './raw-client.js';

let broker: TestBroker;

beforeAll(async () => {
  broker = await startBroker({ maxFrameBytes: 1024 * 1024 });
  await broker.log.createTopic('frames', { partitions: 1 });
});
afterAll(async () => {
  await broker.stop();
});

const fetchBody = (offset: bigint, maxWaitMs: number) => ({
  replicaId: -1,
  maxWaitMs,
  minBytes: 1,
  maxBytes: 1 << 20,
  isolationLevel: 0,
  topics: [{ topic: 'frames', partitions: [{ partition: 0, fetchOffset: offset, partitionMaxBytes: 1 << 20 }] }],
});

describe('kafka connection framing', () => {
  it('answers pipelined requests in order while a fetch long-polls, and wakes the poll on produce', async () => {
    const c = await RawClient.connect(broker.server.port);
    const producer = await RawClient.connect(broker.server.port);
    try {
      const hw = (await broker.log.offsets({ topic: 'frames', partition: 0 })).highWatermark;
      const polled = c.request(fetchApi, 11, fetchBody(hw, 10_000));
      const md = c.request(metadataApi, 4, { topics: [{ name: 'frames' }], allowAutoTopicCreation: false });
      const av = c.request(apiVersionsApi, 2, {});
      // the metadata answer is ready at once but must wait behind the fetch
      await new Promise((r) => setTimeout(r, 200));
      expect(c.arrivalOrder).toEqual([]);
      const batch = encodeRecordBatch({ records: [{ key: 'k', value: 'wake up' }] });
      const p = await producer.request(produceApi, 7, { transactionalId: null, acks: 1, timeoutMs: 1000, topicData: [{ name: 'frames', partitionData: [{ index: 0, records: batch }] }] });
      expect(p.responses[0]!.partitionResponses[0]!.errorCode).toBe(0);
      const f = await polled;
      expect(f.responses[0]!.partitions[0]!.records!.length).toBeGreaterThan(0);
      expect((await md).topics[0]!.name).toBe('frames');
      expect((await av).errorCode).toBe(0);
      expect(c.arrivalOrder).toEqual([1, 2, 3]);
    } finally {
      c.close();
      producer.close();
    }
  });

  it('sends nothing back for acks=0, and the next answer still matches its request', async () => {
    const c = await RawClient.connect(broker.server.port);
    try {
      const before = (await broker.log.offsets({ topic: 'frames', partition: 0 })).highWatermark;
      const id = c.takeId();
      const batch = encodeRecordBatch({ records: [{ value: 'fire and forget' }] });
      c.socket.write(c.frame(produceApi, 7, { transactionalId: null, acks: 0, timeoutMs: 1000, topicData: [{ name: 'frames', partitionData: [{ index: 0, records: batch }] }] }, id));
      const av = await c.request(apiVersionsApi, 2, {});
      expect(av.errorCode).toBe(0);
      expect(c.arrivalOrder).toEqual([id + 1]);
      // the append still happens (acknowledged to nobody): wait for it
      expect(await broker.log.waitForData({ topic: 'frames', partition: 0 }, before, 5000)).toBe(true);
    } finally {
      c.close();
    }
  });

  it('answers ApiVersions above its max with a v0 body carrying UNSUPPORTED_VERSION and its ranges', async () => {
    const c = await RawClient.connect(broker.server.port);
    try {
      const id = c.takeId();
      const frame = c.frame(apiVersionsApi, 0, {}, id);
      frame.writeInt16BE(9, 6); // claim ApiVersions v9
      const answer = c.expect(apiVersionsApi, 0, id);
      c.socket.write(frame);
      const r = await answer;
      expect(r.errorCode).toBe(35);
      expect(r.apiKeys.find((k) => k.apiKey === 18)).toEqual({ apiKey: 18, minVersion: 0, maxVersion: 3 });
      // the connection stays usable: clients retry at a version they find
      expect((await c.request(apiVersionsApi, 3, { clientSoftwareName: 'any name!', clientSoftwareVersion: '1' })).errorCode).toBe(0);
    } finally {
      c.close();
    }
  });

  it('closes only the offending connection for an unknown api, a bad version, or an oversized frame', async () => {
    const bystander = await RawClient.connect(broker.server.port);
    try {
      const bad: Buffer[] = [];
      const unknownApi = bystander.frame(apiVersionsApi, 0, {}, 1);
      unknownApi.writeInt16BE(999, 4);
      bad.push(unknownApi);
      const badVersion = bystander.frame(metadataApi, 0, { topics: [] }, 1);
      badVersion.writeInt16BE(77, 6);
      bad.push(badVersion);
      const huge = Buffer.alloc(8);
      huge.writeInt32BE(64 * 1024 * 1024, 0);
      bad.push(huge);
      bad.push(Buffer.from([0, 0, 0, 3, 0, 18, 0])); // a body too short for a header
      for (const bytes of bad) {
        const c = await RawClient.connect(broker.server.port);
        c.socket.write(bytes);
        await c.closed;
      }
      expect((await bystander.request(apiVersionsApi, 2, {})).errorCode).toBe(0);
      expect(broker.warnings.length).toBeGreaterThanOrEqual(3);
    } finally {
      bystander.close();
    }
  });
});
