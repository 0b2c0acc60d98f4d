import { describe, expect, it } from 'vitest';
import { compressionCodecs, encodeRecordBatchAsync } from '../../../src/log/record-batch/index.js';
import type { CompressionCodec, RecordInput } from '../../../src/log/record-batch/index.js';
import type { EmbeddedLog } from '../../../src/log/embedded-log.js';
import { readAll, useClockedLog, VirtualClock } from './log-fixtures.js';
import type { ReadRecord, TempLog } from './log-fixtures.js';

let t: TempLog;
let log: EmbeddedLog;
let clock: VirtualClock;
const tp = { topic: 'table', partition: 0 };
const T0 = 1_700_000_000_000;

useClockedLog(T0, (tl, l, c) => {
  t = tl;
  log = l;
  clock = c;
});

async function put(records: RecordInput[], compression: CompressionCodec = 'none'): Promise<void> {
  await log.append(tp, await encodeRecordBatchAsync({ records, compression, timestamp: clock.now() }));
}

/** What a consumer rebuilding the table from the log sees: last value per key, tombstones delete. */
function materialize(rs: readonly ReadRecord[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const r of rs) {
    if (r.key === null) continue;
    if (r.value === null) m.delete(r.key);
    else m.set(r.key, r.value);
  }
  return m;
}

/** A small deterministic PRNG (mulberry32), so a failing case can be replayed from its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

describe('compaction', () => {
  it('keeps the latest value per key, drops expired tombstones, and keeps offsets', async () => {
    await log.createTopic('table', { partitions: 1, configs: { 'cleanup.policy': 'compact', 'segment.bytes': '250', 'delete.retention.ms': '0' } });
    await put([{ key: 'a', value: 'a1' }, { key: 'b', value: 'b1' }, { key: 'c', value: 'c1' }]);
    await put([{ key: 'a', value: 'a2' }]);
    await put([{ key: 'b', value: null }]); // tombstone
    await put([{ key: 'c', value: 'c2' }, { key: 'd', value: 'd1' }]);
    await put([{ key: 'a', value: 'a3' }, { key: 'e', value: 'e1' }]);
    await put([{ key: 'z', value: 'active' }]); // pushes the rest out of the active segment
    await put([{ key: 'z', value: 'active2' }]);
    const before = await readAll(log, tp);
    clock.advance(1);
    const [result] = await log.runCompaction({ force: true });
    expect(result!.recordsAfter).toBeLessThan(result!.recordsBefore);
    const after = await readAll(log, tp);
    expect(materialize(after)).toEqual(materialize(before));
    const survivors = after.map((r) => `${r.offset}:${r.key}=${r.value}`);
    expect(survivors).not.toContain('0:a=a1');
    expect(survivors.some((s) => s.includes(':b='))).toBe(false); // the tombstone and what it deleted are gone
    // offsets are the originals
    for (const r of after) expect(before.find((b) => b.offset === r.offset)).toEqual(r);
    // a restart sees the same compacted log
    await log.close();
    log = await t.open({ clock });
    expect(await readAll(log, tp)).toEqual(after);
  });

  it('keeps tombstones until delete.retention.ms has passed', async () => {
    await log.createTopic('table', { partitions: 1, configs: { 'cleanup.policy': 'compact', 'segment.bytes': '200', 'delete.retention.ms': '60000' } });
    await put([{ key: 'a', value: 'a1' }]);
    await put([{ key: 'a', value: null }]);
    await put([{ key: 'x', value: 'x1' }]);
    await put([{ key: 'x', value: 'x2' }]);
    await log.runCompaction({ force: true });
    let rs = await readAll(log, tp);
    expect(rs.filter((r) => r.key === 'a').map((r) => r.value)).toEqual([null]);
    clock.advance(60_001);
    await log.runCompaction({ force: true });
    rs = await readAll(log, tp);
    expect(rs.filter((r) => r.key === 'a')).toEqual([]);
  });

  it('does not touch records younger than min.compaction.lag.ms', async () => {
    await log.createTopic('table', { partitions: 1, configs: { 'cleanup.policy': 'compact', 'segment.bytes': '200', 'min.compaction.lag.ms': '60000' } });
    for (let i = 0; i < 6; i++) await put([{ key: 'k', value: `v${i}` }]);
    expect(await log.runCompaction({ force: true })).toEqual([]);
    expect((await readAll(log, tp)).length).toBe(6);
    clock.advance(60_001);
    await log.runCompaction({ force: true });
    const values = (await readAll(log, tp)).map((r) => r.value);
    expect(values.length).toBeLessThan(6);
    expect(values.at(-1)).toBe('v5');
  });

  it('runs beside appends without blocking them or losing any', async () => {
    await log.createTopic('table', { partitions: 1, configs: { 'cleanup.policy': 'compact', 'segment.bytes': '300' } });
    for (let i = 0; i < 40; i++) await put([{ key: `k${i % 5}`, value: `v${i}` }]);
    const compaction = log.runCompaction({ force: true });
    const appends = Promise.all(Array.from({ length: 30 }, (_, i) => put([{ key: `n${i}`, value: `w${i}` }])));
    await Promise.all([compaction, appends]);
    const m = materialize(await readAll(log, tp));
    for (let i = 0; i < 30; i++) expect(m.get(`n${i}`)).toBe(`w${i}`);
    for (let k = 0; k < 5; k++) expect(m.get(`k${k}`)).toBe(`v${35 + k}`);
  });

  it('matches an in-memory model for random keys, values, tombstones and codecs (property-style)', async () => {
    for (const seed of [1, 2, 3]) {
      const topic = `table-${seed}`;
      const p = { topic, partition: 0 };
      await log.createTopic(topic, { partitions: 1, configs: { 'cleanup.policy': 'compact', 'segment.bytes': '600', 'delete.retention.ms': '0' } });
      const rand = prng(seed);
      const model = new Map<string, string>();
      let written = 0;
      for (let round = 0; round < 6; round++) {
        for (let b = 0; b < 12; b++) {
          const records: RecordInput[] = [];
          const n = 1 + Math.floor(rand() * 4);
          for (let i = 0; i < n; i++) {
            const key = `key${Math.floor(rand() * 15)}`;
            const value = rand() < 0.15 ? null : `s${seed}r${round}b${b}i${i}`;
            records.push({ key, value });
            if (value === null) model.delete(key);
            else model.set(key, value);
          }
          written += n;
          const codec = compressionCodecs[Math.floor(rand() * compressionCodecs.length)]!;
          await log.append(p, await encodeRecordBatchAsync({ records, compression: codec, timestamp: clock.now() }));
        }
        clock.advance(1000);
        await log.runCompaction({ force: true });
        const rs = await readAll(log, p);
        expect(materialize(rs), `seed ${seed} round ${round}`).toEqual(model);
        // offsets stay strictly increasing after every pass
        for (let i = 1; i < rs.length; i++) expect(rs[i]!.offset > rs[i - 1]!.offset).toBe(true);
      }
      expect((await readAll(log, p)).length).toBeLessThan(written);
    }
  });
});
