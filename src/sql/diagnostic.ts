/**
 * How an error is shown to a person: `file:line:col: error: message`, then
 * the source line and a caret under the column (tabs kept so the caret lines
 * up). Used by `gale check`; the REPL and `gale run` can use it too.
 */
import type { SqlError } from './errors.js';

/** The three lines (without trailing newline) for one error in `source`. */
export function formatDiagnostic(e: SqlError, source: string, fileLabel?: string): string {
  const { line, column } = e.span;
  const where = `${fileLabel ?? e.span.file ?? '<input>'}:${line}:${column}`;
  const text = source.split(/\r\n|\r|\n/)[line - 1] ?? '';
  const pad = [...text.slice(0, Math.max(0, column - 1))].map((ch) => (ch === '\t' ? '\t' : ' ')).join('');
  return `${where}: error: ${e.message}\n${text}\n${pad}^`;
}
