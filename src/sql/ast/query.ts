/** SELECT, its FROM forms (single source, tuple join, SQL JOIN, PATTERN) and UNION. */
import type { Name, SourceSpan } from './common.js';
import type { Expr } from './expr.js';
import type { WindowRef } from './window.js';

/** `*` or `x.*` in a select list or RETURNING list. */
export interface StarItem {
  readonly kind: 'Star';
  readonly qualifier?: Name;
  readonly loc: SourceSpan;
}

/** `expr [AS alias]` (AS may be omitted). */
export interface ExprItem {
  readonly kind: 'ExprItem';
  readonly expr: Expr;
  readonly alias?: Name;
  readonly loc: SourceSpan;
}

export type SelectItem = StarItem | ExprItem;

/**
 * `s`, `s AS x`, `s x`, `s[SIZE 10 ADVANCE 5 TUPLES] AS x`, `s[w] x` —
 * a stream or memory table in FROM, or in `UPDATE/DELETE ... USING`.
 */
export interface SourceRef {
  readonly kind: 'Source';
  readonly name: Name;
  readonly window?: WindowRef;
  readonly alias?: Name;
  readonly loc: SourceSpan;
}

export type JoinType = 'inner' | 'left' | 'right' | 'full';

/**
 * `left [INNER | LEFT [OUTER] | RIGHT [OUTER] | FULL [OUTER]] JOIN right ON cond`.
 * Joins nest to the left: `a JOIN b ON p JOIN c ON q` is `Join(Join(a, b), c)`.
 */
export interface Join {
  readonly kind: 'Join';
  readonly joinType: JoinType;
  readonly left: FromItem;
  readonly right: SourceRef;
  readonly on: Expr;
  readonly loc: SourceSpan;
}

export type FromItem = SourceRef | Join;

/**
 * `FROM item, item, ...` — one item is a plain source (or a JOIN chain); two
 * or more separated by commas is a StreamBase tuple join (predicate in WHERE).
 */
export interface FromList {
  readonly kind: 'FromList';
  readonly items: readonly FromItem[];
  readonly loc: SourceSpan;
}

/** `Stream [AS alias]` — one template of a pattern. */
export interface PatternSource {
  readonly kind: 'PatternSource';
  readonly stream: Name;
  readonly alias?: Name;
  readonly loc: SourceSpan;
}

/** `NOT template` — absence (only meaningful after THEN or AND). */
export interface PatternNot {
  readonly kind: 'PatternNot';
  readonly operand: PatternExpr;
  readonly loc: SourceSpan;
}

export type PatternOp = 'then' | 'and' | 'or';

/**
 * `a THEN b` (b after a), `a AND b` (both, any order), `a OR b` (either).
 * Precedence (lowest first): THEN, OR, AND, NOT; parentheses group.
 */
export interface PatternBinary {
  readonly kind: 'PatternBinary';
  readonly op: PatternOp;
  readonly left: PatternExpr;
  readonly right: PatternExpr;
  readonly loc: SourceSpan;
}

export type PatternExpr = PatternSource | PatternNot | PatternBinary;

/** `WITHIN n TIME` — the whole match must complete within n seconds of processing time. */
export interface WithinTime {
  readonly kind: 'WithinTime';
  readonly amount: Expr;
  readonly loc: SourceSpan;
}

/** `WITHIN v ON field` — the field's values across the match may span at most v (seconds for a timestamp field). */
export interface WithinField {
  readonly kind: 'WithinField';
  readonly amount: Expr;
  readonly field: Name;
  readonly loc: SourceSpan;
}

/** `FROM PATTERN A AS a THEN B AS b ... WITHIN ...` */
export interface FromPattern {
  readonly kind: 'FromPattern';
  readonly pattern: PatternExpr;
  readonly within: WithinTime | WithinField;
  readonly loc: SourceSpan;
}

export type FromClause = FromList | FromPattern;

/** `expr [ASC|DESC]` in ORDER BY (`descending` false = ASC). */
export interface OrderItem {
  readonly kind: 'OrderItem';
  readonly expr: Expr;
  readonly descending: boolean;
  readonly loc: SourceSpan;
}

/**
 * `SELECT items FROM from [WHERE p] [GROUP BY e, ...] [HAVING p]
 *  [ORDER BY e [ASC|DESC], ...] [LIMIT n] [INTO s];`
 * Without INTO it is a push query whose rows go to the terminal.
 */
export interface Select {
  readonly kind: 'Select';
  readonly items: readonly SelectItem[];
  readonly from: FromClause;
  readonly where?: Expr;
  readonly groupBy: readonly Expr[];
  readonly having?: Expr;
  readonly orderBy: readonly OrderItem[];
  readonly limit?: Expr;
  readonly into?: Name;
  readonly loc: SourceSpan;
}

/** `a UNION b [UNION c ...] [INTO s];` — merges streams with the same field names. */
export interface Union {
  readonly kind: 'Union';
  readonly inputs: readonly Name[];
  readonly into?: Name;
  readonly loc: SourceSpan;
}
