/**
 * Checkpointed bolt state: a window aggregate stopped at any point between
 * two batches, its state encoded to bytes and restored into a fresh bolt,
 * carries on to exactly the output of a run that never stopped — for every
 * aggregate (algebraic and holistic), tumbling and sliding windows.
 */
import { describe, expect, it } from 'vitest';
import { createAggregate } from '../../../src/runtime/aggregates/index.js';
import type { AggregateCall } from '../../../src/runtime/aggregates/aggregate-set.js';
import { AggregateBolt } from '../../../src/runtime/bolts/aggregate.js';
import { JoinBolt, type JoinSpec } from '../../../src/runtime/bolts/join.js';
import { PatternBolt, type PatternSpec } from '../../../src/runtime/bolts/pattern.js';
import { WindowAggregateBolt, type WindowAggregateSpec } from '../../../src/runtime/bolts/window-aggregate.js';
import { fieldPart } from '../../../src/runtime/keys.js';
import type { Row } from '../../../src/runtime/message.js';
import { decodeStates, encodeStates } from '../../../src/engine/queries/state-codec.js';
import { drive, sorted } from '../runtime/bolt-harness.js';

const ALL = ['count', 'count_distinct', 'sum', 'avg', 'min', 'max', 'stdev', 'variance', 'firstval', 'lastval', 'median', 'percentile'] as const;

function calls(names: readonly string[]): AggregateCall[] {
  return names.map((n) => ({ agg: createAggregate(n, 'long', n === 'percentile' ? [null, 0.9] : []), arg: fieldPart(2) }));
}

function spec(size: number, advance: number): WindowAggregateSpec {
  return {
    dimension: 'field',
    size,
    advance,
    offset: 0,
    field: { index: 0, name: 'ts', timestamp: false },
    watermarkDriven: true,
    partitionBy: [],
    groupBy: [fieldPart(1)],
    aggregates: calls(ALL),
    project: (r) => r,
  };
}

function randomRows(n: number, seed: number): Row[] {
  let s = seed;
  const rnd = (): number => ((s = (Math.imul(s, 1103515245) + 12345) | 0) >>> 8) / (1 << 24);
  const rows: Row[] = [];
  let t = 0;
  for (let i = 0; i < n; i++) {
    t += Math.floor(rnd() * 3);
    // firstval/lastval see NULLs too (their "no value yet" state is a symbol)
    rows.push([t, `k${Math.floor(rnd() * 4)}`, rnd() < 0.1 ? null : Math.floor(rnd() * 100) - 20]);
  }
  return rows;
}

/** Feeds rows in batches of 13 with a watermark after each, like a spout. */
function feed(b: WindowAggregateBolt, rows: Row[]): void {
  for (let i = 0; i < rows.length; i += 13) {
    const batch = rows.slice(i, i + 13);
    b.execute(batch);
    b.onWatermark(batch[batch.length - 1]![0] as number);
  }
}

function roundTrip(state: unknown): unknown {
  return decodeStates(encodeStates(new Map([['w', [state]]]))).get('w')![0];
}

describe('window aggregate state survives a checkpoint and restore', () => {
  for (const [size, advance] of [[10, 10], [10, 2], [9, 3]] as const) {
    it(`SIZE ${size} ADVANCE ${advance}: stopped anywhere, restored, same output as an uninterrupted run`, () => {
      const rows = randomRows(300, size * 7 + advance);
      const whole = new WindowAggregateBolt(spec(size, advance));
      const hw = drive(whole);
      feed(whole, rows);
      whole.onEnd('exhausted');
      const expected = hw.rows();

      for (const cut of [0, 13, 130, 169, 299]) {
        const first = new WindowAggregateBolt(spec(size, advance));
        const h1 = drive(first);
        feed(first, rows.slice(0, cut));
        const state = roundTrip(first.snapshot());
        first.onEnd('stopped');
        const second = new WindowAggregateBolt(spec(size, advance));
        const h2 = drive(second);
        second.restore(state);
        feed(second, rows.slice(cut));
        second.onEnd('exhausted');
        const got = [...h1.rows(), ...h2.rows()];
        expect(sorted(got)).toEqual(sorted(expected));
      }
    });
  }
});

describe('changelog aggregate state survives a checkpoint and restore', () => {
  it('counts and sums go on from where they were', () => {
    const mk = (): AggregateBolt =>
      new AggregateBolt({ groupBy: [fieldPart(1)], aggregates: calls(['count', 'sum', 'firstval']), project: (r) => r });
    const rows = randomRows(100, 3);
    const whole = mk();
    const hw = drive(whole);
    whole.execute(rows);
    const first = mk();
    const h1 = drive(first);
    first.execute(rows.slice(0, 40));
    const second = mk();
    const h2 = drive(second);
    second.restore(roundTrip(first.snapshot()));
    second.execute(rows.slice(40));
    expect([...h1.rows(), ...h2.rows()]).toEqual(hw.rows());
  });
});

describe('changelog aggregate with holistic aggregates survives a checkpoint and restore', () => {
  it('count_distinct, median and percentile (with every algebraic one) go on from where they were, wherever it stopped', () => {
    const mk = (): AggregateBolt => new AggregateBolt({ groupBy: [fieldPart(1)], aggregates: calls(ALL), project: (r) => r });
    // enough values per group that the sorted multiset spans several chunks
    const rows = randomRows(2500, 17);
    const whole = mk();
    const hw = drive(whole);
    whole.execute(rows);
    const expected = hw.rows();
    for (const cut of [0, 1, 40, 1234, 2499]) {
      const first = mk();
      const h1 = drive(first);
      first.execute(rows.slice(0, cut));
      const second = mk();
      const h2 = drive(second);
      second.restore(roundTrip(first.snapshot()));
      second.execute(rows.slice(cut));
      expect([...h1.rows(), ...h2.rows()]).toEqual(expected);
    }
  });

  it('a restored state checkpoints again to the same state', () => {
    const mk = (): AggregateBolt => new AggregateBolt({ groupBy: [fieldPart(1)], aggregates: calls(['count_distinct', 'median']), project: (r) => r });
    const first = mk();
    drive(first);
    first.execute(randomRows(700, 4));
    const state = roundTrip(first.snapshot());
    const second = mk();
    drive(second);
    second.restore(state);
    expect(roundTrip(second.snapshot())).toEqual(state);
  });
});

describe('join state survives a checkpoint and restore', () => {
  // left: [ts, key, x], right: [ts, key, y]; sliding ON ts windows both sides, LEFT OUTER on key
  const spec = (): JoinSpec => ({
    left: { width: 3, window: { kind: 'field', size: 10, advance: 5, offset: 0, field: 0 }, key: (r) => r[1], outer: true },
    right: { width: 3, window: { kind: 'field', size: 10, advance: 5, offset: 0, field: 0 }, key: (r) => r[1], outer: false },
    project: (c) => [c[1]!, c[2]!, c[5]!, c[0]!, c[3]!],
    watermarkDriven: true,
  });
  const feedJoin = (b: JoinBolt, rows: Row[]): void => {
    for (let i = 0; i < rows.length; i += 7) {
      const batch = rows.slice(i, i + 7);
      b.execute(batch.filter((r) => (r[2] as number) % 2 === 0), 0);
      b.execute(batch.filter((r) => (r[2] as number) % 2 !== 0), 1);
      b.onWatermark(batch[batch.length - 1]![0] as number);
    }
  };

  it('matches and outer rows are the same as an uninterrupted run, wherever it stopped', () => {
    const rows = randomRows(200, 11).map((r, i) => [r[0]!, r[1]!, i]);
    const whole = new JoinBolt(spec());
    const hw = drive(whole);
    feedJoin(whole, rows);
    whole.onEnd('exhausted');
    const expected = hw.rows();
    expect(expected.length).toBeGreaterThan(100);
    for (const cut of [0, 7, 63, 140, 196]) {
      const first = new JoinBolt(spec());
      const h1 = drive(first);
      feedJoin(first, rows.slice(0, cut));
      const state = roundTrip(first.snapshot());
      first.onEnd('stopped');
      const second = new JoinBolt(spec());
      const h2 = drive(second);
      second.restore(state);
      feedJoin(second, rows.slice(cut));
      second.onEnd('exhausted');
      expect(sorted([...h1.rows(), ...h2.rows()])).toEqual(sorted(expected));
    }
  });
});

describe('pattern state survives a checkpoint and restore', () => {
  // PATTERN a THEN b WITHIN 20 ON ts, a and b the same stream [ts, key, x], keyed by key, a.x < b.x
  const spec = (): PatternSpec => ({
    widths: [3, 3],
    portInputs: [[0, 1]],
    paths: [[{ input: 0, negated: false }, { input: 1, negated: false }]],
    within: { kind: 'field', amount: 20, fields: [0, 0], watermarkDriven: true },
    conjuncts: [{ inputs: [0, 1], test: (c) => (c[2] as number) < (c[5] as number) }],
    partitionKeys: [(r) => r[1], (r) => r[1]],
    project: (c) => [c[1]!, c[0]!, c[3]!, c[2]!, c[5]!],
  });
  const feedPattern = (b: PatternBolt, rows: Row[]): void => {
    for (let i = 0; i < rows.length; i += 5) {
      const batch = rows.slice(i, i + 5);
      b.execute(batch, 0);
      b.onWatermark(batch[batch.length - 1]![0] as number);
    }
  };

  it('the same matches as an uninterrupted run, wherever it stopped', () => {
    const rows = randomRows(120, 5).map((r, i) => [r[0]!, r[1]!, (i * 37) % 50]);
    const whole = new PatternBolt(spec());
    const hw = drive(whole);
    feedPattern(whole, rows);
    whole.onEnd('exhausted');
    const expected = hw.rows();
    expect(expected.length).toBeGreaterThan(20);
    for (const cut of [0, 5, 55, 115]) {
      const first = new PatternBolt(spec());
      const h1 = drive(first);
      feedPattern(first, rows.slice(0, cut));
      const state = roundTrip(first.snapshot());
      first.onEnd('stopped');
      const second = new PatternBolt(spec());
      const h2 = drive(second);
      second.restore(state);
      feedPattern(second, rows.slice(cut));
      second.onEnd('exhausted');
      expect(sorted([...h1.rows(), ...h2.rows()])).toEqual(sorted(expected));
    }
  });
});
