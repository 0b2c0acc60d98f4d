/**
 * The aggregates of one query, split by shape, with their argument
 * functions. Window and changelog operators keep per-pane / per-group
 * state through this one object, and ask it for results in slot order.
 */
import type { Row, Value } from '../message.js';
import type { Aggregate, AlgebraicAggregate, HolisticAggregate } from './aggregate.js';

export interface AggregateCall {
  readonly agg: Aggregate;
  /** the argument's value for a row; undefined for count(*) */
  readonly arg?: (r: Row) => Value;
}

interface Slot<A> {
  readonly agg: A;
  readonly arg: ((r: Row) => Value) | undefined;
  readonly slot: number;
}

/** Per pane (or per group, for changelogs): algebraic states and the raw values of holistic aggregates. */
export interface AggState {
  alg: unknown[];
  hol: Value[][];
}

export class AggregateSet {
  readonly alg: readonly Slot<AlgebraicAggregate>[];
  readonly hol: readonly Slot<HolisticAggregate>[];
  readonly size: number;
  private readonly scratch: Value[];

  constructor(calls: readonly AggregateCall[]) {
    const alg: Slot<AlgebraicAggregate>[] = [];
    const hol: Slot<HolisticAggregate>[] = [];
    calls.forEach((c, slot) => {
      if (c.agg.shape === 'algebraic') alg.push({ agg: c.agg, arg: c.arg, slot });
      else hol.push({ agg: c.agg, arg: c.arg, slot });
    });
    this.alg = alg;
    this.hol = hol;
    this.size = calls.length;
    this.scratch = new Array<Value>(calls.length).fill(null);
  }

  get holistic(): boolean {
    return this.hol.length > 0;
  }

  newState(): AggState {
    return { alg: this.alg.map((a) => a.agg.init()), hol: this.hol.map(() => []) };
  }

  emptyAlg(): unknown[] {
    return this.alg.map((a) => a.agg.init());
  }

  /**
   * Evaluates every argument for `row` first (so a throw leaves the state
   * untouched), then adds the row. Throws the argument's runtime error.
   */
  addRow(s: AggState, row: Row): void {
    const sc = this.scratch;
    const alg = this.alg;
    const hol = this.hol;
    for (let i = 0; i < alg.length; i++) {
      const f = alg[i]!.arg;
      sc[i] = f === undefined ? true : f(row);
    }
    for (let i = 0; i < hol.length; i++) {
      const f = hol[i]!.arg;
      sc[alg.length + i] = f === undefined ? true : f(row);
    }
    for (let i = 0; i < alg.length; i++) s.alg[i] = alg[i]!.agg.add(s.alg[i], sc[i]!);
    for (let i = 0; i < hol.length; i++) {
      const v = sc[alg.length + i]!;
      if (v !== null) s.hol[i]!.push(v);
    }
  }

  /** older ⊕ newer, as new states (for the two-stack). */
  mergeAlg(older: unknown[], newer: unknown[]): unknown[] {
    const out = new Array<unknown>(this.alg.length);
    for (let i = 0; i < this.alg.length; i++) out[i] = this.alg[i]!.agg.merge(older[i], newer[i]);
    return out;
  }

  newRunning(): unknown[] {
    return this.hol.map((h) => h.agg.running());
  }

  insertValues(running: unknown[], hol: Value[][]): void {
    for (let i = 0; i < this.hol.length; i++) {
      const a = this.hol[i]!.agg;
      const r = running[i];
      for (const v of hol[i]!) a.insert(r, v);
    }
  }

  removeValues(running: unknown[], hol: Value[][]): void {
    for (let i = 0; i < this.hol.length; i++) {
      const a = this.hol[i]!.agg;
      const r = running[i];
      for (const v of hol[i]!) a.remove(r, v);
    }
  }

  /** Writes every aggregate's result, in slot order, into out[offset ...]. May throw (sum overflow). */
  results(alg: unknown[], running: unknown[] | undefined, out: Value[], offset: number): void {
    for (let i = 0; i < this.alg.length; i++) {
      const a = this.alg[i]!;
      out[offset + a.slot] = a.agg.result(alg[i]);
    }
    for (let i = 0; i < this.hol.length; i++) {
      const h = this.hol[i]!;
      out[offset + h.slot] = running === undefined ? null : h.agg.result(running[i]);
    }
  }
}
