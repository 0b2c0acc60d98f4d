/**
 * Runtime error codes and the error stream.
 *
 * A runtime error concerns ONE tuple (a bad cast, an overflow, a late tuple, a
 * malformed input record): it is reported on the error stream with its reason
 * and the query carries on. Nothing here ever stops a query.
 */
import { GaleError, isGaleError } from '../errors.js';
import type { Row } from './message.js';

export const runtimeErrors = {
  GALE_ERR_RUNTIME_LATE_TUPLE: 'a tuple older than a window that has already closed (event time behind the watermark); it is left out and counted',
  GALE_ERR_RUNTIME_BAD_RECORD: 'an input record that does not parse against the stream schema (file and line, or topic/partition/offset)',
  GALE_ERR_RUNTIME_DUPLICATE_KEY: 'INSERT into a memory table whose primary key already holds a row, without ON DUPLICATE KEY UPDATE',
  GALE_ERR_RUNTIME_NULL_KEY: 'a NULL in a primary-key column of a memory table',
  GALE_ERR_RUNTIME_STATE_LIMIT: 'an operator reached its bound on state (e.g. partial pattern matches) and dropped the oldest',
  GALE_ERR_RUNTIME_EXPRESSION: 'an unexpected failure while processing one tuple (expression errors carry their GALE_ERR_SQL_RUNTIME_* code instead)',
  GALE_ERR_RUNTIME_SOURCE: 'an input cannot be read (file unreadable, topic read failure, records deleted by retention before they were read)',
} as const;
export type RuntimeErrorCode = keyof typeof runtimeErrors;

/** Thrown inside a compiled expression or operator for one tuple; caught by the bolt and reported. */
export class RowError extends GaleError<RuntimeErrorCode> {
  override readonly name = 'RowError';
}

/** One entry on the error stream. */
export interface ErrorRecord {
  /** a runtime code, or the GALE_ERR_SQL_RUNTIME_* code an expression raised */
  readonly code: string;
  readonly reason: string;
  /** component (bolt or spout id) that reported it */
  readonly component: string;
  readonly query?: string;
  /** the tuple concerned, when there is one */
  readonly row?: Row;
  /** input file and 1-based line, for bad records */
  readonly file?: string;
  readonly line?: number;
}

export interface ErrorStream {
  report(e: ErrorRecord): void;
}

/** Counts per code; keeps the first `keep` records (for tests and the end-of-run summary). */
export class CollectingErrorStream implements ErrorStream {
  readonly records: ErrorRecord[] = [];
  readonly counts = new Map<string, number>();
  private readonly forward: ErrorStream | undefined;
  private readonly keep: number;

  constructor(options: { forward?: ErrorStream; keep?: number } = {}) {
    this.forward = options.forward;
    this.keep = options.keep ?? 10_000;
  }

  report(e: ErrorRecord): void {
    this.counts.set(e.code, (this.counts.get(e.code) ?? 0) + 1);
    if (this.records.length < this.keep) this.records.push(e);
    this.forward?.report(e);
  }

  get total(): number {
    let n = 0;
    for (const c of this.counts.values()) n += c;
    return n;
  }
}

export function toErrorRecord(
  err: unknown,
  where: { component: string; query?: string | undefined; row?: Row | undefined },
): ErrorRecord {
  const code: string = isGaleError(err) ? err.code : 'GALE_ERR_RUNTIME_EXPRESSION';
  const reason = err instanceof Error ? err.message : String(err);
  const rec: { -readonly [K in keyof ErrorRecord]: ErrorRecord[K] } = { code, reason, component: where.component };
  if (where.query !== undefined) rec.query = where.query;
  if (where.row !== undefined) rec.row = where.row;
  return rec;
}
