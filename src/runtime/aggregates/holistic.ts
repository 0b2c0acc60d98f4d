/** count_distinct, median, percentile: aggregates that need every value of the window. */
import type { Value } from '../message.js';
import type { HolisticAggregate } from './aggregate.js';
import { SortedMultiset } from './sorted-multiset.js';

/** Distinct non-NULL values, counted with multiplicity so values can leave as panes slide out. */
export const countDistinct: HolisticAggregate<Map<Value, number>> = {
  shape: 'holistic',
  name: 'count_distinct',
  running: () => new Map(),
  insert: (r, v) => {
    if (v !== null) r.set(v, (r.get(v) ?? 0) + 1);
  },
  remove: (r, v) => {
    if (v === null) return;
    const n = r.get(v);
    if (n === undefined) return;
    if (n <= 1) r.delete(v);
    else r.set(v, n - 1);
  },
  result: (r) => r.size,
  // [value, multiplicity] pairs: small when values repeat
  save: (r) => [...r],
  load: (data) => new Map(data as [Value, number][]),
};

/** percentile_cont(p) over the non-NULL values; median = percentile(0.5). */
export function percentile(p: number, name = 'percentile'): HolisticAggregate<SortedMultiset> {
  return {
    shape: 'holistic',
    name,
    running: () => new SortedMultiset(),
    insert: (r, v) => {
      if (v !== null) r.insert(v as number);
    },
    remove: (r, v) => {
      if (v !== null) r.remove(v as number);
    },
    result: (r) => r.quantile(p) ?? null,
    save: (r) => r.toArray(),
    load: (data) => SortedMultiset.fromSorted(data as number[]),
  };
}

export const median = percentile(0.5, 'median');
