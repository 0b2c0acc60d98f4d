/** Declarations: schemas, streams, windows, memory tables. */
import type { FieldDecl, Name, SourceSpan } from './common.js';
import type { Literal } from './expr.js';
import type { WindowSpec } from './window.js';

/** `CREATE SCHEMA S (f type, ...);` */
export interface CreateSchema {
  readonly kind: 'CreateSchema';
  readonly name: Name;
  readonly fields: readonly FieldDecl[];
  readonly loc: SourceSpan;
}

/** `S` after the stream name: the fields of a schema declared with CREATE SCHEMA. */
export interface SchemaRef {
  readonly kind: 'SchemaRef';
  readonly name: Name;
  readonly loc: SourceSpan;
}

/** `(f type, ...)` after the stream name. */
export interface FieldList {
  readonly kind: 'FieldList';
  readonly fields: readonly FieldDecl[];
  readonly loc: SourceSpan;
}

export type StreamSchema = SchemaRef | FieldList;

/** A bare word as an option value: `FORMAT = json`. */
export interface OptionWord {
  readonly kind: 'OptionWord';
  readonly word: string;
  readonly loc: SourceSpan;
}

/** Option values: a literal (`'bids'`, `4`, `-1.5`, `TRUE`) or a bare word. */
export type OptionValue = Literal | OptionWord;

/**
 * `key = value` inside `WITH (...)`. The key is a name, a quoted name or a
 * string (`'events.num' = 1000`); keys are matched case-insensitively by the
 * checker (TOPIC, PARTITIONS, KEY, FORMAT, TIMESTAMP, FILE, GENERATOR, ...).
 */
export interface WithOption {
  readonly kind: 'WithOption';
  readonly key: Name;
  readonly value: OptionValue;
  readonly loc: SourceSpan;
}

/** Whether the stream is declared `INPUT`, `OUTPUT` or neither (intermediate). */
export type StreamDirection = 'input' | 'output' | 'intermediate';

/**
 * `CREATE [INPUT|OUTPUT] STREAM s {S | (f type, ...)} [WITH (k = v, ...)];`
 * or `CREATE STREAM s;` (no schema: the first `INTO s` gives it one).
 */
export interface CreateStream {
  readonly kind: 'CreateStream';
  readonly direction: StreamDirection;
  readonly name: Name;
  readonly schema?: StreamSchema;
  readonly with: readonly WithOption[];
  readonly loc: SourceSpan;
}

/** `CREATE WINDOW w (SIZE n ADVANCE m {TUPLES|TIME|ON f} [PARTITION BY ...] [OFFSET o] [TIMEOUT t]);` */
export interface CreateWindow {
  readonly kind: 'CreateWindow';
  readonly name: Name;
  readonly spec: WindowSpec;
  readonly loc: SourceSpan;
}

export type IndexKind = 'hash' | 'btree';

/** `PRIMARY KEY (f, ...) [USING HASH|BTREE]` inside CREATE MEMORY TABLE. */
export interface PrimaryKey {
  readonly kind: 'PrimaryKey';
  readonly columns: readonly Name[];
  readonly using?: IndexKind;
  readonly loc: SourceSpan;
}

/**
 * `CREATE [MEMORY] TABLE t (f type, ..., PRIMARY KEY (f, ...) [USING HASH|BTREE]);`
 * (the formatter always prints MEMORY). The checker requires the primary key.
 */
export interface CreateTable {
  readonly kind: 'CreateTable';
  readonly name: Name;
  readonly columns: readonly FieldDecl[];
  readonly primaryKey?: PrimaryKey;
  readonly loc: SourceSpan;
}
