/**
 * Calc: WHERE and the SELECT list of a query without aggregates, fused into
 * one compiled loop per batch (Flink's Calc). Rows that fail the filter are
 * dropped; a row whose evaluation throws goes to the error stream. With a
 * LIMIT (a query without a window) it passes the first n result rows and
 * drops the rest; the planner then runs it as one task so "first" is the
 * input order.
 */
import type { Bolt, Collector } from '../bolt.js';
import type { Row } from '../message.js';

/** The compiled loop: pushes the projected rows that pass into `out`. */
export type BatchCalc = (rows: Row[], out: Row[], onError: (err: unknown, row: Row) => void) => void;

export class CalcBolt implements Bolt {
  private out!: Collector;
  private readonly onError = (err: unknown, row: Row): void => this.out.error(err, row);

  /** rows still allowed out (LIMIT without a window: the first n rows, then nothing) */
  private left: number;

  constructor(
    private readonly calc: BatchCalc,
    limit?: number,
  ) {
    this.left = limit ?? Infinity;
  }

  prepare(_ctx: unknown, out: Collector): void {
    this.out = out;
  }

  execute(rows: Row[]): void {
    if (this.left <= 0) return;
    const result: Row[] = [];
    this.calc(rows, result, this.onError);
    if (result.length > this.left) result.length = this.left;
    this.left -= result.length;
    if (result.length > 0) this.out.emit(result);
  }

  snapshot(): unknown {
    return this.left === Infinity ? undefined : { left: this.left };
  }

  restore(state: unknown): void {
    const left = (state as { left?: unknown } | undefined)?.left;
    if (typeof left === 'number') this.left = left;
  }
}
