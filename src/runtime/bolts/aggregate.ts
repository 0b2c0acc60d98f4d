/**
 * Aggregate (no window): a changelog. Every input row updates its group's
 * accumulators and emits the group's updated row (ksqlDB's EMIT CHANGES).
 * The output row is built as [group values, aggregate results] and then
 * filtered by HAVING and projected, like a window's, without window bounds.
 */
import { AggregateSet, type AggregateCall, type AggState } from '../aggregates/aggregate-set.js';
import type { Bolt, Collector } from '../bolt.js';
import { makeKeyFn, makeKeyValuesFn, type KeyPart } from '../keys.js';
import type { Row, Value } from '../message.js';

export interface AggregateSpec {
  readonly groupBy: readonly KeyPart[];
  readonly aggregates: readonly AggregateCall[];
  readonly having?: (r: Row) => boolean;
  readonly project: (r: Row) => Row;
}

/** What a checkpoint keeps of a changelog Aggregate task. */
export interface AggregateState {
  readonly groups: readonly {
    readonly key: unknown;
    readonly values: Value[];
    readonly alg: unknown[];
    /** the holistic aggregates' running structures, saved as plain data (absent in checkpoints of older versions) */
    readonly hol?: unknown[];
  }[];
}

interface GroupState {
  readonly values: Value[];
  readonly state: AggState;
  readonly running: unknown[] | undefined;
}

export class AggregateBolt implements Bolt {
  private out!: Collector;
  private readonly aggs: AggregateSet;
  private readonly keyOf: (r: Row) => unknown;
  private readonly valuesOf: (r: Row) => Value[];
  private readonly groups = new Map<unknown, GroupState>();

  constructor(private readonly spec: AggregateSpec) {
    this.aggs = new AggregateSet(spec.aggregates);
    this.keyOf = makeKeyFn(spec.groupBy);
    this.valuesOf = makeKeyValuesFn(spec.groupBy);
  }

  /** Every group's accumulators, for a checkpoint: algebraic states as they are, holistic running structures saved as data. */
  snapshot(): AggregateState {
    const hol = this.aggs.hol;
    return {
      groups: [...this.groups].map(([key, g]) => ({
        key,
        values: g.values,
        alg: g.state.alg,
        ...(g.running === undefined ? {} : { hol: g.running.map((r, j) => hol[j]!.agg.save(r)) }),
      })),
    };
  }

  restore(state: unknown): void {
    const hol = this.aggs.hol;
    for (const g of (state as AggregateState).groups) {
      let running: unknown[] | undefined;
      if (this.aggs.holistic) running = g.hol === undefined ? this.aggs.newRunning() : g.hol.map((d, j) => hol[j]!.agg.load(d));
      this.groups.set(g.key, { values: g.values, state: { alg: g.alg, hol: hol.map(() => []) }, running });
    }
  }

  prepare(_ctx: unknown, out: Collector): void {
    this.out = out;
  }

  execute(rows: Row[]): void {
    const result: Row[] = [];
    const nk = this.spec.groupBy.length;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      try {
        const key = this.keyOf(row);
        let g = this.groups.get(key);
        const isNew = g === undefined;
        if (g === undefined) {
          g = { values: this.valuesOf(row), state: this.aggs.newState(), running: this.aggs.holistic ? this.aggs.newRunning() : undefined };
        }
        const before = g.state.hol.map((h) => h.length);
        this.aggs.addRow(g.state, row);
        if (isNew) this.groups.set(key, g);
        if (g.running !== undefined) {
          // holistic values go straight into the running structure; the pane lists stay empty
          g.state.hol.forEach((h, j) => {
            for (let x = before[j]!; x < h.length; x++) this.aggs.hol[j]!.agg.insert(g.running![j], h[x]!);
            h.length = 0;
          });
        }
        const agg: Row = new Array<Value>(nk + this.aggs.size);
        for (let k = 0; k < nk; k++) agg[k] = g.values[k]!;
        this.aggs.results(g.state.alg, g.running, agg, nk);
        if (this.spec.having !== undefined && !this.spec.having(agg)) continue;
        result.push(this.spec.project(agg));
      } catch (err) {
        this.out.error(err, row);
      }
    }
    if (result.length > 0) this.out.emit(result);
  }
}
