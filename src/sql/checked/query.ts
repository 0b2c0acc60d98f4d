/** Checked queries: resolved inputs, windows, joins, patterns and output schemas. */
import type { SourceSpan } from '../../errors.js';
import type { JoinType, PatternOp, Select } from '../ast/index.js';
import type { Field, FieldType } from '../types.js';
import type { TAggregate, TExpr } from './expr.js';

/** A field of an input resolved to its index. */
export interface FieldRef {
  readonly name: string;
  readonly index: number;
  readonly type: FieldType;
}

/**
 * A window with every number folded and every field resolved.
 * Units of size / advance / offset:
 *   - `tuples`: tuple counts;
 *   - `time`: milliseconds of the processing clock (SQL gives seconds);
 *   - `field` on a timestamp field: milliseconds (SQL gives seconds);
 *   - `field` on a numeric field: the field's own units.
 * Window k covers [k·advance + offset, k·advance + offset + size) — for
 * `tuples`, tuples number k·advance … k·advance + size − 1 of a partition.
 */
export interface ResolvedWindow {
  /** set when the window came from CREATE WINDOW */
  readonly name?: string;
  readonly dimension: 'tuples' | 'time' | 'field';
  /** the ON field (dimension `field`) */
  readonly field?: FieldRef;
  readonly size: number;
  readonly advance: number;
  readonly offset: number;
  readonly partitionBy: readonly FieldRef[];
  /** TIMEOUT: close a window after this many ms of processing time without a tuple */
  readonly timeoutMs?: number;
  readonly loc: SourceSpan;
}

/** One input of a query: a stream or table in FROM / USING, or a pattern template. */
export interface QueryInput {
  /** the qualifier that names it in expressions: the alias, else the stream/table name */
  readonly alias: string;
  readonly source: 'stream' | 'table';
  /** the stream or table name in the catalog */
  readonly name: string;
  readonly fields: readonly Field[];
  readonly window?: ResolvedWindow;
  /** index of the stream's event-time field (WITH TIMESTAMP), if any */
  readonly eventTime?: number;
  readonly loc: SourceSpan;
}

/** A resolved FROM clause over `inputs` (by index). */
export type CheckedFrom =
  /** one stream or table */
  | { readonly kind: 'Scan'; readonly input: number }
  /**
   * SQL JOIN. `lookup` says which side (if any) is a memory table probed by
   * the stream side (a stream–table join); otherwise both sides are windowed streams.
   */
  | {
      readonly kind: 'Join';
      readonly joinType: JoinType;
      readonly left: CheckedFrom;
      readonly right: number;
      readonly on: TExpr;
      readonly lookup: 'none' | 'right-table' | 'left-table';
    }
  /** StreamBase tuple join `FROM a[w], b[w] WHERE ...` (the predicate is the query's `where`) */
  | { readonly kind: 'TupleJoin'; readonly items: readonly CheckedFrom[] }
  /** FROM PATTERN */
  | { readonly kind: 'Pattern'; readonly pattern: CheckedPattern; readonly within: CheckedWithin };

/** A pattern over the query's inputs (one input per template). */
export type CheckedPattern =
  | { readonly kind: 'Source'; readonly input: number }
  | { readonly kind: 'Not'; readonly operand: CheckedPattern }
  | { readonly kind: 'Binary'; readonly op: PatternOp; readonly left: CheckedPattern; readonly right: CheckedPattern };

/**
 * WITHIN: `time` in ms of processing time; `field` in the field's units (ms for
 * a timestamp field), with the field's index in each input (`fields[i]` for input i).
 */
export type CheckedWithin =
  | { readonly kind: 'time'; readonly ms: number }
  | { readonly kind: 'field'; readonly name: string; readonly amount: number; readonly fields: readonly FieldRef[] };

/** One output column of a query or RETURNING list. */
export interface OutputColumn {
  readonly name: string;
  readonly type: FieldType;
  readonly expr: TExpr;
}

/** Where a query's rows go. `implicit`: this INTO declared the stream (it was not declared before). */
export interface IntoTarget {
  readonly stream: string;
  readonly implicit: boolean;
  readonly loc: SourceSpan;
}

/**
 * How rows are produced:
 *  - `none`: one output row per input row (filters, projections, joins, patterns);
 *  - `windowed`: aggregates over a windowed single input, one row per group per window when it closes;
 *  - `changelog`: aggregates without a window, an updated row for the group of every input row.
 */
export type Aggregation = 'none' | 'windowed' | 'changelog';

/** A checked SELECT. */
export interface CheckedQuery {
  readonly kind: 'Query';
  readonly ast: Select;
  readonly inputs: readonly QueryInput[];
  readonly from: CheckedFrom;
  readonly where?: TExpr;
  readonly aggregation: Aggregation;
  readonly groupBy: readonly TExpr[];
  /** every distinct aggregate call, by slot */
  readonly aggregates: readonly TAggregate[];
  readonly columns: readonly OutputColumn[];
  readonly having?: TExpr;
  /** ORDER BY items (an output alias is replaced by that column's expression) */
  readonly orderBy: readonly { readonly expr: TExpr; readonly descending: boolean }[];
  readonly limit?: number;
  /** the output schema (= columns' names and types) */
  readonly output: readonly Field[];
  /** undefined for a push query (rows go to the terminal) */
  readonly into?: IntoTarget;
}
