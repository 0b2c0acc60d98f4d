/**
 * Idempotent producer: a batch retried after a lost response is answered
 * with its original offsets and not appended twice (kafkajs through a proxy
 * that swallows the first Produce response), and the sequence rules hold
 * for exact frames: duplicates, gaps, and InitProducerId always handing out a fresh id.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeRecordBatch } from '../../../src/log/record-batch/index.js';
import { initProducerIdApi } from '../../../src/kafka/apis/init-producer-id/spec.js';
import { produceApi } from '../../../src/kafka/apis/produce/spec.js';
import { startBroker, type TestBroker } from './broker.js';
import { CaptureProxy } from './capture-proxy.js';
import { RawClient } from './raw-client.js';

let broker: TestBroker;
let proxy: CaptureProxy;
let dropped = 0;

beforeAll(async () => {
  proxy = new CaptureProxy();
  // lose the answer to the first Produce: the batch is in the log, the client never hears so
  proxy.dropResponse = (_res, req) => {
    if (req.readInt16BE(0) !== 0 || dropped > 0) return false;
    dropped++;
    return true;
  };
  const proxyPort = await proxy.listen();
  broker = await startBroker({ advertisedPort: proxyPort });
  proxy.forwardTo(broker.server.port);
});
afterAll(async () => {
  await broker.stop();
  await proxy.close();
});

describe('idempotent producer', () => {
  it('kafkajs: a retry after a lost response is not appended twice', async () => {
    const topic = 'idem-kjs';
    await broker.log.createTopic(topic, { partitions: 1 });
    const producer = broker.kafka({ brokers: [`127.0.0.1:${broker.server.broker.config.advertisedPort}`], retry: { initialRetryTime: 50, retries: 20 } }).producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    try {
      const first = await producer.send({ topic, messages: Array.from({ length: 10 }, (_, i) => ({ value: `a${i}` })) });
      const second = await producer.send({ topic, messages: Array.from({ length: 5 }, (_, i) => ({ value: `b${i}` })) });
      expect(dropped).toBe(1);
      expect(first[0]!.baseOffset).toBe('0');
      expect(second[0]!.baseOffset).toBe('10');
    } finally {
      await producer.disconnect();
    }
    expect((await broker.log.offsets({ topic, partition: 0 })).highWatermark).toBe(15n);
  });

  it('exact frames: duplicate, gap, and a fresh id for every InitProducerId', async () => {
    const topic = 'idem-raw';
    await broker.log.createTopic(topic, { partitions: 1 });
    const c = await RawClient.connect(broker.server.port);
    try {
      const init = await c.request(initProducerIdApi, 1, { transactionalId: null, transactionTimeoutMs: 60000 });
      expect(init.errorCode).toBe(0);
      const pid = init.producerId;
      const send = async (seq: number, epoch: number, n: number) => {
        const batch = encodeRecordBatch({
          records: Array.from({ length: n }, (_, i) => ({ value: `s${seq + i}` })),
          producerId: pid,
          producerEpoch: epoch,
          baseSequence: seq,
        });
        const r = await c.request(produceApi, 7, { transactionalId: null, acks: -1, timeoutMs: 5000, topicData: [{ name: topic, partitionData: [{ index: 0, records: batch }] }] });
        return r.responses[0]!.partitionResponses[0]!;
      };
      expect(await send(0, 0, 3)).toMatchObject({ errorCode: 0, baseOffset: 0n });
      expect(await send(3, 0, 2)).toMatchObject({ errorCode: 0, baseOffset: 3n });
      // the same batch again: acknowledged with its original offset, nothing appended
      expect(await send(3, 0, 2)).toMatchObject({ errorCode: 0, baseOffset: 3n });
      expect(await send(0, 0, 3)).toMatchObject({ errorCode: 0, baseOffset: 0n });
      expect((await broker.log.offsets({ topic, partition: 0 })).highWatermark).toBe(5n);
      // a gap: OUT_OF_ORDER_SEQUENCE_NUMBER
      expect(await send(7, 0, 1)).toMatchObject({ errorCode: 45 });
      // a producer that names its id and epoch (librdkafka after a sequence error; @platformatic/kafka
      // always names 0/0) gets a fresh id at epoch 0, as from Kafka: ids are never shared or fenced
      const again = await c.request(initProducerIdApi, 4, { transactionalId: null, transactionTimeoutMs: 60000, producerId: pid, producerEpoch: 0 });
      expect(again).toMatchObject({ errorCode: 0, producerEpoch: 0 });
      expect(again.producerId).not.toBe(pid);
      const zero = [0, 1].map(() => c.request(initProducerIdApi, 4, { transactionalId: null, transactionTimeoutMs: 60000, producerId: 0n, producerEpoch: 0 }));
      const [z1, z2] = await Promise.all(zero);
      expect(z1).toMatchObject({ errorCode: 0, producerEpoch: 0 });
      expect(z2).toMatchObject({ errorCode: 0, producerEpoch: 0 });
      expect(new Set([pid, again.producerId, z1!.producerId, z2!.producerId]).size).toBe(4);
      expect(await send(5, 0, 1)).toMatchObject({ errorCode: 0, baseOffset: 5n });
      expect((await broker.log.offsets({ topic, partition: 0 })).highWatermark).toBe(6n);
    } finally {
      c.close();
    }
  });
});
