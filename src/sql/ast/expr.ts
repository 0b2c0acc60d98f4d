/**
 * Expressions. Precedence (lowest first): OR, AND, NOT, comparison / IS / IN /
 * BETWEEN / LIKE, `||`, `+ -`, `* / %`, unary `- +`, primary. Parentheses are
 * not kept as nodes; the formatter adds them back where precedence needs them.
 */
import type { Name, SourceSpan, TypeRef } from './common.js';

/** Literal types as written: `42` int, `42L` long, `4.2` double, `'x'` string, `TRUE` bool, `NULL`. */
export type LiteralType = 'int' | 'long' | 'double' | 'string' | 'bool' | 'null';

/**
 * `42`, `3000000000` (an integer that does not fit in 32 bits is a long),
 * `42L`, `4.2`, `1e3`, `'it''s'`, `TRUE`, `FALSE`, `NULL`.
 * Negative numbers are `Unary '-'` over a literal.
 */
export type Literal =
  | { readonly kind: 'Literal'; readonly type: 'int' | 'long' | 'double'; readonly value: number; readonly loc: SourceSpan }
  | { readonly kind: 'Literal'; readonly type: 'string'; readonly value: string; readonly loc: SourceSpan }
  | { readonly kind: 'Literal'; readonly type: 'bool'; readonly value: boolean; readonly loc: SourceSpan }
  | { readonly kind: 'Literal'; readonly type: 'null'; readonly value: null; readonly loc: SourceSpan };

/** `TIMESTAMP '2024-01-01 00:00:00'` — `text` is the string as written; the checker parses it (UTC unless an offset is given). */
export interface TimestampLiteral {
  readonly kind: 'TimestampLiteral';
  readonly text: string;
  readonly loc: SourceSpan;
}

export type IntervalUnit = 'second' | 'minute' | 'hour' | 'day';

/** `INTERVAL '10' SECOND` (also `INTERVAL 10 SECOND`) — `text` is the amount as written; the checker parses it. */
export interface IntervalLiteral {
  readonly kind: 'IntervalLiteral';
  readonly text: string;
  readonly unit: IntervalUnit;
  readonly loc: SourceSpan;
}

/** `price`, `b.price` (qualifier = stream name or alias, pattern alias, table name). Also a DECLAREd variable. */
export interface ColumnRef {
  readonly kind: 'ColumnRef';
  readonly qualifier?: Name;
  readonly name: Name;
  readonly loc: SourceSpan;
}

/** `f(a, b)`, `count(*)` (`star: true`, no args). Function names are case-insensitive. */
export interface Call {
  readonly kind: 'Call';
  readonly name: Name;
  readonly args: readonly Expr[];
  readonly star: boolean;
  readonly loc: SourceSpan;
}

/** `EXTRACT(HOUR FROM ts)` — same meaning as `date_part('hour', ts)`. `field` is lower-cased. */
export interface Extract {
  readonly kind: 'Extract';
  readonly field: string;
  readonly operand: Expr;
  readonly loc: SourceSpan;
}

export type UnaryOp = '-' | '+' | 'not';

/** `-x`, `+x`, `NOT p`. */
export interface Unary {
  readonly kind: 'Unary';
  readonly op: UnaryOp;
  readonly operand: Expr;
  readonly loc: SourceSpan;
}

export type ArithmeticOp = '+' | '-' | '*' | '/' | '%';
export type ComparisonOp = '=' | '<>' | '<' | '<=' | '>' | '>=';
export type LogicalOp = 'and' | 'or';
/** `!=` is parsed as `<>`. */
export type BinaryOp = ArithmeticOp | ComparisonOp | LogicalOp | '||';

/** `a + b`, `a = b`, `p AND q`, `s || t` ... */
export interface Binary {
  readonly kind: 'Binary';
  readonly op: BinaryOp;
  readonly left: Expr;
  readonly right: Expr;
  readonly loc: SourceSpan;
}

/** `x IS NULL`, `x IS NOT NULL` (`negated`). */
export interface IsNull {
  readonly kind: 'IsNull';
  readonly operand: Expr;
  readonly negated: boolean;
  readonly loc: SourceSpan;
}

/** `x IN (a, b, c)`, `x NOT IN (...)`. */
export interface InList {
  readonly kind: 'InList';
  readonly operand: Expr;
  readonly list: readonly Expr[];
  readonly negated: boolean;
  readonly loc: SourceSpan;
}

/** `x BETWEEN lo AND hi` (inclusive), `x NOT BETWEEN lo AND hi`. */
export interface Between {
  readonly kind: 'Between';
  readonly operand: Expr;
  readonly low: Expr;
  readonly high: Expr;
  readonly negated: boolean;
  readonly loc: SourceSpan;
}

/** `s LIKE 'a%_'`, `s NOT LIKE p` (`%` any run, `_` one character, no escape). */
export interface Like {
  readonly kind: 'Like';
  readonly operand: Expr;
  readonly pattern: Expr;
  readonly negated: boolean;
  readonly loc: SourceSpan;
}

/** One `WHEN w THEN t` arm of a CASE. */
export interface WhenClause {
  readonly kind: 'When';
  readonly when: Expr;
  readonly then: Expr;
  readonly loc: SourceSpan;
}

/**
 * `CASE WHEN p THEN a [WHEN ...] [ELSE b] END` (searched) or
 * `CASE x WHEN v THEN a ... END` (simple, `operand` set).
 */
export interface Case {
  readonly kind: 'Case';
  readonly operand?: Expr;
  readonly whens: readonly WhenClause[];
  readonly else?: Expr;
  readonly loc: SourceSpan;
}

/** StreamBase's `if c then a else b` (ELSE is required). */
export interface IfExpr {
  readonly kind: 'If';
  readonly cond: Expr;
  readonly then: Expr;
  readonly else: Expr;
  readonly loc: SourceSpan;
}

/** `CAST(x AS type)`. */
export interface Cast {
  readonly kind: 'Cast';
  readonly operand: Expr;
  readonly type: TypeRef;
  readonly loc: SourceSpan;
}

export type Expr =
  | Literal
  | TimestampLiteral
  | IntervalLiteral
  | ColumnRef
  | Call
  | Extract
  | Unary
  | Binary
  | IsNull
  | InList
  | Between
  | Like
  | Case
  | IfExpr
  | Cast;

export type ExprKind = Expr['kind'];
