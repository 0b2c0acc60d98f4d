/**
 * An error as the REPL shows it: what went wrong with its code, then the
 * statement line it points at with a caret under the column. Never a stack.
 *
 *   Error at line 1, column 15: no stream or table named 'nope' [GALE_ERR_SQL_UNKNOWN_NAME]
 *     1 | SELECT * FROM nope;
 *       |               ^
 */
import type { StatementError } from '../../../engine/api.js';

export function renderError(error: StatementError, statement?: string): string {
  const where: string[] = [];
  if (error.file !== undefined) where.push(error.file);
  if (error.line !== undefined) where.push(`line ${error.line}`);
  if (error.column !== undefined) where.push(`column ${error.column}`);
  const head = `Error${where.length > 0 ? ` at ${where.join(', ')}` : ''}: ${error.message} [${error.code}]`;
  const source = error.source ?? statement;
  if (source === undefined || error.line === undefined) return head;
  const lines = source.split(/\r?\n/);
  const text = lines[error.line - 1];
  if (text === undefined) return head;
  const gutter = String(error.line);
  const blank = ' '.repeat(gutter.length);
  const col = Math.max(1, Math.min(error.column ?? 1, text.length + 1));
  // keep tabs as tabs so the caret lines up under the same character
  const pad = text.slice(0, col - 1).replace(/[^\t]/g, ' ');
  return `${head}\n  ${gutter} | ${text}\n  ${blank} | ${pad}^`;
}

/** An error that is not about a statement (the server is unreachable, ...). */
export function renderFailure(err: unknown): string {
  if (typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string' && err instanceof Error) {
    return `Error: ${err.message} [${err.code}]`;
  }
  return `Error: ${err instanceof Error ? err.message : String(err)}`;
}
