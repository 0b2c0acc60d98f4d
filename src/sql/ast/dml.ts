/** Writes: memory-table DML with RETURNING, and INSERT ... VALUES. */
import type { Name, SourceSpan } from './common.js';
import type { Expr } from './expr.js';
import type { Select, SelectItem, SourceRef } from './query.js';

/** `c = expr` in SET and ON DUPLICATE KEY UPDATE. */
export interface Assignment {
  readonly kind: 'Assignment';
  readonly column: Name;
  readonly value: Expr;
  readonly loc: SourceSpan;
}

/** `RETURNING items [INTO s]` — emits one row per written table row (to the terminal without INTO). */
export interface Returning {
  readonly kind: 'Returning';
  readonly items: readonly SelectItem[];
  readonly into?: Name;
  readonly loc: SourceSpan;
}

/**
 * `INSERT INTO t [(c, ...)] SELECT ... [ON DUPLICATE KEY UPDATE c = e, ...] [RETURNING ...];`
 * When t is a stream this is the same as `SELECT ... INTO t` (no ON DUPLICATE / RETURNING).
 * `onDuplicate` is present only when the clause was written (then never empty).
 */
export interface InsertSelect {
  readonly kind: 'InsertSelect';
  readonly target: Name;
  readonly columns?: readonly Name[];
  readonly query: Select;
  readonly onDuplicate?: readonly Assignment[];
  readonly returning?: Returning;
  readonly loc: SourceSpan;
}

/** `REPLACE INTO t [(c, ...)] SELECT ... [RETURNING ...];` — insert, replacing a row with the same key. */
export interface ReplaceSelect {
  readonly kind: 'ReplaceSelect';
  readonly target: Name;
  readonly columns?: readonly Name[];
  readonly query: Select;
  readonly returning?: Returning;
  readonly loc: SourceSpan;
}

/** `UPDATE t USING s SET c = e, ... [WHERE p] [RETURNING ...];` — for each tuple of s, update matching rows. */
export interface Update {
  readonly kind: 'Update';
  readonly table: Name;
  readonly using: SourceRef;
  readonly assignments: readonly Assignment[];
  readonly where?: Expr;
  readonly returning?: Returning;
  readonly loc: SourceSpan;
}

/** `DELETE FROM t USING s [WHERE p] [RETURNING ...];` — for each tuple of s, delete matching rows. */
export interface Delete {
  readonly kind: 'Delete';
  readonly table: Name;
  readonly using: SourceRef;
  readonly where?: Expr;
  readonly returning?: Returning;
  readonly loc: SourceSpan;
}

/** `INSERT INTO s [(c, ...)] VALUES (e, ...), (e, ...);` — feeds a stream or table from the terminal. */
export interface InsertValues {
  readonly kind: 'InsertValues';
  readonly target: Name;
  readonly columns?: readonly Name[];
  readonly rows: readonly (readonly Expr[])[];
  readonly loc: SourceSpan;
}
