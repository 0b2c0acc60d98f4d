import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EmbeddedLog } from '../../../src/log/embedded-log.js';
import { encodeRecordBatch } from '../../../src/log/record-batch/index.js';
import { tempLog } from './log-fixtures.js';
import type { TempLog } from './log-fixtures.js';

let t: TempLog;
let log: EmbeddedLog;
const tp = { topic: 'clocks', partition: 0 };
const T0 = 1_700_000_000_000;

beforeEach(async () => {
  t = await tempLog();
  log = await t.open();
});
afterEach(async () => {
  await t.cleanup();
});

/** Appends batches of the given record timestamps; returns each record's timestamp in offset order. */
async function appendBatches(batches: readonly (readonly number[])[]): Promise<number[]> {
  const all: number[] = [];
  for (const stamps of batches) {
    await log.append(tp, encodeRecordBatch({ records: stamps.map((ts, i) => ({ key: `k${i}`, value: `v${all.length + i}`, timestamp: ts })) }));
    all.push(...stamps);
  }
  return all;
}

/** The expected answer computed the slow way: first offset (>= from) holding the largest timestamp. */
function firstMax(stamps: readonly number[], from = 0): { offset: bigint; timestamp: bigint } {
  let at = from;
  for (let i = from; i < stamps.length; i++) if (stamps[i]! > stamps[at]!) at = i;
  return { offset: BigInt(at), timestamp: BigInt(stamps[at]!) };
}

/** Deterministic out-of-order timestamps: a small LCG, no two runs differ. */
function scrambled(batches: number, perBatch: number, seed: number): number[][] {
  let s = seed;
  const next = (): number => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s;
  };
  return Array.from({ length: batches }, () => Array.from({ length: perBatch }, () => T0 + (next() % 100_000)));
}

async function segmentCount(): Promise<number> {
  return (await readdir(join(t.dir, 'log', 'clocks-0'))).filter((f) => f.endsWith('.log')).length;
}

describe('maxTimestampOffset', () => {
  it('is undefined for an empty partition', async () => {
    await log.createTopic('clocks', { partitions: 1 });
    expect(await log.maxTimestampOffset(tp)).toBeUndefined();
  });

  it('finds the record with the largest timestamp in the middle of a batch, in a middle segment', async () => {
    await log.createTopic('clocks', { partitions: 1, configs: { 'segment.bytes': '400', 'index.interval.bytes': '100' } });
    const batches = Array.from({ length: 20 }, (_, b) => [T0 + b * 10, T0 + b * 10 + 5, T0 + b * 10 + 1]);
    batches[7] = [T0 + 70, T0 + 999_999, T0 + 3]; // the maximum: offset 22, with smaller times after it in its batch
    const stamps = await appendBatches(batches);
    expect(await segmentCount()).toBeGreaterThan(3);
    expect(await log.maxTimestampOffset(tp)).toEqual({ offset: 22n, timestamp: BigInt(T0 + 999_999) });
    expect(await log.maxTimestampOffset(tp)).toEqual(firstMax(stamps));
  });

  it('matches a full scan over many segments of scrambled timestamps, also after a restart (indexes read from disk)', async () => {
    await log.createTopic('clocks', { partitions: 1, configs: { 'segment.bytes': '600', 'index.interval.bytes': '150' } });
    const stamps = await appendBatches(scrambled(60, 4, 42));
    expect(await segmentCount()).toBeGreaterThan(5);
    const expected = firstMax(stamps);
    expect(await log.maxTimestampOffset(tp)).toEqual(expected);
    await log.close();
    log = await t.open();
    expect(await log.maxTimestampOffset(tp)).toEqual(expected);
  });

  it('answers the first of equal maxima, across segment boundaries', async () => {
    await log.createTopic('clocks', { partitions: 1, configs: { 'segment.bytes': '300' } });
    const top = T0 + 50_000;
    const batches = Array.from({ length: 12 }, (_, b) => [T0 + b, b === 3 || b === 9 ? top : T0 + b + 1]);
    await appendBatches(batches);
    expect(await segmentCount()).toBeGreaterThan(2);
    expect(await log.maxTimestampOffset(tp)).toEqual({ offset: 7n, timestamp: BigInt(top) });
  });

  it('ignores records below the log start, even inside the segment that holds the maximum', async () => {
    await log.createTopic('clocks', { partitions: 1, configs: { 'segment.bytes': '100000' } });
    const stamps = await appendBatches([
      [T0 + 10, T0 + 900, T0 + 20],
      [T0 + 30, T0 + 500, T0 + 40],
      [T0 + 600, T0 + 50, T0 + 600],
    ]);
    expect(await log.maxTimestampOffset(tp)).toEqual({ offset: 1n, timestamp: BigInt(T0 + 900) });
    await log.deleteRecords(tp, 2n);
    expect(await log.maxTimestampOffset(tp)).toEqual(firstMax(stamps, 2));
    expect(await log.maxTimestampOffset(tp)).toEqual({ offset: 6n, timestamp: BigInt(T0 + 600) });
    await log.deleteRecords(tp, -1n);
    expect(await log.maxTimestampOffset(tp)).toBeUndefined();
  });
});
