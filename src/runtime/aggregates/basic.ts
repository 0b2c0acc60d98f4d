/** count, sum, avg, min, max: the algebraic aggregates with tiny states. */
import { runtimeError } from '../../sql/errors.js';
import type { Value } from '../message.js';
import type { AlgebraicAggregate } from './aggregate.js';

/** count(x) counts non-NULL values; count(*) is fed a non-NULL marker per tuple. */
export const count: AlgebraicAggregate<number> = {
  shape: 'algebraic',
  name: 'count',
  init: () => 0,
  add: (s, v) => (v === null ? s : s + 1),
  merge: (a, b) => a + b,
  result: (s) => s,
};

function sumOf(kind: 'long' | 'double'): AlgebraicAggregate<number | null> {
  return {
    shape: 'algebraic',
    name: 'sum',
    init: () => null,
    add: (s, v) => (v === null ? s : s === null ? (v as number) : s + (v as number)),
    merge: (a, b) => (a === null ? b : b === null ? a : a + b),
    result:
      kind === 'double'
        ? (s) => s
        : (s) => {
            if (s !== null && !Number.isSafeInteger(s)) {
              throw runtimeError('GALE_ERR_SQL_RUNTIME_OVERFLOW', 'long overflow in sum (beyond ±2^53-1)');
            }
            return s;
          },
  };
}

export const sumLong = sumOf('long');
export const sumDouble = sumOf('double');

/** avg keeps [sum, n]; NULL over no values. */
export const avg: AlgebraicAggregate<[number, number]> = {
  shape: 'algebraic',
  name: 'avg',
  init: () => [0, 0],
  add: (s, v) => {
    if (v !== null) {
      s[0] += v as number;
      s[1]++;
    }
    return s;
  },
  merge: (a, b) => [a[0] + b[0], a[1] + b[1]],
  result: (s) => (s[1] === 0 ? null : s[0] / s[1]),
};

/** min / max over numbers, strings (UTF-16 order), timestamps, bools (FALSE < TRUE). */
export const min: AlgebraicAggregate<Value> = {
  shape: 'algebraic',
  name: 'min',
  init: () => null,
  add: (s, v) => (v === null ? s : s === null || v < s ? v : s),
  merge: (a, b) => (a === null ? b : b === null ? a : b < a ? b : a),
  result: (s) => s,
};

export const max: AlgebraicAggregate<Value> = {
  shape: 'algebraic',
  name: 'max',
  init: () => null,
  add: (s, v) => (v === null ? s : s === null || v > s ? v : s),
  merge: (a, b) => (a === null ? b : b === null ? a : b > a ? b : a),
  result: (s) => s,
};
