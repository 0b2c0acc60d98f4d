/**
 * kafkajs against the broker: records with keys, headers and timestamps go
 * in through Produce and come back through Fetch unchanged, in order per
 * partition, with every compression codec kafkajs can use.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompressionCodecs, CompressionTypes, type Consumer, type KafkaMessage } from 'kafkajs';
import { startBroker, type TestBroker } from './broker.js';
import { registerKafkajsCodecs } from './codecs.js';

let broker: TestBroker;

beforeAll(async () => {
  registerKafkajsCodecs(CompressionCodecs);
  broker = await startBroker();
});
afterAll(async () => {
  await broker.stop();
});

/** Reads `count` messages of the topics from the beginning with a group consumer. */
async function consume(topics: string[], count: number): Promise<{ topic: string; partition: number; message: KafkaMessage }[]> {
  const consumer: Consumer = broker.kafka().consumer({ groupId: `g-${topics.join('-')}`, maxWaitTimeInMs: 200 });
  const got: { topic: string; partition: number; message: KafkaMessage }[] = [];
  try {
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`only ${got.length}/${count} messages`)), 30_000);
      void consumer.run({
        eachMessage: async ({ topic, partition, message }) => {
          got.push({ topic, partition, message });
          if (got.length >= count) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return got;
}

describe('kafkajs produce and consume', () => {
  it('keeps keys, values, headers and timestamps, in order per partition', async () => {
    const topic = 'pc-basic';
    const admin = broker.kafka().admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 3 }] });
    await admin.disconnect();
    const producer = broker.kafka().producer();
    await producer.connect();
    const base = Date.UTC(2024, 0, 1);
    const sent = Array.from({ length: 60 }, (_, i) => ({
      key: `k${i % 7}`,
      value: `value-${i}`,
      timestamp: String(base + i),
      headers: { seq: String(i), 'x-bin': Buffer.from([i, 0, 255]) },
    }));
    for (let i = 0; i < sent.length; i += 20) await producer.send({ topic, messages: sent.slice(i, i + 20) });
    await producer.disconnect();

    const got = await consume([topic], sent.length);
    expect(got).toHaveLength(sent.length);
    const byValue = new Map(got.map((g) => [g.message.value!.toString(), g]));
    for (const s of sent) {
      const g = byValue.get(s.value)!;
      expect(g, s.value).toBeDefined();
      expect(g.message.key!.toString()).toBe(s.key);
      expect(g.message.timestamp).toBe(s.timestamp);
      expect(g.message.headers!['seq']!.toString()).toBe(s.headers.seq);
      expect(Buffer.compare(g.message.headers!['x-bin'] as Buffer, s.headers['x-bin'])).toBe(0);
    }
    // same key → same partition, and within a partition the send order holds
    const perPartition = new Map<number, number[]>();
    for (const g of got) {
      const list = perPartition.get(g.partition) ?? [];
      list.push(Number(g.message.headers!['seq']!.toString()));
      perPartition.set(g.partition, list);
    }
    for (const seqs of perPartition.values()) expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    const partitionOfKey = new Map<string, number>();
    for (const g of got) {
      const k = g.message.key!.toString();
      expect(partitionOfKey.get(k) ?? g.partition).toBe(g.partition);
      partitionOfKey.set(k, g.partition);
    }
  });

  it('round-trips gzip, snappy, lz4 and zstd batches', async () => {
    const codecs = [
      ['gzip', CompressionTypes.GZIP],
      ['snappy', CompressionTypes.Snappy],
      ['lz4', CompressionTypes.LZ4],
      ['zstd', CompressionTypes.ZSTD],
    ] as const;
    const producer = broker.kafka().producer();
    await producer.connect();
    const sent = new Map<string, string[]>();
    for (const [name, codec] of codecs) {
      const messages = Array.from({ length: 50 }, (_, i) => ({ key: `k${i}`, value: `${name} payload ${i} `.repeat(20) }));
      await producer.send({ topic: `pc-${name}`, compression: codec, messages });
      sent.set(`pc-${name}`, messages.map((m) => m.value));
    }
    await producer.disconnect();
    // one consumer for all four topics (each group join costs the coordinator's initial delay)
    const got = await consume([...sent.keys()], 200);
    for (const [topic, values] of sent) {
      expect(got.filter((g) => g.topic === topic).map((g) => g.message.value!.toString()), topic).toEqual(values);
    }
  });
});
