/**
 * kafkajs 2.2.4 features beyond the basic group tests: consumer.seek,
 * eachBatch with resolveOffset and heartbeat,
 * admin.fetchTopicOffsetsByTimestamp, admin.describeGroups, setOffsets
 * (kafkajs spends ~5 s in it: a paused temporary consumer), and a
 * transactional producer — refused with a clear, non-retriable error while
 * the broker keeps serving.
 */
import { describe, expect, it } from 'vitest';
import type { Admin } from 'kafkajs';
import { useGroupBrokerWithAdmin, waitFor, type GroupTestBroker } from './group-support.js';

let broker: GroupTestBroker;
let admin: Admin;
useGroupBrokerWithAdmin((b, a) => {
  broker = b;
  admin = a;
});

describe('kafkajs features', () => {
  it('offsets by timestamp, eachBatch with heartbeat, seek, describeGroups, setOffsets', async () => {
    const topic = 'kjs-features';
    const groupId = 'kjs-features-g';
    await admin.createTopics({ topics: [{ topic, numPartitions: 2 }] });
    const producer = broker.kafka().producer();
    await producer.connect();
    const base = Date.now() - 100_000;
    try {
      await producer.send({ topic, messages: Array.from({ length: 40 }, (_, i) => ({ partition: i % 2, value: `v${i}`, timestamp: String(base + i * 1000) })) });
    } finally {
      await producer.disconnect();
    }
    // record i is in partition i % 2 at base + i s: base + 20 s → record 20 (p0, offset 10) and record 21 (p1, offset 10)
    expect(await admin.fetchTopicOffsetsByTimestamp(topic, base + 20_000)).toEqual([
      { partition: 0, offset: '10' },
      { partition: 1, offset: '10' },
    ]);

    const consumer = broker.kafka().consumer({ groupId, heartbeatInterval: 300, maxWaitTimeInMs: 100 });
    await consumer.connect();
    const got: string[] = [];
    let heartbeats = 0;
    let seeked = false;
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({
        eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
          for (const m of batch.messages) {
            got.push(`${batch.partition}:${m.offset}`);
            resolveOffset(m.offset);
            await heartbeat();
            heartbeats++;
          }
          if (!seeked && got.length >= 40) {
            seeked = true;
            consumer.seek({ topic, partition: 1, offset: '15' });
          }
        },
      });
      await waitFor('all, then the re-read after seek', () => (got.length >= 45 ? true : undefined));
      expect(new Set(got.slice(0, 40)).size).toBe(40);
      expect(got.slice(40, 45)).toEqual(['1:15', '1:16', '1:17', '1:18', '1:19']);
      expect(heartbeats).toBeGreaterThanOrEqual(45);
      const { groups } = await admin.describeGroups([groupId]);
      expect(groups[0]).toMatchObject({ groupId, state: 'Stable', protocolType: 'consumer' });
      expect(groups[0]!.members).toHaveLength(1);
    } finally {
      await consumer.disconnect();
    }
    await admin.setOffsets({ groupId, topic, partitions: [{ partition: 0, offset: '3' }] });
    expect((await admin.fetchOffsets({ groupId, topics: [topic] }))[0]!.partitions.find((p) => p.partition === 0)?.offset).toBe('3');
  });

  it('a transactional producer gets TRANSACTIONAL_ID_AUTHORIZATION_FAILED and the broker keeps serving', async () => {
    const tx = broker.kafka().producer({ transactionalId: 'kjs-tx', maxInFlightRequests: 1, idempotent: true, retry: { retries: 1 } });
    await tx.connect();
    try {
      const err = await tx.transaction().then(
        () => undefined,
        (e: unknown) => e as { type?: string; retriable?: boolean },
      );
      expect(err?.type).toBe('TRANSACTIONAL_ID_AUTHORIZATION_FAILED');
      expect(err?.retriable).toBe(false);
    } finally {
      await tx.disconnect();
    }
    expect(broker.warnings.some((w) => w.includes("transactional id 'kjs-tx' refused"))).toBe(true);
    expect(await admin.listTopics()).toContain('kjs-features');
  });
});
