/** Drives one bolt directly: a context with an injectable clock, a collector that records what it emits. */
import type { Bolt, BoltContext } from '../../../src/runtime/bolt.js';
import { newRunMetrics } from '../../../src/runtime/bolt.js';
import { VirtualClock, type Clock } from '../../../src/runtime/clock.js';
import { CollectingErrorStream, toErrorRecord } from '../../../src/runtime/errors.js';
import type { Row } from '../../../src/runtime/message.js';

export interface Harness {
  readonly batches: Row[][];
  readonly errors: CollectingErrorStream;
  readonly clock: Clock;
  rows(): Row[];
  /** rows emitted since the last call */
  take(): Row[];
}

export function drive(bolt: Bolt, clock: Clock = new VirtualClock(0)): Harness {
  const batches: Row[][] = [];
  const errors = new CollectingErrorStream();
  let taken = 0;
  const ctx: BoltContext = {
    component: 'under-test',
    query: 'q',
    task: 0,
    tasks: 1,
    clock,
    errors,
    metrics: newRunMetrics(),
    eventTime: () => -Infinity,
  };
  bolt.prepare(ctx, {
    emit: (rows) => {
      if (rows.length > 0) batches.push(rows);
    },
    error: (err, row) => errors.report(toErrorRecord(err, { component: 'under-test', row })),
  });
  return {
    batches,
    errors,
    clock,
    rows: () => batches.flat(),
    take() {
      const all = batches.flat();
      const out = all.slice(taken);
      taken = all.length;
      return out;
    },
  };
}

/** Sorted copy, for comparing rows as multisets. */
export function sorted(rows: readonly Row[]): Row[] {
  return [...rows].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0));
}
