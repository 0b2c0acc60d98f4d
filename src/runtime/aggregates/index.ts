/** The aggregate library by SQL name (see src/sql/functions/aggregate.ts for the rules). */
import type { FieldType } from '../layout.js';
import type { Value } from '../message.js';
import type { Aggregate } from './aggregate.js';
import { avg, count, max, min, sumDouble, sumLong } from './basic.js';
import { firstval, lastval } from './first-last.js';
import { countDistinct, median, percentile } from './holistic.js';
import { stdev, variance } from './variance.js';

export type { Aggregate, AlgebraicAggregate, HolisticAggregate } from './aggregate.js';

/**
 * The accumulator for `fn` given its (first) argument type and the values of
 * its constant arguments (percentile's p).
 */
export function createAggregate(fn: string, argType: FieldType | 'null' | undefined, constants: readonly Value[]): Aggregate {
  switch (fn) {
    case 'count':
      return count;
    case 'count_distinct':
      return countDistinct;
    case 'sum':
      return argType === 'double' ? sumDouble : sumLong;
    case 'avg':
      return avg;
    case 'min':
      return min;
    case 'max':
      return max;
    case 'stdev':
      return stdev;
    case 'variance':
      return variance;
    case 'firstval':
      return firstval;
    case 'lastval':
      return lastval;
    case 'median':
      return median;
    case 'percentile': {
      const p = constants[1];
      if (typeof p !== 'number' || p < 0 || p > 1) throw new RangeError('percentile needs a constant p in [0, 1]');
      return percentile(p);
    }
  }
  throw new RangeError(`no aggregate named ${fn}`);
}

export const AGGREGATE_NAMES = [
  'count', 'count_distinct', 'sum', 'avg', 'min', 'max', 'stdev', 'variance', 'firstval', 'lastval', 'median', 'percentile',
] as const;
