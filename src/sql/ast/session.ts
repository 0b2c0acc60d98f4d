/** Variables and the interactive statements (REPL / HTTP API). */
import type { Name, SourceSpan, TypeRef } from './common.js';
import type { Expr } from './expr.js';
import type { Select } from './query.js';
import type { Statement } from './statement.js';

/**
 * `DECLARE v type DEFAULT value [UPDATE FROM (SELECT ...)];` — a constant, or a
 * variable that takes the first column of every row the query emits.
 */
export interface Declare {
  readonly kind: 'Declare';
  readonly name: Name;
  readonly type: TypeRef;
  readonly default: Expr;
  readonly updateFrom?: Select;
  readonly loc: SourceSpan;
}

/** `EXPLAIN statement;` — print the topology the statement would run as. */
export interface Explain {
  readonly kind: 'Explain';
  readonly statement: Statement;
  readonly loc: SourceSpan;
}

/** `SHOW STREAMS | QUERIES | TOPICS | TABLES | WINDOWS | SCHEMAS | VARIABLES | FUNCTIONS;` (`what` lower-cased). */
export interface Show {
  readonly kind: 'Show';
  readonly what: string;
  readonly loc: SourceSpan;
}

/** `DESCRIBE name;` — a stream, table, schema or window. */
export interface Describe {
  readonly kind: 'Describe';
  readonly name: Name;
  readonly loc: SourceSpan;
}

/** `TERMINATE q;` — stop a running query (a name, `'id'` or number, kept as a Name). */
export interface Terminate {
  readonly kind: 'Terminate';
  readonly query: Name;
  readonly loc: SourceSpan;
}

/** `SET 'property' = 'value';` */
export interface SetProperty {
  readonly kind: 'SetProperty';
  readonly property: string;
  readonly value: string;
  readonly loc: SourceSpan;
}

/** `RUN SCRIPT 'file.sql';` */
export interface RunScript {
  readonly kind: 'RunScript';
  readonly path: string;
  readonly loc: SourceSpan;
}
