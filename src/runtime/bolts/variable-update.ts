/** VariableUpdate: `DECLARE v ... UPDATE FROM (SELECT ...)` — v takes the first column of every row the query emits. */
import type { Bolt } from '../bolt.js';
import type { Row, Value } from '../message.js';

export interface VariableCellLike {
  value: Value;
}

export class VariableUpdateBolt implements Bolt {
  constructor(private readonly cell: VariableCellLike) {}

  prepare(): void {}

  execute(rows: Row[]): void {
    const last = rows[rows.length - 1];
    if (last !== undefined) this.cell.value = last[0] ?? null;
  }
}
