import { describe, expect, it } from 'vitest';
import { createAggregate } from '../../../../src/runtime/aggregates/index.js';
import type { AggregateCall } from '../../../../src/runtime/aggregates/aggregate-set.js';
import { WindowAggregateBolt, type WindowAggregateSpec } from '../../../../src/runtime/bolts/window-aggregate.js';
import { VirtualClock } from '../../../../src/runtime/clock.js';
import { fieldPart } from '../../../../src/runtime/keys.js';
import type { Row, Value } from '../../../../src/runtime/message.js';
import { drive, sorted } from '../bolt-harness.js';

// input rows: [ts, key, x]
const ALL = ['count', 'count_distinct', 'sum', 'avg', 'min', 'max', 'stdev', 'variance', 'firstval', 'lastval', 'median', 'percentile'] as const;

function calls(names: readonly string[]): AggregateCall[] {
  return names.map((n) => ({ agg: createAggregate(n, 'long', n === 'percentile' ? [null, 0.9] : []), arg: fieldPart(2) }));
}

function spec(over: Partial<WindowAggregateSpec>): WindowAggregateSpec {
  return {
    dimension: 'field',
    size: 10,
    advance: 10,
    offset: 0,
    field: { index: 0, name: 'ts', timestamp: false },
    watermarkDriven: true,
    partitionBy: [],
    groupBy: [fieldPart(1)],
    aggregates: calls(['count', 'sum']),
    // agg row = [key, count, sum, start, end]
    project: (r) => r,
    ...over,
  };
}

/** The same computation by brute force: every window containing each row, then each aggregate over its rows. */
function reference(rows: Row[], size: number, advance: number, offset: number, names: readonly string[]): Row[] {
  const windows = new Map<string, { k: number; key: Value; xs: Value[] }>();
  for (const r of rows) {
    const t = r[0] as number;
    const kLast = Math.floor((t - offset) / advance);
    for (let k = kLast; k * advance + offset + size > t; k--) {
      if (k * advance + offset > t) continue;
      const id = `${k}|${String(r[1])}`;
      const w = windows.get(id) ?? { k, key: r[1]!, xs: [] };
      w.xs.push(r[2]!);
      windows.set(id, w);
    }
  }
  return [...windows.values()].map((w) => {
    const nn = w.xs.filter((x): x is number => x !== null);
    const s = [...nn].sort((a, b) => a - b);
    const mean = nn.reduce((a, b) => a + b, 0) / nn.length;
    const v = nn.length < 2 ? null : nn.reduce((a, b) => a + (b - mean) ** 2, 0) / (nn.length - 1);
    const q = (p: number): number | null => {
      if (s.length === 0) return null;
      const pos = p * (s.length - 1);
      const lo = Math.floor(pos);
      const hi = Math.ceil(pos);
      return s[lo]! + (pos - lo) * (s[hi]! - s[lo]!);
    };
    const res: Record<string, Value> = {
      count: nn.length,
      count_distinct: new Set(nn).size,
      sum: nn.length === 0 ? null : nn.reduce((a, b) => a + b, 0),
      avg: nn.length === 0 ? null : mean,
      min: nn.length === 0 ? null : s[0]!,
      max: nn.length === 0 ? null : s[s.length - 1]!,
      stdev: v === null ? null : Math.sqrt(v),
      variance: v,
      firstval: w.xs[0] ?? null,
      lastval: w.xs[w.xs.length - 1] ?? null,
      median: q(0.5),
      percentile: q(0.9),
    };
    return [w.key, ...names.map((n) => res[n]!), w.k * advance + offset, w.k * advance + offset + size];
  });
}

function close(a: Row[], b: Row[]): void {
  expect(a.length).toBe(b.length);
  const sa = sorted(a.map((r) => r.map((v) => (typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : v))));
  const sb = sorted(b.map((r) => r.map((v) => (typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : v))));
  expect(sa).toEqual(sb);
}

function randomRows(n: number, seed: number): Row[] {
  let s = seed;
  const rnd = (): number => ((s = (Math.imul(s, 1103515245) + 12345) | 0) >>> 8) / (1 << 24);
  const rows: Row[] = [];
  let t = 0;
  for (let i = 0; i < n; i++) {
    t += Math.floor(rnd() * 3);
    rows.push([t, `k${Math.floor(rnd() * 4)}`, rnd() < 0.1 ? null : Math.floor(rnd() * 100) - 20]);
  }
  return rows;
}

describe('WindowAggregate, ON field', () => {
  it('tumbling: emits per key when the watermark passes the window end, not before', () => {
    const b = new WindowAggregateBolt(spec({}));
    const h = drive(b);
    b.execute([[1, 'a', 5], [3, 'b', 1], [9, 'a', 2], [10, 'a', 7]]);
    expect(h.take()).toEqual([]);
    b.onWatermark(10);
    expect(sorted(h.take())).toEqual([['a', 2, 7, 0, 10], ['b', 1, 1, 0, 10]]);
    b.onEnd('exhausted');
    expect(h.take()).toEqual([['a', 1, 7, 10, 20]]);
  });

  it('a tuple for a window that already closed goes to the error stream with the reason, and is counted', () => {
    const b = new WindowAggregateBolt(spec({}));
    const h = drive(b);
    b.execute([[12, 'a', 1]]);
    b.onWatermark(12);
    b.execute([[4, 'a', 100], [15, 'a', 1]]);
    b.onEnd('exhausted');
    expect(h.rows()).toEqual([['a', 2, 2, 10, 20]]);
    expect(h.errors.counts.get('GALE_ERR_RUNTIME_LATE_TUPLE')).toBe(1);
    expect(h.errors.records[0]!.reason).toMatch(/late tuple: ts 4/);
  });

  it('a stop emits no partial window', () => {
    const b = new WindowAggregateBolt(spec({}));
    const h = drive(b);
    b.execute([[1, 'a', 5]]);
    b.onEnd('stopped');
    expect(h.rows()).toEqual([]);
  });

  it('every aggregate over sliding windows with an offset equals a brute-force computation', () => {
    for (const [size, advance, offset] of [[10, 10, 0], [10, 2, 0], [9, 3, 1], [7, 3, 2], [12, 5, 0]] as const) {
      const rows = randomRows(400, size * 31 + advance);
      const b = new WindowAggregateBolt(spec({ size, advance, offset, aggregates: calls(ALL) }));
      const h = drive(b);
      // deliver in small batches with watermarks in between (the way spouts do)
      for (let i = 0; i < rows.length; i += 17) {
        const batch = rows.slice(i, i + 17);
        b.execute(batch);
        b.onWatermark(batch[batch.length - 1]![0] as number);
      }
      b.onEnd('exhausted');
      close(h.rows(), reference(rows, size, advance, offset, ALL));
      expect(h.errors.total).toBe(0);
    }
  });

  it('without watermarks (field not the event-time field) windows close on the largest value seen', () => {
    const b = new WindowAggregateBolt(spec({ watermarkDriven: false }));
    const h = drive(b);
    b.execute([[1, 'a', 1], [2, 'a', 1]]);
    expect(h.take()).toEqual([]);
    b.execute([[11, 'a', 1]]);
    expect(h.take()).toEqual([['a', 2, 2, 0, 10]]);
  });

  it('HAVING, projection and ORDER BY ... LIMIT apply per window', () => {
    const b = new WindowAggregateBolt(
      spec({
        having: (r) => (r[1] as number) >= 1,
        project: (r) => [r[0]!, r[1]!, r[4]!],
        order: (x, y) => (y[1] as number) - (x[1] as number),
        limit: 1,
      }),
    );
    const h = drive(b);
    b.execute([[1, 'a', 1], [2, 'b', 1], [3, 'b', 1], [11, 'a', 1], [12, 'a', 1], [13, 'c', 1]]);
    b.onEnd('exhausted');
    expect(h.rows()).toEqual([['b', 2, 10], ['a', 2, 20]]);
  });
});

describe('WindowAggregate, TUPLES', () => {
  it('window i holds tuples i·ADVANCE … i·ADVANCE+SIZE−1 of its partition and emits when full; the end flushes the rest', () => {
    const b = new WindowAggregateBolt(
      spec({ dimension: 'tuples', size: 3, advance: 2, partitionBy: [fieldPart(1)], groupBy: [], aggregates: calls(['count', 'sum']) }),
    );
    const h = drive(b);
    // partition a: x = 1..6 ; partition b: x = 10, 20
    b.execute([[0, 'a', 1], [0, 'a', 2], [0, 'b', 10], [0, 'a', 3]]);
    expect(h.take()).toEqual([['a', 3, 6, 0, 3]]);
    b.execute([[0, 'a', 4], [0, 'a', 5], [0, 'b', 20], [0, 'a', 6]]);
    expect(h.take()).toEqual([['a', 3, 12, 2, 5]]);
    b.onEnd('exhausted');
    // a: window 2 = tuples 4,5 (x 5,6) ; b: window 0 = both tuples, window 1 not started... tuple index 2 never came
    expect(sorted(h.take())).toEqual(sorted([['a', 2, 11, 4, 7], ['b', 2, 30, 0, 3]]));
  });

  it('TIMEOUT closes a partially filled partition window, and the partition starts counting afresh', () => {
    const clock = new VirtualClock(0);
    const b = new WindowAggregateBolt(
      spec({ dimension: 'tuples', size: 3, advance: 3, timeoutMs: 5000, partitionBy: [], groupBy: [], aggregates: calls(['count']) }),
    );
    const h = drive(b, clock);
    b.execute([[0, 'a', 1]]);
    clock.advanceTo(4999);
    expect(h.take()).toEqual([]);
    clock.advanceTo(5000);
    expect(h.take()).toEqual([[1, 0, 3]]);
    b.execute([[0, 'a', 1], [0, 'a', 1], [0, 'a', 1]]);
    expect(h.take()).toEqual([[3, 0, 3]]);
  });
});

describe('WindowAggregate, TIME (virtual clock, no sleeps)', () => {
  it('windows are aligned to ADVANCE on the processing clock and close when the clock passes their end', () => {
    const clock = new VirtualClock(1_000_500);
    const b = new WindowAggregateBolt(spec({ dimension: 'time', size: 2000, advance: 1000, groupBy: [], aggregates: calls(['count']) }));
    const h = drive(b, clock);
    b.execute([[0, 'a', 1], [0, 'a', 1]]);
    clock.advanceTo(1_000_999);
    expect(h.take()).toEqual([]);
    clock.advanceTo(1_001_000);
    // both tuples arrived at 1_000_500: in [999_000, 1_001_000) and [1_000_000, 1_002_000)
    expect(h.take()).toEqual([[2, 999_000, 1_001_000]]);
    clock.advanceTo(1_001_200);
    b.execute([[0, 'a', 1]]);
    clock.advanceTo(1_002_000);
    expect(h.take()).toEqual([[3, 1_000_000, 1_002_000]]);
    clock.advanceTo(1_003_000);
    expect(h.take()).toEqual([[1, 1_001_000, 1_003_000]]);
    clock.advanceTo(1_010_000);
    expect(h.take()).toEqual([]);
  });
});
