/** firstval / lastval: x of the first / last tuple in arrival order (NULL is a value here). */
import type { Value } from '../message.js';
import { EMPTY, type AlgebraicAggregate, type Maybe } from './aggregate.js';

export const firstval: AlgebraicAggregate<Maybe<Value>> = {
  shape: 'algebraic',
  name: 'firstval',
  init: () => EMPTY,
  add: (s, v) => (s === EMPTY ? v : s),
  merge: (a, b) => (a === EMPTY ? b : a),
  result: (s) => (s === EMPTY ? null : s),
};

export const lastval: AlgebraicAggregate<Maybe<Value>> = {
  shape: 'algebraic',
  name: 'lastval',
  init: () => EMPTY,
  add: (_s, v) => v,
  merge: (a, b) => (b === EMPTY ? a : b),
  result: (s) => (s === EMPTY ? null : s),
};
