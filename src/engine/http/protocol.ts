/**
 * The HTTP API's messages, shared by the server (server.ts) and the client
 * (client.ts). Modelled on ksqlDB's REST API:
 *
 *   POST /ksql          {"ksql": "stmt; stmt;", "streamsProperties": {...}}
 *                       200 → [StatementResult, ...]
 *                       400 → {"error": {code, message, line, column, statement, source}, "results": [...]}
 *   POST /query         {"sql": "SELECT ...;", "properties": {...}}   (also /query-stream;
 *                       "ksql" is accepted for "sql", "streamsProperties" for "properties")
 *                       200, application/x-ndjson, one JSON value a line:
 *                         {"queryId": "...", "columnNames": [...], "columnTypes": [...]}   the header
 *                         [v1, v2, ...]                                                    one per row
 *                         {"end": {"reason": "completed", "rows": n}}                      bounded input consumed
 *                         {"error": {...}}                                                 the query failed
 *                       the stream runs until one of the last two, or until the client disconnects
 *                       (which stops the query); a blank line now and then while the query is
 *                       quiet keeps idle timeouts away (skip blank lines);
 *                       400 → {"error": {...}} when it does not start
 *   GET  /info, /healthcheck, /completions, /streams, /tables, /topics, /queries
 *
 * Any other error: {"error": {"code": "GALE_ERR_HTTP_...", "message": "..."}} with the
 * status from errors.ts. Values in rows are JSON values; timestamps are
 * ISO-8601 UTC strings with milliseconds (DESIGN.md), turned back into epoch
 * milliseconds by the client.
 */
import type { Column, StatementError, StatementResult } from '../api.js';
import { parseScript } from '../../sql/parse.js';

export const NDJSON_CONTENT_TYPE = 'application/x-ndjson';

export interface QueryHeader {
  readonly queryId: string;
  readonly columnNames: readonly string[];
  readonly columnTypes: readonly string[];
}

export interface QueryEndLine {
  readonly end: { readonly reason: 'completed' | 'cancelled'; readonly rows: number };
}

export interface ErrorLine {
  readonly error: StatementError & { readonly statement?: string };
}

export interface ErrorBody extends ErrorLine {
  /** POST /ksql: every statement's result, the failed ones included */
  readonly results?: readonly StatementResult[];
}

export function headerOf(queryId: string, columns: readonly Column[]): QueryHeader {
  return { queryId, columnNames: columns.map((c) => c.name), columnTypes: columns.map((c) => c.type) };
}

export function columnsOf(header: QueryHeader): Column[] {
  return header.columnNames.map((name, i) => ({ name, type: (header.columnTypes[i] ?? 'string') as Column['type'] }));
}

/** A row as the API sends it: timestamps as ISO strings, non-finite numbers (not JSON) as null. */
export function encodeRow(columns: readonly Column[], row: readonly unknown[]): unknown[] {
  return row.map((v, i) => {
    if (typeof v === 'bigint') return Number(v);
    if (typeof v !== 'number') return v ?? null;
    if (!Number.isFinite(v)) return null;
    if (columns[i]?.type === 'timestamp') {
      const d = new Date(v);
      return Number.isNaN(d.getTime()) ? v : d.toISOString();
    }
    return v;
  });
}

/** The inverse of encodeRow: ISO timestamps back to epoch milliseconds. */
export function decodeRow(columns: readonly Column[], row: readonly unknown[]): unknown[] {
  return row.map((v, i) => {
    if (columns[i]?.type === 'timestamp' && typeof v === 'string') {
      const ms = Date.parse(v);
      return Number.isNaN(ms) ? v : ms;
    }
    return v;
  });
}

/**
 * Whether `sql` is exactly one push query (a SELECT or UNION without INTO).
 * Returns the syntax error instead when the text does not parse.
 */
export function pushQueryCheck(sql: string): { ok: true } | { ok: false; syntax?: StatementError } {
  const parsed = parseScript(sql);
  const first = parsed.errors[0];
  if (first !== undefined) {
    return {
      ok: false,
      syntax: { code: first.code, message: first.message, line: first.span.line, column: first.span.column, source: sql },
    };
  }
  const [stmt, ...rest] = parsed.statements;
  if (stmt === undefined || rest.length > 0) return { ok: false };
  return { ok: (stmt.kind === 'Select' || stmt.kind === 'Union') && stmt.into === undefined };
}
