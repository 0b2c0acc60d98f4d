/** Built-in generators: NEXMark proportions, ids and hot keys, determinism; pacing on a virtual clock; YSB. */
import { describe, expect, it } from 'vitest';
import { GENERATORS, GENERATOR_DEFAULTS, GeneratorSource } from '../../../../src/connectors/generator/index.js';
import { eventKind } from '../../../../src/connectors/generator/nexmark.js';
import { VirtualClock } from '../../../../src/runtime/clock.js';
import { CollectingErrorStream } from '../../../../src/runtime/errors.js';
import { Layout } from '../../../../src/runtime/layout.js';
import type { Row } from '../../../../src/runtime/message.js';

function fill(name: string, from: number, to: number, seed = 42): Row[] {
  const out: Row[] = [];
  GENERATORS.get(name)!.create({ ...GENERATOR_DEFAULTS, seed }).fill(from, to, out);
  return out;
}

describe('NEXMark generator', () => {
  it('produces persons, auctions and bids in the proportions 1 : 3 : 46', () => {
    const n = 50_000;
    expect([fill('nexmark.person', 0, n).length, fill('nexmark.auction', 0, n).length, fill('nexmark.bid', 0, n).length]).toEqual([1000, 3000, 46000]);
    expect(Array.from({ length: 50 }, (_, i) => eventKind(i)[0]).join('')).toBe(`p${'a'.repeat(3)}${'b'.repeat(46)}`);
  });

  it('is deterministic per seed and event number, whatever the batching', () => {
    const whole = fill('nexmark.bid', 0, 5000);
    const pieces = [...fill('nexmark.bid', 0, 1234), ...fill('nexmark.bid', 1234, 3000), ...fill('nexmark.bid', 3000, 5000)];
    expect(pieces).toEqual(whole);
    expect(fill('nexmark.bid', 0, 5000, 7)).not.toEqual(whole);
  });

  it('bids reference auctions and people that exist (or are about to), with hot auctions and bidders', () => {
    const n = 100_000;
    const people = new Set(fill('nexmark.person', 0, n).map((r) => r[0]));
    const auctions = new Set(fill('nexmark.auction', 0, n).map((r) => r[0]));
    const bids = fill('nexmark.bid', 0, n);
    const known = bids.filter((b) => auctions.has(b[0]) && people.has(b[1])).length;
    expect(known / bids.length).toBeGreaterThan(0.95);
    // within a stretch of events, about half the bids go to the current hot auction and three quarters come from the hot bidder
    const stretch = fill('nexmark.bid', 10_000, 11_000);
    const share = (col: number): number => {
      const counts = new Map<unknown, number>();
      for (const b of stretch) counts.set(b[col], (counts.get(b[col]) ?? 0) + 1);
      return Math.max(...counts.values()) / stretch.length;
    };
    expect(share(0)).toBeGreaterThan(0.4);
    expect(share(0)).toBeLessThan(0.6);
    expect(share(1)).toBeGreaterThan(0.65);
    expect(share(1)).toBeLessThan(0.85);
    expect(bids.every((b) => typeof b[2] === 'number' && (b[2] as number) >= 100)).toBe(true);
    // event time: 10,000 events per second from the base time, in order
    expect(bids[bids.length - 1]![5]).toBe(GENERATOR_DEFAULTS.baseTime + Math.floor(99_999 / 10));
  });

  it('is paced to RATE events per second of the (virtual) clock and bounded by EVENTS', async () => {
    const clock = new VirtualClock(0);
    const kind = GENERATORS.get('nexmark.bid')!;
    const src = new GeneratorSource({ kind, layout: new Layout(kind.fields), params: GENERATOR_DEFAULTS, events: 1000, rate: 100 });
    const reader = src.open(0, { component: 'bid', clock, errors: new CollectingErrorStream(), signal: new AbortController().signal });
    let rows = 0;
    for (let t = 0; t <= 12_000; t += 50) {
      clock.advanceTo(t);
      const b = reader.next(1024);
      const got = b instanceof Promise ? await Promise.race([b, new Promise<'wait'>((r) => setImmediate(() => r('wait')))]) : b;
      if (got === null) break;
      if (got === 'wait') continue;
      rows += got.rows.length;
      // never ahead of the clock: events up to now * rate
      expect(rows).toBeLessThanOrEqual(((t / 1000) * 100 + 5) * 0.92 + 5);
    }
    expect(rows).toBe(920);
  });
});

describe('YSB generator', () => {
  it('gives ad events over 1000 ads in 100 campaigns, and the mapping', () => {
    const events = fill('ysb', 0, 10_000);
    const mapping = fill('ysb.campaigns', 0, 5000);
    expect(mapping).toHaveLength(1000);
    expect(new Set(mapping.map((m) => m[1])).size).toBe(100);
    const ads = new Set(mapping.map((m) => m[0]));
    expect(events.every((e) => ads.has(e[2]))).toBe(true);
    expect(new Set(events.map((e) => e[4]))).toEqual(new Set(['view', 'click', 'purchase']));
  });
});
