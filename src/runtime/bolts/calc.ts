/**
 * Calc: WHERE and the SELECT list of a query without aggregates, fused into
 * one compiled loop per batch (Flink's Calc). Rows that fail the filter are
 * dropped; a row whose evaluation throws goes to the error stream.
 */
import type { Bolt, Collector } from '../bolt.js';
import type { Row } from '../message.js';

/** The compiled loop: pushes the projected rows that pass into `out`. */
export type BatchCalc = (rows: Row[], out: Row[], onError: (err: unknown, row: Row) => void) => void;

export class CalcBolt implements Bolt {
  private out!: Collector;
  private readonly onError = (err: unknown, row: Row): void => this.out.error(err, row);

  constructor(private readonly calc: BatchCalc) {}

  prepare(_ctx: unknown, out: Collector): void {
    this.out = out;
  }

  execute(rows: Row[]): void {
    const result: Row[] = [];
    this.calc(rows, result, this.onError);
    if (result.length > 0) this.out.emit(result);
  }
}
