/**
 * A small in-memory EngineApi for testing the HTTP API's own behaviour
 * (framing, disconnects, slow clients, internal errors) where the real
 * engine cannot easily be made to misbehave. It understands just enough:
 * CREATE STREAM s (f type, ...), INSERT INTO s VALUES (literals), SHOW
 * STREAMS/QUERIES, and `SELECT * FROM s` as a push query that replays the
 * stream's rows and then follows new ones until aborted. A stream named
 * `crash` makes any statement on it throw a plain Error (a bug, not a SQL
 * error).
 */
import type {
  Column,
  CompletionCatalog,
  EngineApi,
  ExecuteOptions,
  PushQueryEnd,
  PushQueryOptions,
  StatementResult,
} from '../../../src/engine/api.js';
import { GaleError } from '../../../src/errors.js';
import type { Statement } from '../../../src/sql/ast/index.js';
import { parseScript } from '../../../src/sql/parse.js';
import type { FieldType } from '../../../src/sql/types.js';

interface TestStream {
  readonly columns: Column[];
  readonly rows: unknown[][];
  readonly listeners: Set<(row: unknown[]) => void>;
  /** a bounded stream: its push queries complete after replaying */
  bounded: boolean;
}

export class ScriptedEngine implements EngineApi {
  readonly streams = new Map<string, TestStream>();
  readonly running = new Map<string, string>();
  /** push queries that ended because their signal was aborted */
  cancelled = 0;
  lastProperties: Readonly<Record<string, string>> | undefined;
  private nextQuery = 1;

  async execute(sql: string, opts: ExecuteOptions = {}): Promise<StatementResult[]> {
    this.lastProperties = opts.properties;
    const parsed = parseScript(sql);
    const results: StatementResult[] = parsed.errors.map((e) => ({
      kind: 'error',
      statement: sql,
      error: { code: e.code, message: e.message, line: e.span.line, column: e.span.column, source: sql },
    }));
    for (const stmt of parsed.statements) results.push(this.one(stmt, sql));
    return results;
  }

  private one(stmt: Statement, sql: string): StatementResult {
    const text = sql.slice(stmt.loc.start, stmt.loc.end);
    switch (stmt.kind) {
      case 'CreateStream': {
        if (stmt.name.name === 'crash') throw new Error('boom');
        const fields = stmt.schema?.kind === 'FieldList' ? stmt.schema.fields : [];
        this.streams.set(stmt.name.name, {
          columns: fields.map((f) => ({ name: f.name.name, type: f.type.name as FieldType })),
          rows: [],
          listeners: new Set(),
          bounded: stmt.with.length > 0,
        });
        return { kind: 'message', statement: text, message: `Stream ${stmt.name.name} created` };
      }
      case 'InsertValues': {
        const s = this.streams.get(stmt.target.name);
        if (s === undefined) return unknown(text, sql, stmt.target);
        for (const r of stmt.rows) {
          const row = r.map((e) => (e.kind === 'Literal' ? e.value : null));
          s.rows.push(row);
          for (const l of s.listeners) l(row);
        }
        return { kind: 'message', statement: text, message: `Inserted ${stmt.rows.length} rows into ${stmt.target.name}` };
      }
      case 'Show':
        if (stmt.what === 'queries') {
          return { kind: 'table', statement: text, columns: ['Query ID', 'Type', 'SQL'], rows: [...this.running].map(([id, q]) => [id, 'PUSH', q]) };
        }
        return { kind: 'table', statement: text, columns: ['Stream Name'], rows: [...this.streams.keys()].map((n) => [n]) };
      case 'Explain':
        return { kind: 'explain', statement: text, text: 'Spout(s) → Sink' };
      default:
        return { kind: 'message', statement: text, message: `${stmt.kind} done` };
    }
  }

  async push(sql: string, opts: PushQueryOptions): Promise<PushQueryEnd> {
    const stmt = parseScript(sql).statements[0];
    if (stmt?.kind !== 'Select' || stmt.from.kind !== 'FromList' || stmt.from.items[0]?.kind !== 'Source') {
      throw new GaleError('GALE_ERR_TEST_UNSUPPORTED', 'the scripted engine runs only SELECT * FROM s');
    }
    const name = stmt.from.items[0].name;
    if (name.name === 'crash') throw new Error('boom');
    const s = this.streams.get(name.name);
    if (s === undefined) {
      throw new GaleError('GALE_ERR_TEST_UNKNOWN_STREAM', `no stream named '${name.name}'`, { span: name.loc });
    }
    const queryId = `PUSH_${this.nextQuery++}`;
    this.running.set(queryId, sql);
    let rows = 0;
    const emit = (row: unknown[]): void => {
      rows++;
      opts.onRow(row);
    };
    try {
      opts.onStart?.({ queryId, columns: s.columns });
      for (const row of [...s.rows]) emit(row);
      if (s.bounded) return { reason: 'completed', rows };
      s.listeners.add(emit);
      await new Promise<void>((resolve) => {
        if (opts.signal.aborted) resolve();
        opts.signal.addEventListener('abort', () => resolve(), { once: true });
      });
      s.listeners.delete(emit);
      this.cancelled++;
      return { reason: 'cancelled', rows };
    } finally {
      this.running.delete(queryId);
    }
  }

  async completions(): Promise<CompletionCatalog> {
    const columns: Record<string, string[]> = {};
    for (const [n, s] of this.streams) columns[n] = s.columns.map((c) => c.name);
    return { streams: [...this.streams.keys()], tables: [], columns };
  }

  async close(): Promise<void> {}
}

function unknown(text: string, sql: string, name: { name: string; loc: { line: number; column: number } }): StatementResult {
  return {
    kind: 'error',
    statement: text,
    error: { code: 'GALE_ERR_TEST_UNKNOWN_STREAM', message: `no stream named '${name.name}'`, line: name.loc.line, column: name.loc.column, source: sql },
  };
}
