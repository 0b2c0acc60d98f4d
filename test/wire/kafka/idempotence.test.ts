/**
 * Idempotent producer: a batch retried after a lost response is answered
 * with its original offsets and not appended twice (kafkajs through a proxy
 * that swallows the first Produce response), and the sequence rules hold
 * for exact frames: duplicates, gaps, stale epochs, epoch bumps.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeRecordBatch } from '../../../src/log/record-batch/index.js';
import { initProducerIdApi } from '../../../src/kafka/apis/init-producer-id/spec.js';
import { produceApi } from '../../../src/kafka/apis/produce/spec.js';
import { FrameReader } from '../../../src/wire/frame-reader.js';
import { startBroker, type TestBroker } from './broker.js';
import { RawClient } from './raw-client.js';

/** Forwards bytes both ways; drops (by closing the connection) the first `drop` Produce responses. */
class DroppingProxy {
  private server!: Server;
  private target = 0;
  dropped = 0;
  constructor(private drop: number) {}

  async listen(): Promise<number> {
    this.server = createServer((client) => this.pipe(client));
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    return (this.server.address() as { port: number }).port;
  }

  forwardTo(port: number): void {
    this.target = port;
  }

  private pipe(client: Socket): void {
    const upstream = connect(this.target, '127.0.0.1');
    const produceIds = new Set<number>();
    const fromClient = new FrameReader(1 << 30);
    const fromBroker = new FrameReader(1 << 30);
    const kill = (): void => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', kill);
    upstream.on('error', kill);
    client.on('close', kill);
    upstream.on('close', kill);
    client.on('data', (chunk: Buffer) => {
      for (const f of fromClient.push(chunk)) if (f.readInt16BE(0) === 0) produceIds.add(f.readInt32BE(4));
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      for (const f of fromBroker.push(chunk)) {
        const id = f.readInt32BE(0);
        if (produceIds.has(id) && this.drop > 0) {
          this.drop--;
          this.dropped++;
          kill(); // the batch reached the log; the client never hears so
          return;
        }
        const size = Buffer.alloc(4);
        size.writeInt32BE(f.length);
        client.write(Buffer.concat([size, f]));
      }
    });
  }

  close(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }
}

let broker: TestBroker;
let proxy: DroppingProxy;

beforeAll(async () => {
  proxy = new DroppingProxy(1);
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
      expect(proxy.dropped).toBe(1);
      expect(first[0]!.baseOffset).toBe('0');
      expect(second[0]!.baseOffset).toBe('10');
    } finally {
      await producer.disconnect();
    }
    expect((await broker.log.offsets({ topic, partition: 0 })).highWatermark).toBe(15n);
  });

  it('exact frames: duplicate, gap, stale epoch and epoch bump', async () => {
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
      // KIP-360 epoch bump, then the old epoch is fenced
      const bumped = await c.request(initProducerIdApi, 4, { transactionalId: null, transactionTimeoutMs: 60000, producerId: pid, producerEpoch: 0 });
      expect(bumped).toMatchObject({ errorCode: 0, producerId: pid, producerEpoch: 1 });
      expect(await send(0, 1, 1)).toMatchObject({ errorCode: 0, baseOffset: 5n });
      expect(await send(5, 0, 1)).toMatchObject({ errorCode: 47 });
      expect((await broker.log.offsets({ topic, partition: 0 })).highWatermark).toBe(6n);
    } finally {
      c.close();
    }
  });
});
