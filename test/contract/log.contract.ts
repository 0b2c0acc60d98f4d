/**
 * The `Log` seam's contract: one suite every implementation passes
 * (EmbeddedLog in-process; KafkaLog through kafkajs against a Kafka
 * broker — here Gale's own). What the engine relies on: topics, appends
 * whose offsets follow the call order, reads of whole batches from an
 * offset, watermarks, offsets by time, long polls, group offsets, and
 * typed errors for unknown topics.
 */
import { describe, expect, it } from 'vitest';
import type { Log } from '../../src/log/log.js';
import { decodeRecordBatchesAsync, encodeRecordBatch } from '../../src/log/record-batch/index.js';

export interface LogUnderTest {
  readonly log: Log;
  close(): Promise<void>;
}

async function records(log: Log, topic: string, partition: number, from: bigint): Promise<{ offset: bigint; key: string | null; value: string | null; timestamp: number; headers: Record<string, string> }[]> {
  const res = await log.read({ topic, partition }, from, 1 << 20);
  const out = [];
  for (const b of await decodeRecordBatchesAsync(res.records)) {
    for (const r of b.records) {
      const offset = b.header.baseOffset + BigInt(r.offsetDelta);
      if (offset < from) continue;
      out.push({
        offset,
        key: r.key?.toString() ?? null,
        value: r.value?.toString() ?? null,
        timestamp: r.timestamp,
        headers: Object.fromEntries(r.headers.map((h) => [h.key, h.value?.toString() ?? ''])),
      });
    }
  }
  return out;
}

export function logContract(name: string, open: () => Promise<LogUnderTest>): void {
  describe(`Log contract: ${name}`, () => {
    const withLog = (fn: (log: Log) => Promise<void>) => async () => {
      const l = await open();
      try {
        await fn(l.log);
      } finally {
        await l.close();
      }
    };

    it(
      'creates, describes and lists topics; a second create is TOPIC_EXISTS; unknown topics are undefined',
      withLog(async (log) => {
        await log.createTopic('c-topics', { partitions: 3, configs: { 'cleanup.policy': 'compact' } });
        const d = await log.describeTopic('c-topics');
        expect(d).toMatchObject({ name: 'c-topics', partitions: 3, internal: false });
        expect(d!.configs['cleanup.policy']).toBe('compact');
        expect(await log.listTopics()).toContain('c-topics');
        await expect(log.createTopic('c-topics', { partitions: 1 })).rejects.toMatchObject({ code: 'GALE_ERR_LOG_TOPIC_EXISTS' });
        expect(await log.describeTopic('c-nope')).toBeUndefined();
      }),
    );

    it(
      'appends get consecutive offsets in call order; reads return them with keys, values, headers and timestamps',
      withLog(async (log) => {
        await log.createTopic('c-rw', { partitions: 2 });
        const tp = { topic: 'c-rw', partition: 1 };
        const batch = (from: number, n: number): Buffer =>
          encodeRecordBatch({
            records: Array.from({ length: n }, (_, i) => ({ key: `k${from + i}`, value: `v${from + i}`, timestamp: 1_700_000_000_000 + from + i, headers: [{ key: 'h', value: `x${from + i}` }] })),
          });
        const results = await Promise.all([log.append(tp, batch(0, 3)), log.append(tp, batch(3, 2)), log.append(tp, batch(5, 4))]);
        expect(results.map((r) => [r.baseOffset, r.lastOffset])).toEqual([[0n, 2n], [3n, 4n], [5n, 8n]]);
        expect(await log.offsets(tp)).toEqual({ logStart: 0n, highWatermark: 9n });
        const got = await records(log, 'c-rw', 1, 4n);
        expect(got[0]).toEqual({ offset: 4n, key: 'k4', value: 'v4', timestamp: 1_700_000_000_004, headers: { h: 'x4' } });
        expect(got.map((r) => r.offset)).toEqual([4n, 5n, 6n, 7n, 8n]);
        expect((await log.read({ topic: 'c-rw', partition: 0 }, 0n, 1 << 20)).records.length).toBe(0);
        expect(await log.offsetForTime(tp, 1_700_000_000_006n)).toBe(6n);
        expect(await log.offsetForTime(tp, 1_800_000_000_000n)).toBeUndefined();
      }),
    );

    it(
      'waitForData answers true as soon as a record arrives, false after the timeout',
      withLog(async (log) => {
        await log.createTopic('c-wait', { partitions: 1 });
        const tp = { topic: 'c-wait', partition: 0 };
        expect(await log.waitForData(tp, 0n, 50)).toBe(false);
        const waiting = log.waitForData(tp, 0n, 20_000);
        await log.append(tp, encodeRecordBatch({ records: [{ key: null, value: 'x' }] }));
        expect(await waiting).toBe(true);
      }),
    );

    it(
      'commits and reads back group offsets; unknown topics give typed errors',
      withLog(async (log) => {
        await log.createTopic('c-grp', { partitions: 2 });
        await log.append({ topic: 'c-grp', partition: 0 }, encodeRecordBatch({ records: [{ key: null, value: 'a' }, { key: null, value: 'b' }] }));
        await log.commitOffsets('c-group', [{ topic: 'c-grp', partition: 0, offset: 2n }]);
        const c = await log.committedOffsets('c-group', [{ topic: 'c-grp', partition: 0 }, { topic: 'c-grp', partition: 1 }]);
        // -1: nothing committed for that partition
        expect(c.map((x) => [x.topic, x.partition, x.offset]).sort()).toEqual([['c-grp', 0, 2n], ['c-grp', 1, -1n]]);
        await expect(log.offsets({ topic: 'c-missing', partition: 0 })).rejects.toMatchObject({ code: expect.stringMatching(/GALE_ERR_LOG_UNKNOWN_(TOPIC|PARTITION)/) });
      }),
    );
  });
}
