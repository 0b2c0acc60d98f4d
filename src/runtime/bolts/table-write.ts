/**
 * TableWrite: INSERT / REPLACE / UPDATE / DELETE on a memory table, one
 * stream tuple at a time, with optional RETURNING rows emitted downstream.
 *
 *  - insert: a new key is inserted; an existing key is updated by ON
 *    DUPLICATE KEY UPDATE, or (without it) the tuple goes to the error stream;
 *  - replace: the row replaces any row with the same key;
 *  - update / delete USING s: every table row matching WHERE (a direct
 *    lookup when WHERE fixes the whole primary key) is changed / removed.
 * RETURNING emits one row per written table row.
 */
import type { Bolt, Collector } from '../bolt.js';
import { RowError } from '../errors.js';
import type { Row } from '../message.js';
import type { MemoryTable } from '../table/memory-table.js';

export type TableWriteSpec = InsertSpec | ChangeSpec;

export interface InsertSpec {
      readonly kind: 'insert' | 'replace';
      readonly table: MemoryTable;
      /** the full table row to write, from the stream tuple */
      readonly toTableRow: (r: Row) => Row;
      /** ON DUPLICATE KEY UPDATE: the updated table row from [existing table row, the stream tuple] */
      readonly onDuplicate?: (combined: Row) => Row;
      /** RETURNING over the row as written */
      readonly returning?: (written: Row) => Row;
}

export interface ChangeSpec {
      readonly kind: 'update' | 'delete';
      readonly table: MemoryTable;
      /** UPDATE: the new table row from [table row, stream tuple] */
      readonly assign?: (combined: Row) => Row;
      /** WHERE over [table row, stream tuple]; absent = every row */
      readonly where?: (combined: Row) => boolean;
      /** the primary key (as a map key) when WHERE fixes it from the tuple alone */
      readonly lookup?: (r: Row) => unknown;
      /** RETURNING over [row after the update (the deleted row for DELETE), stream tuple] */
      readonly returning?: (combined: Row) => Row;
}

export class TableWriteBolt implements Bolt {
  private out!: Collector;

  constructor(private readonly spec: TableWriteSpec) {}

  prepare(_ctx: unknown, out: Collector): void {
    this.out = out;
  }

  /** The table's rows, for a checkpoint of the query writing it. */
  snapshot(): { rows: Row[] } {
    return { rows: this.spec.table.scan() };
  }

  restore(state: unknown): void {
    for (const row of (state as { rows: Row[] }).rows) this.spec.table.put(row);
  }

  execute(rows: Row[]): void {
    const result: Row[] = [];
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      try {
        this.apply(row, result);
      } catch (err) {
        this.out.error(err, row);
      }
    }
    if (result.length > 0) this.out.emit(result);
  }

  private apply(tuple: Row, result: Row[]): void {
    if (this.spec.kind === 'insert' || this.spec.kind === 'replace') this.write(this.spec as InsertSpec, tuple, result);
    else this.change(this.spec as ChangeSpec, tuple, result);
  }

  private write(spec: InsertSpec, tuple: Row, result: Row[]): void {
    const table = spec.table;
    {
      const row = spec.toTableRow(tuple);
      let written = row;
      if (spec.kind === 'replace') {
        table.put(row);
      } else if (!table.insert(row)) {
        if (spec.onDuplicate === undefined) {
          throw new RowError('GALE_ERR_RUNTIME_DUPLICATE_KEY', `duplicate primary key in table ${table.name}`);
        }
        const existing = table.get(table.keyOfRow(row))!;
        written = spec.onDuplicate(existing.concat(tuple));
        table.put(written);
      }
      if (spec.returning !== undefined) result.push(spec.returning(written));
    }
  }

  private change(spec: ChangeSpec, tuple: Row, result: Row[]): void {
    const table = spec.table;
    const targets: Row[] = [];
    if (spec.lookup !== undefined) {
      const key = spec.lookup(tuple);
      const hit = key === null ? undefined : table.get(key);
      if (hit !== undefined) targets.push(hit);
    } else {
      targets.push(...table.scan());
    }
    for (const t of targets) {
      const combined = t.concat(tuple);
      if (spec.where !== undefined && !spec.where(combined)) continue;
      if (spec.kind === 'delete') {
        table.delete(table.keyOfRow(t));
        if (spec.returning !== undefined) result.push(spec.returning(combined));
      } else {
        const updated = spec.assign!(combined);
        table.put(updated);
        if (spec.returning !== undefined) result.push(spec.returning(updated.concat(tuple)));
      }
    }
  }
}
