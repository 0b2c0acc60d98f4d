import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeRecordBatch } from '../../../src/log/record-batch/index.js';
import type { EmbeddedLog } from '../../../src/log/embedded-log.js';
import { planRetention } from '../../../src/log/retention.js';
import { parseTopicConfig } from '../../../src/log/config.js';
import { codeOf, readAll, useClockedLog, VirtualClock } from './log-fixtures.js';
import type { TempLog } from './log-fixtures.js';

let t: TempLog;
let log: EmbeddedLog;
let clock: VirtualClock;
const tp = { topic: 'events', partition: 0 };
const T0 = 1_700_000_000_000;

useClockedLog(T0, (tl, l, c) => {
  t = tl;
  log = l;
  clock = c;
});

async function logFiles(): Promise<string[]> {
  return (await readdir(join(t.dir, 'log', 'events-0'))).filter((f) => f.endsWith('.log')).sort();
}

/** `n` one-record batches; batch i has timestamp T0 + 1000 i. */
async function appendTimed(n: number, from = 0): Promise<void> {
  for (let i = from; i < from + n; i++) await log.append(tp, encodeRecordBatch({ records: [{ key: `k${i}`, value: `v${i}-${'x'.repeat(40)}`, timestamp: T0 + 1000 * i }] }));
}

describe('retention', () => {
  it('deletes whole segments whose newest record is older than retention.ms, and moves the log start', async () => {
    await log.createTopic('events', { partitions: 1, configs: { 'segment.bytes': '300', 'retention.ms': '10000' } });
    await appendTimed(20);
    const before = await logFiles();
    clock.t = T0 + 1000 * 9 + 10_001; // records 0..9 are older than 10 s now
    const deleted = await log.runRetention();
    expect(deleted).toBeGreaterThan(0);
    const after = await logFiles();
    expect(after).toEqual(before.slice(deleted));
    const { logStart, highWatermark } = await log.offsets(tp);
    expect(logStart).toBe(BigInt(after[0]!.slice(0, 20)));
    expect(logStart).toBeLessThanOrEqual(10n); // nothing newer than the limit went
    expect(highWatermark).toBe(20n);
    expect(await codeOf(log.read(tp, logStart - 1n, 100))).toBe('GALE_ERR_LOG_OFFSET_OUT_OF_RANGE');
    expect((await readAll(log, tp, logStart)).map((r) => r.offset)).toEqual(Array.from({ length: 20 - Number(logStart) }, (_, i) => logStart + BigInt(i)));
  });

  it('deletes the oldest segments while the partition stays above retention.bytes', async () => {
    await log.createTopic('events', { partitions: 1, configs: { 'segment.bytes': '300', 'retention.bytes': '700' } });
    await appendTimed(30);
    await log.runRetention();
    const state = await log.partitionState(tp);
    expect(state.sizeBytes).toBeGreaterThanOrEqual(700);
    const files = await logFiles();
    // removing one more (the oldest left) would go under the limit
    expect(state.sizeBytes - 300).toBeLessThan(700);
    expect(files.length).toBe(state.segments);
    expect(state.highWatermark).toBe(30n);
  });

  it('when everything expired, rolls the active segment, deletes it all and keeps appending at the end', async () => {
    await log.createTopic('events', { partitions: 1, configs: { 'retention.ms': '1000' } });
    await appendTimed(5);
    clock.t = T0 + 1000 * 4 + 1001;
    await log.runRetention();
    expect(await log.offsets(tp)).toEqual({ logStart: 5n, highWatermark: 5n });
    expect(await logFiles()).toEqual(['00000000000000000005.log']);
    expect((await log.append(tp, encodeRecordBatch({ records: [{ value: 'after' }] }))).baseOffset).toBe(5n);
    await log.close();
    log = await t.open({ clock });
    expect(await log.offsets(tp)).toEqual({ logStart: 5n, highWatermark: 6n });
  });

  it('leaves compact-only topics and unlimited retention alone', async () => {
    await log.createTopic('events', { partitions: 1, configs: { 'segment.bytes': '300', 'cleanup.policy': 'compact', 'retention.ms': '1' } });
    await appendTimed(10);
    clock.advance(10_000_000);
    expect(await log.runRetention()).toBe(0);
    expect((await log.offsets(tp)).logStart).toBe(0n);
  });

  it('plans only a prefix: a young segment protects the older ones after it', () => {
    const config = parseTopicConfig({ 'retention.ms': '100' });
    const plan = planRetention({
      config,
      nowMs: 1000,
      logStartOffset: 0n,
      segments: [
        { baseOffset: 0n, size: 10, maxTimestamp: 10 },
        { baseOffset: 5n, size: 10, maxTimestamp: 950 }, // young
        { baseOffset: 9n, size: 10, maxTimestamp: 20 }, // old but after a young one
        { baseOffset: 12n, size: 10, maxTimestamp: 990 },
      ],
    });
    expect(plan).toEqual({ deleteCount: 1, rollActive: false });
  });
});
