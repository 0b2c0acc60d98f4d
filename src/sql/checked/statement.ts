/** Checked statements: one variant per statement, each keeping its AST. */
import type * as ast from '../ast/index.js';
import type { SchemaDef, StreamDef, TableDef, VariableDef, WindowDef } from '../catalog.js';
import type { Field } from '../types.js';
import type { TExpr } from './expr.js';
import type { CheckedQuery, IntoTarget, OutputColumn, QueryInput } from './query.js';

export interface CheckedCreateSchema {
  readonly kind: 'CreateSchema';
  readonly ast: ast.CreateSchema;
  readonly schema: SchemaDef;
}

export interface CheckedCreateStream {
  readonly kind: 'CreateStream';
  readonly ast: ast.CreateStream;
  readonly stream: StreamDef;
}

export interface CheckedCreateWindow {
  readonly kind: 'CreateWindow';
  readonly ast: ast.CreateWindow;
  readonly window: WindowDef;
}

export interface CheckedCreateTable {
  readonly kind: 'CreateTable';
  readonly ast: ast.CreateTable;
  readonly table: TableDef;
}

/** `a UNION b ... [INTO s]`: `mapping[i]` = the field index in that input of output field i. */
export interface CheckedUnion {
  readonly kind: 'Union';
  readonly ast: ast.Union;
  readonly inputs: readonly { readonly stream: string; readonly mapping: readonly number[] }[];
  readonly output: readonly Field[];
  readonly into?: IntoTarget;
}

/** RETURNING: evaluated over its own inputs (see the write statement), output to `into` or the terminal. */
export interface CheckedReturning {
  readonly inputs: readonly QueryInput[];
  readonly columns: readonly OutputColumn[];
  readonly output: readonly Field[];
  readonly into?: IntoTarget;
}

/** `column = expr` with the table column resolved. */
export interface CheckedAssignment {
  readonly column: number;
  readonly name: string;
  readonly value: TExpr;
}

/**
 * `INSERT INTO table SELECT ...` / `REPLACE INTO table SELECT ...`.
 * `columnMap[i]` = the table column that query output column i is written to;
 * table columns not written get NULL.
 * ON DUPLICATE KEY UPDATE expressions see two inputs: 0 = the existing table
 * row (qualified by the table name), 1 = the new row the query produced
 * (unqualified names). RETURNING sees one input: the row as written.
 */
export interface CheckedTableInsert {
  readonly kind: 'TableInsert';
  readonly ast: ast.InsertSelect | ast.ReplaceSelect;
  readonly mode: 'insert' | 'replace';
  readonly table: string;
  readonly query: CheckedQuery;
  readonly columnMap: readonly number[];
  readonly onDuplicate?: readonly CheckedAssignment[];
  readonly onDuplicateInputs?: readonly QueryInput[];
  readonly returning?: CheckedReturning;
}

/**
 * `UPDATE t USING s SET ... WHERE p` and `DELETE FROM t USING s WHERE p`.
 * `inputs`: 0 = the table row, 1 = the USING stream tuple; SET values and WHERE
 * are over these. RETURNING sees the same two inputs, with input 0 the row
 * after the update (the deleted row for DELETE).
 */
export interface CheckedTableUpdate {
  readonly kind: 'TableUpdate';
  readonly ast: ast.Update;
  readonly table: string;
  readonly inputs: readonly QueryInput[];
  readonly assignments: readonly CheckedAssignment[];
  readonly where?: TExpr;
  readonly returning?: CheckedReturning;
}

export interface CheckedTableDelete {
  readonly kind: 'TableDelete';
  readonly ast: ast.Delete;
  readonly table: string;
  readonly inputs: readonly QueryInput[];
  readonly where?: TExpr;
  readonly returning?: CheckedReturning;
}

/**
 * `INSERT INTO s VALUES ...`: rows in the target's field order (columns not
 * listed are NULL literals). The expressions have no column references; they
 * are constant expressions (`evaluateConstant` from ../eval.js computes them).
 */
export interface CheckedInsertValues {
  readonly kind: 'InsertValues';
  readonly ast: ast.InsertValues;
  readonly target: { readonly kind: 'stream' | 'table'; readonly name: string };
  readonly fields: readonly Field[];
  readonly rows: readonly (readonly TExpr[])[];
}

/** DECLARE: `updateFrom`'s first output column updates the variable. */
export interface CheckedDeclare {
  readonly kind: 'Declare';
  readonly ast: ast.Declare;
  readonly variable: VariableDef;
  readonly default: TExpr;
  readonly updateFrom?: CheckedQuery;
}

export interface CheckedExplain {
  readonly kind: 'Explain';
  readonly ast: ast.Explain;
  readonly statement: CheckedStatement;
}

export const SHOW_TARGETS = ['streams', 'queries', 'topics', 'tables', 'windows', 'schemas', 'variables', 'functions'] as const;
export type ShowTarget = (typeof SHOW_TARGETS)[number];

export interface CheckedShow {
  readonly kind: 'Show';
  readonly ast: ast.Show;
  readonly what: ShowTarget;
}

export interface CheckedDescribe {
  readonly kind: 'Describe';
  readonly ast: ast.Describe;
  readonly target: { readonly kind: 'stream' | 'table' | 'schema' | 'window' | 'variable'; readonly name: string };
}

export interface CheckedTerminate {
  readonly kind: 'Terminate';
  readonly ast: ast.Terminate;
  readonly query: string;
}

export interface CheckedSetProperty {
  readonly kind: 'SetProperty';
  readonly ast: ast.SetProperty;
  readonly property: string;
  readonly value: string;
}

export interface CheckedRunScript {
  readonly kind: 'RunScript';
  readonly ast: ast.RunScript;
  readonly path: string;
}

export type CheckedStatement =
  | CheckedCreateSchema
  | CheckedCreateStream
  | CheckedCreateWindow
  | CheckedCreateTable
  | CheckedQuery
  | CheckedUnion
  | CheckedTableInsert
  | CheckedTableUpdate
  | CheckedTableDelete
  | CheckedInsertValues
  | CheckedDeclare
  | CheckedExplain
  | CheckedShow
  | CheckedDescribe
  | CheckedTerminate
  | CheckedSetProperty
  | CheckedRunScript;

/** The result of analyzing a script: checked statements, in source order, for the statements that checked clean. */
export interface CheckedScript {
  readonly statements: readonly CheckedStatement[];
}
