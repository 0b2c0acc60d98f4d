/**
 * Marble tests on RxJS's TestScheduler (virtual time, no sleeps): TIME
 * windows close when the processing clock passes their end, whatever the
 * arrival pattern, and a TIMEOUT closes a quiet window.
 */
import { Subject, map } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { createAggregate } from '../../../src/runtime/aggregates/index.js';
import { newRunMetrics } from '../../../src/runtime/bolt.js';
import { WindowAggregateBolt, type WindowAggregateSpec } from '../../../src/runtime/bolts/window-aggregate.js';
import { schedulerClock } from '../../../src/runtime/clock.js';
import { CollectingErrorStream } from '../../../src/runtime/errors.js';
import type { Row } from '../../../src/runtime/message.js';

function scheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

/** Feeds marble batches into a window bolt; returns its emissions as "count@start" strings. */
function windowed(s: TestScheduler, spec: Partial<WindowAggregateSpec>, input: ReturnType<TestScheduler['createColdObservable']>) {
  const out = new Subject<Row[]>();
  const bolt = new WindowAggregateBolt({
    dimension: 'time',
    size: 10,
    advance: 10,
    offset: 0,
    watermarkDriven: false,
    partitionBy: [],
    groupBy: [],
    aggregates: [{ agg: createAggregate('count', 'long', []) }],
    project: (r) => r,
    ...spec,
  });
  bolt.prepare(
    { component: 'w', query: 'q', task: 0, tasks: 1, clock: schedulerClock(s), errors: new CollectingErrorStream(), metrics: newRunMetrics(), eventTime: () => -Infinity },
    { emit: (rows) => out.next(rows), error: () => undefined },
  );
  input.subscribe({ next: (rows) => bolt.execute(rows as Row[]), complete: () => bolt.onEnd('exhausted') });
  return out.pipe(map((rows) => rows.map((r) => `${String(r[0])}@${String(r[1])}`).join(' ')));
}

const one: Row[] = [[0]];
const two: Row[] = [[0], [0]];

describe('TIME windows on a virtual clock', () => {
  it('tumbling 10 ms windows emit at 10, 20, ... only for windows that received tuples', () => {
    const s = scheduler();
    s.run(({ cold, expectObservable }) => {
      const input = cold('a 3ms b 20ms a', { a: one, b: two });
      // arrivals at 0 and 4 → window [0,10) closes at 10; arrival at 25 → [20,30) closes at 30
      expectObservable(windowed(s, {}, input)).toBe('10ms x 19ms y', { x: '3@0', y: '1@20' });
    });
  });

  it('sliding windows (SIZE 20 ADVANCE 10) count a tuple in both windows that contain its arrival time', () => {
    const s = scheduler();
    s.run(({ cold, expectObservable }) => {
      const input = cold('5ms a 9ms b', { a: one, b: one });
      // a at 5: windows [-10,10) and [0,20); b at 15: [0,20) and [10,30)
      expectObservable(windowed(s, { size: 20, advance: 10 }, input)).toBe('10ms x 9ms y 9ms z', { x: '1@-10', y: '2@0', z: '1@10' });
    });
  });

  it('the end of a bounded input closes the open window at once', () => {
    const s = scheduler();
    s.run(({ cold, expectObservable }) => {
      const input = cold('a 2ms |', { a: two });
      expectObservable(windowed(s, { size: 100, advance: 100 }, input)).toBe('3ms x', { x: '2@0' });
    });
  });

  it('TIMEOUT closes a TUPLES window that is not full after that long without a tuple', () => {
    const s = scheduler();
    s.run(({ cold, expectObservable }) => {
      const input = cold('a 4ms a', { a: one });
      expectObservable(windowed(s, { dimension: 'tuples', size: 3, advance: 3, timeoutMs: 50 }, input)).toBe('55ms x', { x: '2@0' });
    });
  });
});
