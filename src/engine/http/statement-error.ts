/**
 * Turning whatever an engine call threw into the `StatementError` a front end
 * shows (code, message, line, column, source). (A push query that does not
 * start rejects with the engine's `StatementFailed`, which carries one;
 * HttpEngineClient rejects with the same class.)
 *
 * Anything that is a GaleError is the user's problem (bad SQL, unknown
 * stream, ...) and is reported as such; anything else is a bug in Gale and
 * is reported as `GALE_ERR_HTTP_INTERNAL` without its stack.
 */
import { isGaleError } from '../../errors.js';
import type { StatementError } from '../api.js';

function isStatementError(v: unknown): v is StatementError {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return typeof o['code'] === 'string' && typeof o['message'] === 'string';
}

/** The engine's code for a failure that is a bug, not the user's statement. */
export const ENGINE_INTERNAL = 'GALE_ERR_ENGINE_INTERNAL';

export interface ClassifiedError {
  readonly error: StatementError;
  /** true when this is not the user's fault (a bug); the caller logs `cause` */
  readonly internal: boolean;
  readonly cause: unknown;
}

/**
 * The StatementError for `err`; `source` is the statement text that was run
 * (used as the error's source when the error has a span but no source).
 */
export function classifyError(err: unknown, source?: string): ClassifiedError {
  if (typeof err === 'object' && err !== null && 'error' in err && isStatementError(err.error)) {
    return { error: err.error, internal: err.error.code === ENGINE_INTERNAL, cause: err };
  }
  if (isGaleError(err)) {
    const span = err.span;
    const error: StatementError = {
      code: err.code,
      message: err.message,
      ...(span === undefined ? {} : { line: span.line, column: span.column }),
      ...(span?.file === undefined ? {} : { file: span.file }),
      ...(span === undefined || source === undefined ? {} : { source }),
    };
    return { error, internal: err.code === ENGINE_INTERNAL, cause: err };
  }
  return {
    error: { code: 'GALE_ERR_HTTP_INTERNAL', message: `internal error: ${err instanceof Error ? err.message : String(err)}` },
    internal: true,
    cause: err,
  };
}
