/**
 * One value as text in a table cell: NULL for null, ISO-8601 UTC for
 * timestamps, control characters escaped so a value never breaks a row
 * across lines.
 */
import type { Column } from '../../../engine/api.js';

export function formatValue(value: unknown, type?: Column['type']): string {
  if (value === null || value === undefined) return 'NULL';
  if (type === 'timestamp' && typeof value === 'number') {
    const d = new Date(value);
    if (!Number.isNaN(d.getTime())) return d.toISOString();
  }
  if (typeof value === 'string') return escapeControl(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return escapeControl(JSON.stringify(value) ?? String(value));
}

function escapeControl(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f]/g, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** Numbers read better right-aligned. */
export function isNumericColumn(type: Column['type'] | undefined): boolean {
  return type === 'int' || type === 'long' || type === 'double';
}

/** Display width of a cell (code points; good enough for a terminal table of ASCII-ish data). */
export function displayWidth(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** `s` cut to `width` code points, the last one an ellipsis when cut. */
export function truncate(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  if (width <= 1) return '…'.slice(0, width);
  return `${Array.from(s).slice(0, width - 1).join('')}…`;
}
