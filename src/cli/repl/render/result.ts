/**
 * A statement's result as text: a message as is, SHOW/DESCRIBE as a boxed
 * table (cli-table3, plain ASCII so it survives any terminal and a pipe),
 * EXPLAIN's topology as its text, an error with its caret.
 */
import Table from 'cli-table3';
import type { StatementResult } from '../../../engine/api.js';
import { renderError } from './error.js';
import { formatValue } from './value.js';

const ASCII_BOX = {
  top: '-', 'top-mid': '+', 'top-left': '+', 'top-right': '+',
  bottom: '-', 'bottom-mid': '+', 'bottom-left': '+', 'bottom-right': '+',
  left: '|', 'left-mid': '+', mid: '-', 'mid-mid': '+',
  right: '|', 'right-mid': '+', middle: '|',
} as const;

export function renderResult(result: StatementResult): string {
  switch (result.kind) {
    case 'message':
      return result.message;
    case 'explain':
      return result.text.replace(/\n+$/, '');
    case 'error':
      return renderError(result.error, result.statement);
    case 'table':
      return renderTable(result.columns, result.rows);
  }
}

export function renderTable(columns: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const table = new Table({
    head: [...columns],
    chars: ASCII_BOX,
    style: { head: [], border: [], compact: true },
  });
  // the header rule, then rows without rules between them
  table.push(...rows.map((r) => columns.map((_, i) => formatValue(r[i]))));
  const count = `${rows.length} row${rows.length === 1 ? '' : 's'}`;
  return `${table.toString()}\n${count}`;
}
