/**
 * EngineApi: what a user-facing front end (the REPL, the HTTP API, `gale
 * serve FILE.sql`) asks of the engine. Two implementations: the embedded
 * engine (src/engine/engine.ts, in-process) and the HTTP client
 * (src/engine/http/client.ts, talking to a running `gale serve`), so the REPL
 * works the same in both modes.
 *
 * Statements are the dialect's (grammar/README.md). `execute` runs everything
 * except push queries (a SELECT without INTO), which `push` streams.
 */
import type { FieldType } from '../sql/types.js';

/** A SQL error as a front end shows it: code, message, and where. */
export interface StatementError {
  readonly code: string;
  readonly message: string;
  /** 1-based; absent for errors not tied to a position */
  readonly line?: number;
  readonly column?: number;
  /** the source text of the statement (or file) the position refers to */
  readonly source?: string;
  readonly file?: string;
}

export type StatementResult =
  /** DDL, INSERT VALUES, TERMINATE, SET, a persistent query started ... */
  | {
      readonly kind: 'message';
      readonly statement: string;
      readonly message: string;
      readonly queryId?: string;
      /** SET: the change, for the caller to keep in its session and send with later requests */
      readonly property?: { readonly name: string; readonly value: string };
    }
  /** SHOW, DESCRIBE */
  | {
      readonly kind: 'table';
      readonly statement: string;
      readonly columns: readonly string[];
      readonly rows: readonly (readonly unknown[])[];
    }
  /** EXPLAIN: the topology as text */
  | { readonly kind: 'explain'; readonly statement: string; readonly text: string }
  | { readonly kind: 'error'; readonly statement: string; readonly error: StatementError };

export interface ExecuteOptions {
  /** file name for error positions (RUN SCRIPT, gale serve FILE.sql) */
  readonly file?: string;
  /** session properties, as set by SET 'prop' = 'value' */
  readonly properties?: Readonly<Record<string, string>>;
}

export interface Column {
  readonly name: string;
  readonly type: FieldType | 'null';
}

export interface PushQueryOptions extends ExecuteOptions {
  /** the header, once the query is planned and running */
  readonly onStart?: (info: { readonly queryId: string; readonly columns: readonly Column[] }) => void;
  /** one call per result row, values in column order (timestamps as epoch ms numbers) */
  readonly onRow: (row: readonly unknown[]) => void;
  /** aborting stops the query (Ctrl-C in the REPL, client disconnect in HTTP) */
  readonly signal: AbortSignal;
}

export interface PushQueryEnd {
  /** 'completed' when every input was bounded and is consumed, 'cancelled' on abort */
  readonly reason: 'completed' | 'cancelled';
  readonly rows: number;
}

/** Names a front end completes: streams, tables and their columns. */
export interface CompletionCatalog {
  readonly streams: readonly string[];
  readonly tables: readonly string[];
  /** relation name → column names */
  readonly columns: Readonly<Record<string, readonly string[]>>;
}

export interface EngineApi {
  /** Runs each statement in `sql` in order; one result per statement. Never throws for SQL errors. */
  execute(sql: string, opts?: ExecuteOptions): Promise<StatementResult[]>;
  /** Runs one push query; resolves when it ends. Rejects with a StatementError-carrying error if it does not start. */
  push(sql: string, opts: PushQueryOptions): Promise<PushQueryEnd>;
  completions(): Promise<CompletionCatalog>;
  close(): Promise<void>;
}
