/**
 * A push query's rows as an aligned table that grows as rows arrive.
 *
 * Column widths come from the header, the column types and a first batch
 * (the rows that arrive in the first moments of the query, or the first
 * `firstBatchRows`). Later, a value wider than its column widens the column
 * and the header is printed again with the new widths, so the columns below
 * it line up; a column never grows past its share of the terminal width,
 * and values past that are cut with an ellipsis.
 *
 *   +---------+-----+
 *   | name    |   n |
 *   +---------+-----+
 *   | alice   |   1 |
 */
import type { Column } from '../../../engine/api.js';
import { displayWidth, formatValue, isNumericColumn, truncate } from './value.js';

export interface LiveTableOptions {
  readonly columns: readonly Column[];
  readonly write: (text: string) => void;
  /** terminal width; Infinity when output is not a terminal (never truncate) */
  readonly maxWidth: number;
  /** rows that decide the first widths (default 20) */
  readonly firstBatchRows?: number;
  /** how long to wait for a first batch before printing (ms, default 150) */
  readonly firstBatchMs?: number;
}

/** The narrowest a column is drawn, by type, so a typical value fits the first time. */
const TYPE_MIN: Readonly<Record<Column['type'], number>> = {
  timestamp: 24,
  bool: 5,
  int: 4,
  long: 6,
  double: 6,
  string: 6,
  null: 4,
};

export class LiveTable {
  private readonly columns: readonly Column[];
  private readonly write: (text: string) => void;
  private readonly firstBatchRows: number;
  /** per column: the widest it is drawn before values are cut */
  private readonly caps: number[];
  private widths: number[] = [];
  private batch: string[][] | undefined = [];
  private timer: NodeJS.Timeout | undefined;
  private rowCount = 0;

  constructor(opts: LiveTableOptions) {
    this.columns = opts.columns.length > 0 ? opts.columns : [{ name: '(no columns)', type: 'null' }];
    this.write = opts.write;
    this.firstBatchRows = opts.firstBatchRows ?? 20;
    this.caps = columnCaps(this.columns, opts.maxWidth);
    this.timer = setTimeout(() => this.flushBatch(), opts.firstBatchMs ?? 150);
    this.timer.unref();
  }

  get rows(): number {
    return this.rowCount;
  }

  add(row: readonly unknown[]): void {
    this.rowCount++;
    const cells = this.columns.map((c, i) => formatValue(row[i], c.type));
    if (this.batch !== undefined) {
      this.batch.push(cells);
      if (this.batch.length >= this.firstBatchRows) this.flushBatch();
      return;
    }
    this.printRow(cells);
  }

  /** Prints whatever is pending and the closing rule, then `footer`. */
  end(footer: string): void {
    this.flushBatch();
    this.write(`${this.rule()}\n${footer}\n`);
  }

  /** Prints the header now (with widths from the rows so far), if not done yet. */
  flushBatch(): void {
    if (this.batch === undefined) return;
    clearTimeout(this.timer);
    const batch = this.batch;
    this.batch = undefined;
    this.widths = this.columns.map((c, i) => {
      const want = Math.max(displayWidth(c.name), TYPE_MIN[c.type], ...batch.map((r) => displayWidth(r[i] ?? '')));
      return Math.min(want, Math.max(this.caps[i] ?? 0, displayWidth(c.name)));
    });
    this.printHeader();
    for (const cells of batch) this.printRow(cells);
  }

  private printRow(cells: readonly string[]): void {
    let widened = false;
    cells.forEach((cell, i) => {
      const w = displayWidth(cell);
      const current = this.widths[i] ?? 0;
      const cap = this.caps[i] ?? 0;
      if (w > current && current < cap) {
        // grow with some slack so a column that keeps growing does not re-print the header every row
        this.widths[i] = Math.min(cap, Math.max(w, Math.ceil(current * 1.25)));
        widened = true;
      }
    });
    if (widened) this.printHeader();
    this.write(`${this.line(cells)}\n`);
  }

  private printHeader(): void {
    const rule = this.rule();
    const names = this.columns.map((c) => c.name);
    this.write(`${rule}\n${this.line(names, true)}\n${rule}\n`);
  }

  private line(cells: readonly string[], header = false): string {
    const parts = cells.map((cell, i) => {
      const w = this.widths[i] ?? 0;
      const text = truncate(cell, w);
      const pad = ' '.repeat(Math.max(0, w - displayWidth(text)));
      return !header && isNumericColumn(this.columns[i]?.type) ? pad + text : text + pad;
    });
    return `| ${parts.join(' | ')} |`;
  }

  private rule(): string {
    return `+${this.widths.map((w) => '-'.repeat(w + 2)).join('+')}+`;
  }
}

/**
 * How wide each column may grow. Values of fixed-width types (numbers,
 * booleans, timestamps) are never cut; string columns share what is left of
 * the terminal width.
 */
function columnCaps(columns: readonly Column[], maxWidth: number): number[] {
  if (!Number.isFinite(maxWidth)) return columns.map(() => Number.POSITIVE_INFINITY);
  const fixed = columns.map((c) => (c.type === 'string' || c.type === 'null' ? 0 : Math.max(TYPE_MIN[c.type], 22)));
  const strings = columns.filter((c) => c.type === 'string' || c.type === 'null').length;
  // each column is drawn as "| value " plus the final "|"
  const usable = maxWidth - (3 * columns.length + 1) - fixed.reduce((a, b) => a + b, 0);
  const share = strings === 0 ? 0 : Math.max(8, Math.floor(usable / strings));
  return columns.map((_, i) => (fixed[i]! > 0 ? Number.POSITIVE_INFINITY : share));
}
