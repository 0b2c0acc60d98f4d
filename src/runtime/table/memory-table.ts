/**
 * A memory table: rows by primary key, with a HASH index (a Map; scans in
 * insertion order) or an ordered BTREE index (also kept sorted by key, so
 * scans run in key order and key ranges are cheap). One table object is
 * shared by every query of a run that reads or writes it; all access is on
 * the one event-loop thread, in the order tuples arrive.
 */
import { RowError } from '../errors.js';
import { encodeKeyPart } from '../keys.js';
import type { Row, Value } from '../message.js';

export class MemoryTable {
  private readonly rows = new Map<unknown, Row>();
  /** BTREE: keys in ascending key order (parallel to `sortedKeys`) */
  private readonly sortedRows: Row[] = [];

  constructor(
    readonly name: string,
    readonly width: number,
    /** positions of the primary key columns, in key order */
    readonly keyFields: readonly number[],
    readonly ordered: boolean,
  ) {}

  get size(): number {
    return this.rows.size;
  }

  /** The map key of a primary key given as values. */
  keyOfValues(values: readonly Value[]): unknown {
    if (values.length === 1) return values[0];
    let s = encodeKeyPart(values[0]!);
    for (let i = 1; i < values.length; i++) s += `\u0000${encodeKeyPart(values[i]!)}`;
    return s;
  }

  keyOfRow(row: Row): unknown {
    const f = this.keyFields;
    if (f.length === 1) return row[f[0]!];
    return this.keyOfValues(f.map((i) => row[i]!));
  }

  get(key: unknown): Row | undefined {
    return this.rows.get(key);
  }

  /** Inserts a new row; false (nothing changed) if its key exists. */
  insert(row: Row): boolean {
    const key = this.checkedKey(row);
    if (this.rows.has(key)) return false;
    this.rows.set(key, row);
    if (this.ordered) this.sortedRows.splice(this.position(row), 0, row);
    return true;
  }

  /** Inserts or replaces the row with the same key; returns the previous row. */
  put(row: Row): Row | undefined {
    const key = this.checkedKey(row);
    const prev = this.rows.get(key);
    this.rows.set(key, row);
    if (this.ordered) {
      const at = this.position(row);
      if (prev !== undefined) this.sortedRows[at] = row;
      else this.sortedRows.splice(at, 0, row);
    }
    return prev;
  }

  delete(key: unknown): Row | undefined {
    const prev = this.rows.get(key);
    if (prev === undefined) return undefined;
    this.rows.delete(key);
    if (this.ordered) this.sortedRows.splice(this.position(prev), 1);
    return prev;
  }

  /** Every row: key order for BTREE, insertion order for HASH. A snapshot, safe to modify the table while iterating. */
  scan(): Row[] {
    return this.ordered ? [...this.sortedRows] : [...this.rows.values()];
  }

  private checkedKey(row: Row): unknown {
    for (const i of this.keyFields) {
      if (row[i] === null || row[i] === undefined) {
        throw new RowError('GALE_ERR_RUNTIME_NULL_KEY', `NULL in a primary key column of table ${this.name}`);
      }
    }
    return this.keyOfRow(row);
  }

  /** Index of the first sorted row whose key is >= row's key. */
  private position(row: Row): number {
    let lo = 0;
    let hi = this.sortedRows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.compareKeys(this.sortedRows[mid]!, row) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private compareKeys(a: Row, b: Row): number {
    for (const i of this.keyFields) {
      const x = a[i]!;
      const y = b[i]!;
      if (x < y) return -1;
      if (x > y) return 1;
    }
    return 0;
  }
}
