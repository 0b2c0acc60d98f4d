/**
 * Whatever went wrong with a statement, as the StatementError a front end
 * shows: the code, the message (without the `file:line:col:` prefix some
 * errors carry, since line and column are fields here), where, and the text
 * the position refers to. Never a stack trace: an unexpected failure is
 * GALE_ERR_ENGINE_INTERNAL with its message.
 */
import { GaleError, isGaleError } from '../errors.js';
import type { StatementError } from './api.js';

/** Rejection of push() when the query does not start; `error` says why (the HTTP layer reads it). */
export class StatementFailed extends GaleError {
  override readonly name = 'StatementFailed';

  constructor(readonly error: StatementError) {
    super(error.code, error.message);
  }
}

const POSITION_PREFIX = /^(?:[^\s:]+|<[^>]+>):\d+:\d+: /;

export function toStatementError(err: unknown, source: string, file: string | undefined): StatementError {
  if (err instanceof StatementFailed) return err.error;
  if (isGaleError(err)) {
    const span = err.span;
    const f = span?.file ?? file;
    return {
      code: err.code,
      message: err.message.replace(POSITION_PREFIX, ''),
      ...(span === undefined ? {} : { line: span.line, column: span.column, source }),
      ...(f === undefined ? {} : { file: f }),
    };
  }
  return { code: 'GALE_ERR_ENGINE_INTERNAL', message: `internal error: ${err instanceof Error ? err.message : String(err)}` };
}
