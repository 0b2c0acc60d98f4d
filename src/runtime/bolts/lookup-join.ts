/**
 * LookupJoin: a stream–table join. Each stream tuple looks the table up —
 * by primary key when the condition fixes it, else by scanning — and emits
 * one combined row per matching table row; with an outer join on the stream
 * side, a tuple with no match is emitted with NULLs for the table. Table
 * changes emit nothing (only the stream side triggers output).
 */
import type { Bolt, Collector } from '../bolt.js';
import type { Row, Value } from '../message.js';
import type { MemoryTable } from '../table/memory-table.js';

export interface LookupJoinSpec {
  readonly table: MemoryTable;
  /** where the table's fields sit in the combined row */
  readonly tableSide: 'left' | 'right';
  /** keep stream tuples without a match (with NULLs) */
  readonly outer: boolean;
  /** the table key from the stream tuple, when the condition fixes the whole primary key */
  readonly lookup?: (r: Row) => unknown;
  /** the condition over the combined row (after the lookup, for what it does not cover) */
  readonly condition?: (combined: Row) => boolean;
  readonly project: (combined: Row) => Row;
}

export class LookupJoinBolt implements Bolt {
  private out!: Collector;
  private readonly nulls: Value[];

  constructor(private readonly spec: LookupJoinSpec) {
    this.nulls = new Array<Value>(spec.table.width).fill(null);
  }

  prepare(_ctx: unknown, out: Collector): void {
    this.out = out;
  }

  execute(rows: Row[]): void {
    const spec = this.spec;
    const result: Row[] = [];
    const left = spec.tableSide === 'left';
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      try {
        let matched = false;
        if (spec.lookup !== undefined) {
          const key = spec.lookup(row);
          const t = key === null ? undefined : spec.table.get(key);
          if (t !== undefined) {
            const combined = left ? t.concat(row) : row.concat(t);
            if (spec.condition === undefined || spec.condition(combined)) {
              matched = true;
              result.push(spec.project(combined));
            }
          }
        } else {
          for (const t of spec.table.scan()) {
            const combined = left ? t.concat(row) : row.concat(t);
            if (spec.condition !== undefined && !spec.condition(combined)) continue;
            matched = true;
            result.push(spec.project(combined));
          }
        }
        if (!matched && spec.outer) result.push(spec.project(left ? this.nulls.concat(row) : row.concat(this.nulls)));
      } catch (err) {
        this.out.error(err, row);
      }
    }
    if (result.length > 0) this.out.emit(result);
  }
}
