/**
 * Typed, resolved expressions: what the checker turns AST expressions into.
 * Every node carries its SqlType; every column reference says which input of
 * the query (an index into `inputs`) and which field of that input it reads,
 * so the planner never resolves a name again.
 *
 * Normalisations from the AST: `if c then a else b` and simple CASE become
 * searched `Case`; `EXTRACT(f FROM x)` becomes `Call date_part('f', x)`; unary
 * `+` disappears; `TIMESTAMP '...'` becomes a timestamp literal (epoch ms);
 * `INTERVAL 'n' unit` becomes a long literal (milliseconds); a constant
 * DECLAREd without UPDATE FROM stays a `Variable` (its value is in the catalog).
 * Implicit widening (int → long → double, all JS numbers) adds no node; the
 * operand types are on the children.
 */
import type { SourceSpan } from '../../errors.js';
import type { ArithmeticOp, ComparisonOp } from '../ast/expr.js';
import type { FieldType, SqlType, Value } from '../types.js';

interface Typed {
  readonly type: SqlType;
  readonly loc: SourceSpan;
}

/** A constant. */
export interface TLiteral extends Typed {
  readonly kind: 'Literal';
  readonly value: Value;
}

/** Field `field` (index into `inputs[input].fields`) of input `input` of the enclosing query. */
export interface TColumn extends Typed {
  readonly kind: 'Column';
  readonly input: number;
  readonly field: number;
  /** the field's name, for messages and EXPLAIN */
  readonly name: string;
}

/** A DECLAREd variable or constant (its current value lives in the engine). */
export interface TVariable extends Typed {
  readonly kind: 'Variable';
  readonly name: string;
}

/** A scalar function of the library (`fn` = its lower-case name, see functions/). */
export interface TCall extends Typed {
  readonly kind: 'Call';
  readonly fn: string;
  readonly args: readonly TExpr[];
}

/**
 * An aggregate call. `slot` indexes the query's `aggregates` list, where the
 * same node appears once; `star` is `count(*)`.
 */
export interface TAggregate extends Typed {
  readonly kind: 'Aggregate';
  readonly fn: string;
  readonly args: readonly TExpr[];
  readonly star: boolean;
  readonly slot: number;
}

/**
 * `window_start()` / `window_end()` (and `openval()` / `closeval()`): the
 * bounds of the window being emitted, in the window's units (timestamp for TIME
 * and ON-timestamp windows, the field's type for ON-numeric, long tuple
 * positions for TUPLES). The end is exclusive: end = start + SIZE.
 */
export interface TWindowBound extends Typed {
  readonly kind: 'WindowBound';
  readonly bound: 'start' | 'end';
}

/** `-x` (numeric, type of x) or `NOT p` (bool, three-valued). */
export interface TUnary extends Typed {
  readonly kind: 'Unary';
  readonly op: '-' | 'not';
  readonly operand: TExpr;
}

/**
 * `+ - * / %` over numerics (result = the wider operand type; int/long `/`
 * truncates toward zero; `/` or `%` by zero gives NULL), or timestamp
 * arithmetic: timestamp ± integral ms → timestamp, timestamp − timestamp → long ms.
 */
export interface TArithmetic extends Typed {
  readonly kind: 'Arithmetic';
  readonly op: ArithmeticOp;
  readonly left: TExpr;
  readonly right: TExpr;
}

/** `= <> < <= > >=`; NULL on either side gives NULL. `operandType` = the common type compared. */
export interface TComparison extends Typed {
  readonly kind: 'Comparison';
  readonly op: ComparisonOp;
  readonly left: TExpr;
  readonly right: TExpr;
  readonly operandType: SqlType;
}

/** `AND` / `OR` with three-valued logic (FALSE AND NULL = FALSE, TRUE OR NULL = TRUE). */
export interface TLogical extends Typed {
  readonly kind: 'Logical';
  readonly op: 'and' | 'or';
  readonly left: TExpr;
  readonly right: TExpr;
}

/** `a || b` → string; non-string operands are converted as by `string(x)`; NULL operand → NULL. */
export interface TConcat extends Typed {
  readonly kind: 'Concat';
  readonly left: TExpr;
  readonly right: TExpr;
}

/** `x IS [NOT] NULL` → bool, never NULL. */
export interface TIsNull extends Typed {
  readonly kind: 'IsNull';
  readonly operand: TExpr;
  readonly negated: boolean;
}

/** `x [NOT] IN (...)`: TRUE if equal to some item, else NULL if x or an item is NULL, else FALSE. */
export interface TInList extends Typed {
  readonly kind: 'InList';
  readonly operand: TExpr;
  readonly list: readonly TExpr[];
  readonly negated: boolean;
  readonly operandType: SqlType;
}

/** `x [NOT] BETWEEN lo AND hi` = `x >= lo AND x <= hi` (three-valued). */
export interface TBetween extends Typed {
  readonly kind: 'Between';
  readonly operand: TExpr;
  readonly low: TExpr;
  readonly high: TExpr;
  readonly negated: boolean;
  readonly operandType: SqlType;
}

/** `s [NOT] LIKE p` (`%` any run, `_` one char, case-sensitive); NULL operand → NULL. */
export interface TLike extends Typed {
  readonly kind: 'Like';
  readonly operand: TExpr;
  readonly pattern: TExpr;
  readonly negated: boolean;
}

/** Searched CASE: the first arm whose condition is TRUE (NULL counts as not TRUE), else `else` (NULL if absent). */
export interface TCase extends Typed {
  readonly kind: 'Case';
  readonly whens: readonly { readonly when: TExpr; readonly then: TExpr }[];
  readonly else?: TExpr;
}

/** `CAST(x AS type)` and the conversion functions' meaning; a value that does not convert is a runtime error. */
export interface TCast extends Typed {
  readonly kind: 'Cast';
  readonly operand: TExpr;
  readonly type: FieldType;
}

export type TExpr =
  | TLiteral
  | TColumn
  | TVariable
  | TCall
  | TAggregate
  | TWindowBound
  | TUnary
  | TArithmetic
  | TComparison
  | TLogical
  | TConcat
  | TIsNull
  | TInList
  | TBetween
  | TLike
  | TCase
  | TCast;

export type TExprKind = TExpr['kind'];
