/**
 * Window specifications: the body of `CREATE WINDOW w (...)` and of an inline
 * `FROM s[...]`. Sizes are expressions so that `INTERVAL '10' SECOND` and
 * DECLAREd constants fit; the checker folds them to numbers
 * (see `ResolvedWindow` in ../checked/query.ts).
 */
import type { Name, SourceSpan } from './common.js';
import type { Expr } from './expr.js';

/** `TUPLES` — counts tuples in arrival order (per PARTITION BY group). */
export interface TuplesDimension {
  readonly kind: 'Tuples';
  readonly loc: SourceSpan;
}

/** `TIME` — the processing clock, in seconds. */
export interface TimeDimension {
  readonly kind: 'Time';
  readonly loc: SourceSpan;
}

/** `ON field` — event time taken from a field (seconds for a timestamp field, the field's own units otherwise). */
export interface OnFieldDimension {
  readonly kind: 'OnField';
  readonly field: Name;
  readonly loc: SourceSpan;
}

export type WindowDimension = TuplesDimension | TimeDimension | OnFieldDimension;

/**
 * `SIZE n [ADVANCE m] {TUPLES | TIME | ON field} [PARTITION BY f, ...] [OFFSET o] [TIMEOUT t]`.
 * Without ADVANCE the window tumbles (ADVANCE = SIZE).
 */
export interface WindowSpec {
  readonly kind: 'WindowSpec';
  readonly size: Expr;
  readonly advance?: Expr;
  readonly dimension: WindowDimension;
  readonly partitionBy: readonly Name[];
  readonly offset?: Expr;
  readonly timeout?: Expr;
  readonly loc: SourceSpan;
}

/** `[w]` — a window declared with CREATE WINDOW. */
export interface WindowName {
  readonly kind: 'WindowName';
  readonly name: Name;
  readonly loc: SourceSpan;
}

/** What may appear between the brackets of `FROM s[...]`. */
export type WindowRef = WindowSpec | WindowName;
