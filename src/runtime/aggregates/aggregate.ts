/**
 * The accumulator contract behind every SQL aggregate, in two shapes:
 *
 * - algebraic: a small state with `add` and an associative `merge`, so panes
 *   of a sliding window combine (two-stack) without revisiting tuples: count,
 *   sum, avg, min, max, stdev, variance, firstval, lastval.
 * - holistic: needs every value; windows keep each pane's values and a
 *   running structure that values enter and leave as panes slide in and out:
 *   count_distinct, median, percentile.
 *
 * Rules (src/sql/functions/aggregate.ts): NULL inputs are ignored except by
 * count(*) (fed a non-NULL marker), firstval and lastval; with no input the
 * result is NULL, except the counts, which give 0.
 */
import type { Value } from '../message.js';

export interface AlgebraicAggregate<S = unknown> {
  readonly shape: 'algebraic';
  readonly name: string;
  /** the empty state (the identity of merge) */
  init(): S;
  /** adds one value; may mutate and return `s`, or return a new state */
  add(s: S, v: Value): S;
  /** combines an older and a newer state into a NEW state (neither input is changed) */
  merge(older: S, newer: S): S;
  /** the SQL result; may throw a runtime error (e.g. a long sum overflow) */
  result(s: S): Value;
}

export interface HolisticAggregate<R = unknown> {
  readonly shape: 'holistic';
  readonly name: string;
  /** an empty running structure */
  running(): R;
  insert(r: R, v: Value): void;
  remove(r: R, v: Value): void;
  result(r: R): Value;
  /** the running structure as plain data, for a checkpoint (the structure is not changed) */
  save(r: R): unknown;
  /** a running structure from what save() gave */
  load(data: unknown): R;
}

export type Aggregate = AlgebraicAggregate | HolisticAggregate;

/** Marker for "no value yet" in firstval / lastval states (NULL is a value there). */
export const EMPTY: unique symbol = Symbol('empty');
export type Maybe<T> = T | typeof EMPTY;
