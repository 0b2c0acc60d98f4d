/**
 * The catalog: everything a script can name. `analyzeScript` starts from a
 * copy of the catalog it is given (never mutating it) and returns the copy
 * with the script's declarations added, so the REPL and the engine can
 * analyze statement after statement against one catalog and keep the new
 * catalog only when there were no errors.
 *
 * Namespaces: streams and memory tables share one (both appear in FROM);
 * schemas, windows and variables each have their own. Lookups are exact
 * (names are case-sensitive).
 */
import type { SourceSpan } from '../errors.js';
import type { IndexKind, StreamDirection, WindowSpec } from './ast/index.js';
import { BUILTIN_FUNCTIONS } from './functions/index.js';
import type { FunctionDef } from './functions/types.js';
import type { Field, FieldType, Value } from './types.js';

/** `CREATE SCHEMA`. */
export interface SchemaDef {
  readonly name: string;
  readonly fields: readonly Field[];
  readonly loc?: SourceSpan;
}

export type StreamFormat = 'json' | 'csv' | 'string';

/** The `WITH (...)` binding of a stream, validated. Absent keys are absent here. */
export interface StreamBinding {
  /** TOPIC: the log topic (default: a topic named after the stream) */
  readonly topic?: string;
  /** PARTITIONS: partition count when the topic is created */
  readonly partitions?: number;
  /** KEY: the field(s) whose value is the record key (comma-separated in the SQL) */
  readonly key?: readonly string[];
  /** FORMAT: json (default), csv or string (a single string field per record) */
  readonly format?: StreamFormat;
  /** TIMESTAMP: the event-time field (also `eventTime` on the stream) */
  readonly timestamp?: string;
  /** FILE: read (input) or write (output) a local JSON-lines / CSV file instead of a topic */
  readonly file?: string;
  /** GENERATOR: a built-in data generator (e.g. 'nexmark.bid', 'ysb') */
  readonly generator?: string;
  /** IDLE_TIMEOUT: seconds after which an idle partition stops holding event time back */
  readonly idleTimeoutMs?: number;
  /** every other key, lower-cased, when GENERATOR is set (e.g. events, rate, seed) */
  readonly generatorOptions: Readonly<Record<string, string | number | boolean>>;
}

/** A stream: declared with CREATE [INPUT|OUTPUT] STREAM, or implicitly by `INTO s`. */
export interface StreamDef {
  readonly kind: 'stream';
  readonly name: string;
  readonly direction: StreamDirection;
  /** undefined while a `CREATE STREAM s;` has not yet received a schema from an INTO */
  readonly fields: readonly Field[] | undefined;
  readonly binding: StreamBinding;
  /** the event-time field named by WITH (TIMESTAMP = f) */
  readonly eventTime?: { readonly name: string; readonly index: number };
  /** true when no CREATE STREAM declared it: the first `INTO s` did */
  readonly implicit: boolean;
  readonly loc?: SourceSpan;
}

/** `CREATE WINDOW`: kept as written; fields (ON, PARTITION BY) resolve where it is used. */
export interface WindowDef {
  readonly name: string;
  readonly spec: WindowSpec;
  readonly loc?: SourceSpan;
}

/** `CREATE MEMORY TABLE`. */
export interface TableDef {
  readonly kind: 'table';
  readonly name: string;
  readonly fields: readonly Field[];
  /** primary key columns in key order, with their field indexes */
  readonly primaryKey: readonly { readonly name: string; readonly index: number }[];
  /** HASH (default) or BTREE (ordered) */
  readonly index: IndexKind;
  readonly loc?: SourceSpan;
}

/** `DECLARE v type DEFAULT x [UPDATE FROM (...)]`. */
export interface VariableDef {
  readonly name: string;
  readonly type: FieldType;
  /** the DEFAULT value, evaluated */
  readonly initial: Value;
  /** false when UPDATE FROM makes it change over time */
  readonly constant: boolean;
  readonly loc?: SourceSpan;
}

export type RelationDef = StreamDef | TableDef;

export interface Catalog {
  readonly schemas: Map<string, SchemaDef>;
  /** streams and memory tables (one namespace) */
  readonly relations: Map<string, RelationDef>;
  readonly windows: Map<string, WindowDef>;
  readonly variables: Map<string, VariableDef>;
  /** scalar and aggregate functions by lower-case name */
  readonly functions: ReadonlyMap<string, FunctionDef>;
}

/** An empty catalog with the built-in function library. */
export function createCatalog(): Catalog {
  return {
    schemas: new Map(),
    relations: new Map(),
    windows: new Map(),
    variables: new Map(),
    functions: BUILTIN_FUNCTIONS,
  };
}

/** A copy whose maps can be changed without touching the original (definitions are immutable and shared). */
export function copyCatalog(c: Catalog): Catalog {
  return {
    schemas: new Map(c.schemas),
    relations: new Map(c.relations),
    windows: new Map(c.windows),
    variables: new Map(c.variables),
    functions: c.functions,
  };
}

export function streams(c: Catalog): StreamDef[] {
  return [...c.relations.values()].filter((r): r is StreamDef => r.kind === 'stream');
}

export function tables(c: Catalog): TableDef[] {
  return [...c.relations.values()].filter((r): r is TableDef => r.kind === 'table');
}
