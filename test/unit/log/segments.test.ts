import { readdir, rm, writeFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeRecordBatches, encodeRecordBatch } from '../../../src/log/record-batch/index.js';
import type { EmbeddedLog } from '../../../src/log/embedded-log.js';
import { shouldRoll } from '../../../src/log/roll.js';
import { parseTopicConfig } from '../../../src/log/config.js';
import { readAll, useClockedLog, VirtualClock } from './log-fixtures.js';
import type { TempLog } from './log-fixtures.js';

let t: TempLog;
let log: EmbeddedLog;
let clock: VirtualClock;
const tp = { topic: 'ticks', partition: 0 };
const T0 = 1_700_000_000_000;

useClockedLog(T0, (tl, l, c) => {
  t = tl;
  log = l;
  clock = c;
});

async function segmentBases(): Promise<bigint[]> {
  const files = await readdir(join(t.dir, 'log', 'ticks-0'));
  return files.filter((f) => f.endsWith('.log')).map((f) => BigInt(f.slice(0, -4))).sort((a, b) => (a < b ? -1 : 1));
}

/** 30 batches of 5 records; record i of batch b has timestamp T0 + 1000*b + i and value `b.i`. */
async function fill(): Promise<void> {
  for (let b = 0; b < 30; b++) {
    const records = Array.from({ length: 5 }, (_, i) => ({ key: `k${i}`, value: `${b}.${i}`, timestamp: T0 + 1000 * b + i }));
    await log.append(tp, encodeRecordBatch({ records }));
  }
}

describe('segments', () => {
  it('rolls by size into files named by 20-digit base offset, each starting where the previous ended', async () => {
    await log.createTopic('ticks', { partitions: 1, configs: { 'segment.bytes': '1000', 'index.interval.bytes': '100' } });
    await fill();
    const files = await readdir(join(t.dir, 'log', 'ticks-0'));
    const logs = files.filter((f) => f.endsWith('.log')).sort();
    expect(logs.length).toBeGreaterThan(3);
    expect(logs[0]).toBe('00000000000000000000.log');
    for (const f of logs) expect(f).toMatch(/^\d{20}\.log$/);
    // sealed segments have their indexes on disk
    for (const f of logs.slice(0, -1)) {
      expect(files).toContain(f.replace('.log', '.index'));
      expect(files).toContain(f.replace('.log', '.timeindex'));
      expect((await stat(join(t.dir, 'log', 'ticks-0', f))).size).toBeLessThanOrEqual(1000);
    }
    const bases = await segmentBases();
    // each base offset is the first offset of that file's first batch
    for (const b of bases) {
      const { records } = await log.read(tp, b, 1);
      expect(decodeRecordBatches(records)[0]!.header.baseOffset).toBe(b);
    }
    expect((await readAll(log, tp)).map((r) => r.value)).toEqual(Array.from({ length: 150 }, (_, i) => `${Math.floor(i / 5)}.${i % 5}`));
  });

  it('rolls by age (segment.ms) on the injected clock', async () => {
    await log.createTopic('ticks', { partitions: 1, configs: { 'segment.ms': '60000' } });
    await log.append(tp, encodeRecordBatch({ records: [{ value: 'a' }] }));
    clock.advance(30_000);
    await log.append(tp, encodeRecordBatch({ records: [{ value: 'b' }] }));
    expect(await segmentBases()).toEqual([0n]);
    clock.advance(30_001);
    await log.append(tp, encodeRecordBatch({ records: [{ value: 'c' }] }));
    expect(await segmentBases()).toEqual([0n, 2n]);
  });

  it('has one roll predicate covering size, age, index size and relative-offset overflow', () => {
    const cfg = parseTopicConfig({ 'segment.bytes': '100', 'segment.ms': '10', 'segment.index.bytes': '80' });
    const base = { size: 50, ageMs: 0, indexBytes: 0, relativeLastOffset: 0n, batchSize: 10 };
    expect(shouldRoll(cfg, base)).toBe(false);
    expect(shouldRoll(cfg, { ...base, batchSize: 51 })).toBe(true);
    expect(shouldRoll(cfg, { ...base, ageMs: 10 })).toBe(true);
    expect(shouldRoll(cfg, { ...base, indexBytes: 72 })).toBe(true);
    expect(shouldRoll(cfg, { ...base, relativeLastOffset: 2n ** 31n })).toBe(true);
    expect(shouldRoll(cfg, { ...base, size: 0, batchSize: 500, ageMs: 99 })).toBe(false); // an empty segment takes anything
  });

  it('finds offsets and timestamps exactly at and around segment boundaries', async () => {
    await log.createTopic('ticks', { partitions: 1, configs: { 'segment.bytes': '1000', 'index.interval.bytes': '150' } });
    await fill();
    const bases = await segmentBases();
    expect(bases.length).toBeGreaterThan(3);
    for (const b of bases.slice(1)) {
      // the last offset of the previous segment and the first of this one
      const before = decodeRecordBatches((await log.read(tp, b - 1n, 1)).records)[0]!;
      expect(before.header.baseOffset + BigInt(before.header.lastOffsetDelta)).toBe(b - 1n);
      expect(decodeRecordBatches((await log.read(tp, b, 1)).records)[0]!.header.baseOffset).toBe(b);
      // by time: batch k holds offsets 5k..5k+4 with times T0+1000k+i
      const k = Number(b) / 5;
      expect(await log.offsetForTime(tp, BigInt(T0 + 1000 * k))).toBe(b);
      expect(await log.offsetForTime(tp, BigInt(T0 + 1000 * k - 500))).toBe(b); // between segments: the next one's first
      expect(await log.offsetForTime(tp, BigInt(T0 + 1000 * (k - 1) + 4))).toBe(b - 1n); // last record of the previous
      expect(await log.offsetForTime(tp, BigInt(T0 + 1000 * k + 2))).toBe(b + 2n); // inside a batch
    }
    expect(await log.offsetForTime(tp, 0n)).toBe(0n);
    expect(await log.offsetForTime(tp, BigInt(T0 + 1000 * 29 + 4))).toBe(149n);
    expect(await log.offsetForTime(tp, BigInt(T0 + 1000 * 29 + 5))).toBeUndefined();
  });

  it('finds the first record at or after a time when timestamps are out of order', async () => {
    await log.createTopic('ticks', { partitions: 1, configs: { 'segment.bytes': '200' } });
    const times = [50, 10, 70, 20, 90, 30, 60, 40];
    for (const ts of times) await log.append(tp, encodeRecordBatch({ records: [{ value: String(ts), timestamp: T0 + ts }] }));
    expect(await log.offsetForTime(tp, BigInt(T0 + 55))).toBe(2n); // 70 is the first record >= 55
    expect(await log.offsetForTime(tp, BigInt(T0 + 80))).toBe(4n);
    expect(await log.offsetForTime(tp, BigInt(T0 + 5))).toBe(0n);
    expect(await log.offsetForTime(tp, BigInt(T0 + 91))).toBeUndefined();
  });

  it('serves random reads (offsets, budgets) as whole batches holding the offset asked for', async () => {
    await log.createTopic('ticks', { partitions: 1, configs: { 'segment.bytes': '1500', 'index.interval.bytes': '200' } });
    for (let b = 0; b < 60; b++) {
      const n = 1 + (b % 7);
      await log.append(tp, encodeRecordBatch({ records: Array.from({ length: n }, (_, i) => ({ value: `${b}.${i}.${'x'.repeat((b * 31) % 90)}` })) }));
    }
    const hw = (await log.offsets(tp)).highWatermark;
    let seed = 7;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let i = 0; i < 300; i++) {
      const from = BigInt(rand(Number(hw)));
      const maxBytes = 1 + rand(800);
      const { records } = await log.read(tp, from, maxBytes);
      const batches = decodeRecordBatches(records);
      expect(batches.length).toBeGreaterThan(0);
      const first = batches[0]!.header;
      expect(first.baseOffset <= from && from <= first.baseOffset + BigInt(first.lastOffsetDelta)).toBe(true);
      if (batches.length > 1) expect(records.length).toBeLessThanOrEqual(maxBytes);
      for (let k = 1; k < batches.length; k++) {
        const prev = batches[k - 1]!.header;
        expect(batches[k]!.header.baseOffset).toBe(prev.baseOffset + BigInt(prev.lastOffsetDelta) + 1n);
      }
    }
  });

  it('rebuilds missing or inconsistent indexes from the log on open', async () => {
    await log.createTopic('ticks', { partitions: 1, configs: { 'segment.bytes': '1000', 'index.interval.bytes': '100' } });
    await fill();
    await log.close();
    const dir = join(t.dir, 'log', 'ticks-0');
    const files = (await readdir(dir)).sort();
    const indexes = files.filter((f) => f.endsWith('.index'));
    await rm(join(dir, indexes[0]!)); // missing
    await writeFile(join(dir, indexes[1]!), Buffer.from([0, 0, 0, 9, 0, 0, 0x7f, 0xff])); // points past the file
    await writeFile(join(dir, indexes[2]!.replace('.index', '.timeindex')), Buffer.alloc(5)); // wrong size
    log = await t.open({ clock });
    expect((await readAll(log, tp, 0n, 100)).map((r) => r.offset)).toEqual(Array.from({ length: 150 }, (_, i) => BigInt(i)));
    for (const b of await segmentBases()) expect(await log.offsetForTime(tp, BigInt(T0 + 1000 * (Number(b) / 5)))).toBe(b);
  });
});
