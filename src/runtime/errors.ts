/**
 * Runtime error codes and the error stream.
 *
 * A runtime error concerns ONE tuple (a bad cast, an overflow, a late tuple, a
 * malformed input record): it is reported on the error stream with its reason
 * and the query carries on. Nothing here ever stops a query.
 */
import { GaleError, isGaleError } from '../errors.js';
import type { Row } from './message.js';

export const runtimeErrorCodes = [
  'GALE_ERR_RUNTIME_OVERFLOW',
  'GALE_ERR_RUNTIME_DIVISION_BY_ZERO',
  'GALE_ERR_RUNTIME_BAD_CAST',
  'GALE_ERR_RUNTIME_BAD_ARGUMENT',
  'GALE_ERR_RUNTIME_LATE_TUPLE',
  'GALE_ERR_RUNTIME_BAD_RECORD',
  'GALE_ERR_RUNTIME_DUPLICATE_KEY',
  'GALE_ERR_RUNTIME_NULL_KEY',
  'GALE_ERR_RUNTIME_STATE_LIMIT',
  'GALE_ERR_RUNTIME_EXPRESSION',
  'GALE_ERR_RUNTIME_SOURCE',
  'GALE_ERR_RUNTIME_SINK',
] as const;
export type RuntimeErrorCode = (typeof runtimeErrorCodes)[number];

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
