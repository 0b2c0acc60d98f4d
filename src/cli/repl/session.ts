/**
 * ReplSession: what the REPL does with one complete statement, apart from
 * how lines are read (terminal.ts for a TTY, piped.ts for stdin).
 *
 * A SELECT (or UNION) without INTO is a push query: its rows are shown live
 * in a LiveTable until it completes or `interrupt()` (Ctrl-C) stops it.
 * Everything else goes through EngineApi.execute. `SET 'p' = 'v'` that the
 * engine accepts is also remembered here and sent with every later
 * statement, so session properties work the same against a shared server.
 */
import type { EngineApi, StatementResult } from '../../engine/api.js';
import { classifyError } from '../../engine/http/statement-error.js';
import { parseScript } from '../../sql/parse.js';
import type { CompletionSource } from './completion.js';
import { LiveTable } from './render/live-table.js';
import { renderError, renderFailure } from './render/error.js';
import { renderResult } from './render/result.js';

export interface ReplSessionOptions {
  readonly engine: EngineApi;
  readonly write: (text: string) => void;
  /** terminal width now; Infinity when output is not a terminal */
  readonly width: () => number;
  /** whether to print hints meant for a person at a terminal */
  readonly interactive: boolean;
  readonly completions?: CompletionSource;
}

type StatementClass =
  | { readonly kind: 'push' }
  | { readonly kind: 'set'; readonly property: string; readonly value: string }
  | { readonly kind: 'other'; readonly changesCatalog: boolean };

/** Statements after which the names to complete may have changed. */
const CATALOG_CHANGING = new Set(['CreateSchema', 'CreateStream', 'CreateWindow', 'CreateTable', 'Declare', 'RunScript']);

function classify(text: string): StatementClass {
  const parsed = parseScript(text);
  const stmt = parsed.errors.length === 0 && parsed.statements.length === 1 ? parsed.statements[0] : undefined;
  if (stmt === undefined) return { kind: 'other', changesCatalog: false };
  if ((stmt.kind === 'Select' || stmt.kind === 'Union') && stmt.into === undefined) return { kind: 'push' };
  if (stmt.kind === 'SetProperty') return { kind: 'set', property: stmt.property, value: stmt.value };
  return { kind: 'other', changesCatalog: CATALOG_CHANGING.has(stmt.kind) || stmt.kind === 'Select' || stmt.kind === 'Union' };
}

export class ReplSession {
  private readonly properties: Record<string, string> = {};
  private current: AbortController | undefined;
  /** statements that failed so far (a piped session exits non-zero if any did) */
  failures = 0;

  constructor(private readonly opts: ReplSessionOptions) {}

  get busy(): boolean {
    return this.current !== undefined;
  }

  /** Stops the running push query; false if none runs. */
  interrupt(): boolean {
    if (this.current === undefined) return false;
    this.current.abort();
    return true;
  }

  /** Runs one complete statement (with its `;`) and prints its outcome. */
  async run(text: string): Promise<void> {
    const c = classify(text);
    try {
      if (c.kind === 'push') {
        await this.push(text);
        return;
      }
      const results = await this.opts.engine.execute(text, { properties: { ...this.properties } });
      for (const r of results) this.print(r);
      const ok = results.length > 0 && results.every((r) => r.kind !== 'error');
      if (ok && c.kind === 'set') this.properties[c.property] = c.value;
      if (ok && c.kind === 'other' && c.changesCatalog) void this.opts.completions?.refresh();
    } catch (err) {
      this.failures++;
      this.line(renderFailure(err));
    }
  }

  private print(result: StatementResult): void {
    if (result.kind === 'error') this.failures++;
    this.line(renderResult(result));
  }

  private async push(text: string): Promise<void> {
    const abort = new AbortController();
    this.current = abort;
    let table: LiveTable | undefined;
    const write = this.opts.write;
    try {
      const end = await this.opts.engine.push(text, {
        properties: { ...this.properties },
        signal: abort.signal,
        onStart: ({ columns }) => {
          if (this.opts.interactive) write('Press Ctrl-C to stop the query.\n');
          table = new LiveTable({ columns, write, maxWidth: this.opts.width() });
        },
        onRow: (row) => {
          table ??= new LiveTable({ columns: [], write, maxWidth: this.opts.width() });
          table.add(row);
        },
      });
      const rows = `${end.rows} row${end.rows === 1 ? '' : 's'}`;
      const footer = end.reason === 'completed' ? `Query completed: ${rows}` : `Query stopped: ${rows}`;
      if (table !== undefined) table.end(footer);
      else this.line(footer);
    } catch (err) {
      this.failures++;
      if (table !== undefined) table.end(`Query failed after ${table.rows} row${table.rows === 1 ? '' : 's'}`);
      const c = classifyError(err, text);
      this.line(c.internal ? renderFailure(err) : renderError(c.error, text));
    } finally {
      this.current = undefined;
    }
  }

  private line(text: string): void {
    this.opts.write(`${text}\n`);
  }
}

export const HELP_TEXT = `Statements end with ';' and may span lines. Tab completes keywords and names.

  CREATE [INPUT|OUTPUT] STREAM s (f type, ...) [WITH (TOPIC='t', FORMAT='json', ...)];
  CREATE SCHEMA S (f type, ...);   CREATE WINDOW w (SIZE n ADVANCE m {TUPLES|TIME|ON f});
  CREATE MEMORY TABLE t (f type, ..., PRIMARY KEY (f));
  INSERT INTO s VALUES (...), (...);      feed a stream
  SELECT ... FROM s [WHERE ...];          a push query: rows appear live, Ctrl-C stops it
  SELECT ... FROM s ... INTO out;         a persistent query (runs until TERMINATE)
  SHOW STREAMS | TABLES | TOPICS | QUERIES;   DESCRIBE s;   EXPLAIN stmt;
  TERMINATE query_id;   SET 'property' = 'value';   RUN SCRIPT 'file.sql';

  help      this text
  exit      leave (also quit, Ctrl-D, or Ctrl-C twice at an empty prompt)

Types: bool, int, long, double, string, timestamp. Timestamps are shown in UTC.`;
