/**
 * Committed offsets are durable: a consumer group commits part of a topic,
 * `gale serve` stops, starts again over the same data dir, and a new member
 * of the group resumes right after the last commit. Runs the built CLI
 * (`npm run build` first; `npm test` does it).
 */
import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { Kafka, logLevel, type Kafka as KafkaClient } from 'kafkajs';
import { galeBin, startGaleServe, type GaleServe } from '../../helpers/gale-serve.js';
import { waitFor } from './group-support.js';

const serveArgs = ['--zk-port', '-1', '--http-port', '-1', '--group-initial-rebalance-delay', '0'];
const started: GaleServe[] = [];

afterAll(async () => {
  for (const s of started) await s.stop();
  started[0]?.cleanup();
});

async function serve(dataDir?: string): Promise<{ serve: GaleServe; kafka: KafkaClient }> {
  const s = await startGaleServe({ args: serveArgs, ...(dataDir === undefined ? {} : { dataDir }) });
  started.push(s);
  const kafka = new Kafka({ clientId: 'restart-test', brokers: [`127.0.0.1:${s.kafkaPort}`], logLevel: logLevel.NOTHING });
  return { serve: s, kafka };
}

/** Handles messages one by one, committing each, until `stopAfter` were handled; returns the values handled. */
async function consumeAndCommit(kafka: KafkaClient, groupId: string, topic: string, stopAfter: number): Promise<string[]> {
  const consumer = kafka.consumer({ groupId, heartbeatInterval: 300, maxWaitTimeInMs: 100 });
  const handled: string[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ topic: t, partition, message }) => {
        if (handled.length >= stopAfter) return; // not handled, so not committed
        handled.push(message.value!.toString());
        await consumer.commitOffsets([{ topic: t, partition, offset: String(Number(message.offset) + 1) }]);
      },
    });
    await waitFor(`${stopAfter} messages handled`, () => (handled.length >= stopAfter ? true : undefined));
  } finally {
    await consumer.disconnect();
  }
  return handled;
}

describe('committed offsets across a broker restart', () => {
  it('a new consumer in the group resumes after the last commit', async () => {
    if (!existsSync(galeBin)) throw new Error(`${galeBin} is missing: run \`npm run build\` first`);
    const topic = 'restart-offsets';
    const groupId = 'restart-group';
    const first = await serve();
    const admin = first.kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }] });
    await admin.disconnect();
    const producer = first.kafka.producer();
    await producer.connect();
    await producer.send({ topic, acks: -1, messages: Array.from({ length: 50 }, (_, i) => ({ value: `m${i}` })) });
    await producer.disconnect();

    expect(await consumeAndCommit(first.kafka, groupId, topic, 30)).toEqual(Array.from({ length: 30 }, (_, i) => `m${i}`));
    expect(await first.serve.stop()).toBe(0);

    const second = await serve(first.serve.dataDir);
    const admin2 = second.kafka.admin();
    await admin2.connect();
    try {
      // the group exists again (through its offsets) and kept them
      expect((await admin2.listGroups()).groups.map((g) => g.groupId)).toContain(groupId);
      const offsets = await admin2.fetchOffsets({ groupId, topics: [topic] });
      expect(offsets[0]!.partitions).toEqual([expect.objectContaining({ partition: 0, offset: '30' })]);
    } finally {
      await admin2.disconnect();
    }
    const rest = await consumeAndCommit(second.kafka, groupId, topic, 20);
    expect(rest).toEqual(Array.from({ length: 20 }, (_, i) => `m${30 + i}`));
  });
});
