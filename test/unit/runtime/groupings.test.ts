import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { fieldsTask, kafkaPartition, makeRouter, murmur2 } from '../../../src/runtime/groupings.js';
import type { Row } from '../../../src/runtime/message.js';

const require = createRequire(import.meta.url);
// kafkajs's Java-compatible default partitioner: the real client's murmur2
const { Partitioners } = require('kafkajs') as {
  Partitioners: { DefaultPartitioner: () => (a: { topic: string; partitionMetadata: unknown[]; message: { key: Buffer } }) => number };
};

describe('murmur2', () => {
  it('matches the values in Kafka’s own Utils tests', () => {
    const cases: [string, number][] = [
      ['21', -973932308],
      ['foobar', -790332482],
      ['a-little-bit-long-string', -985981536],
      ['a-little-bit-longer-string', -1486304829],
      ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
      ['abc', 479470107],
    ];
    for (const [s, h] of cases) expect(murmur2(Buffer.from(s))).toBe(h);
  });

  it('picks the same partition as kafkajs’s default partitioner for many keys', () => {
    const partitioner = Partitioners.DefaultPartitioner();
    for (const n of [1, 3, 7, 12]) {
      const partitionMetadata = Array.from({ length: n }, (_, i) => ({ partitionId: i, leader: 0 }));
      for (let i = 0; i < 300; i++) {
        const key = Buffer.from(`key-${i * 7919}-${'é'.repeat(i % 4)}`);
        expect(kafkaPartition(key, n)).toBe(partitioner({ topic: 't', partitionMetadata, message: { key } }));
      }
    }
  });

  it('routes a string key field to the partition a Kafka producer would use for that key', () => {
    const partitioner = Partitioners.DefaultPartitioner();
    const partitionMetadata = Array.from({ length: 5 }, (_, i) => ({ partitionId: i, leader: 0 }));
    for (const k of ['AAPL', 'MSFT', 'ünïcode', 'x']) {
      const row: Row = [1, k];
      expect(fieldsTask(row, [1], ['string'], 5)).toBe(
        partitioner({ topic: 't', partitionMetadata, message: { key: Buffer.from(k) } }),
      );
    }
  });
});

describe('groupings', () => {
  const rows: Row[] = Array.from({ length: 10 }, (_, i) => [i, `k${i % 3}`]);

  it('shuffle splits into contiguous equal slices (order kept end to end)', () => {
    const parts = makeRouter({ kind: 'shuffle' }, 3, 1).route(rows, 0);
    expect(parts.map((p) => p?.length)).toEqual([4, 4, 2]);
    expect(parts.flatMap((p) => p ?? []).map((r) => r[0])).toEqual(rows.map((r) => r[0]));
  });

  it('fields sends every row of one key to one task', () => {
    const parts = makeRouter({ kind: 'fields', fields: [1], names: ['k'], types: ['string'] }, 4, 1).route(rows, 0);
    const taskOf = new Map<string, number>();
    parts.forEach((p, t) => p?.forEach((r) => {
      const k = r[1] as string;
      expect(taskOf.get(k) ?? t).toBe(t);
      taskOf.set(k, t);
    }));
    expect(parts.reduce((n, p) => n + (p?.length ?? 0), 0)).toBe(10);
  });

  it('global sends everything to task 0; all to every task; local-or-shuffle forwards task i to task i', () => {
    expect(makeRouter({ kind: 'global' }, 3, 1).route(rows, 0).map((p) => p?.length)).toEqual([10, undefined, undefined]);
    expect(makeRouter({ kind: 'all' }, 2, 1).route(rows, 0).map((p) => p?.length)).toEqual([10, 10]);
    expect(makeRouter({ kind: 'local-or-shuffle' }, 2, 2).route(rows, 1).map((p) => p?.length)).toEqual([undefined, 10]);
  });

  it('a NULL key goes to task 0', () => {
    const parts = makeRouter({ kind: 'fields', fields: [0], names: ['k'], types: ['long'] }, 4, 1).route([[null]], 0);
    expect(parts[0]).toEqual([[null]]);
  });
});
