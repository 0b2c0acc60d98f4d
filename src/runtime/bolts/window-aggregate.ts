/**
 * WindowAggregate: aggregates over TUPLES, TIME or ON-field windows,
 * tumbling or sliding, with PARTITION BY, OFFSET and TIMEOUT. One output row
 * per (window, group) with rows in it, emitted when the window closes:
 *  - ON field: when event time reaches the window's end — the input
 *    watermark when the field is the stream's event-time field, else the
 *    largest value this task has seen (the planner runs such windows on one
 *    task); a row for a closed window is late and goes to the error stream;
 *  - TUPLES: when the partition's window holds SIZE tuples;
 *  - TIME: when the processing clock passes the window's end (a timer);
 *  - TIMEOUT: after that long (processing time) without a tuple, the open
 *    windows close anyway (a TUPLES partition then starts counting afresh);
 *  - the end of a bounded input closes and emits every open window; a stop
 *    emits nothing partial.
 * Emitted rows are built as [partition values, group values, aggregate
 * results, window start, window end], filtered by HAVING, projected, and
 * (ORDER BY / LIMIT) sorted and cut per window (of one PARTITION BY value).
 */
import type { AggregateCall } from '../aggregates/aggregate-set.js';
import { AggregateSet } from '../aggregates/aggregate-set.js';
import type { Bolt, BoltContext, Collector, EndReason } from '../bolt.js';
import type { Cancel } from '../clock.js';
import { RowError } from '../errors.js';
import { makeKeyFn, makeKeyValuesFn, type KeyPart } from '../keys.js';
import type { Row, Value } from '../message.js';
import { PaneGeometry } from '../windows/panes.js';
import { WindowSet, type Group, type WindowSetState } from '../windows/window-set.js';

export interface WindowAggregateSpec {
  readonly dimension: 'tuples' | 'time' | 'field';
  readonly size: number;
  readonly advance: number;
  readonly offset: number;
  readonly timeoutMs?: number;
  /** ON field: its position in the input row, name and whether it is a timestamp (for messages) */
  readonly field?: { readonly index: number; readonly name: string; readonly timestamp: boolean };
  /** ON field is the input's event-time field: windows close on watermarks */
  readonly watermarkDriven: boolean;
  readonly partitionBy: readonly KeyPart[];
  readonly groupBy: readonly KeyPart[];
  readonly aggregates: readonly AggregateCall[];
  readonly having?: (r: Row) => boolean;
  readonly project: (r: Row) => Row;
  /** ORDER BY over the aggregate rows ([keys, results, start, end]) of one window, and LIMIT */
  readonly order?: (a: Row, b: Row) => number;
  readonly limit?: number;
}

/** What a checkpoint keeps of a WindowAggregate task. */
export interface WindowAggregateState {
  readonly maxSeen: number;
  readonly sets: readonly { readonly pk: unknown; readonly seq: number; readonly lastArrival: number; readonly set: WindowSetState }[];
}

interface Partition {
  set: WindowSet;
  seq: number;
  lastArrival: number;
}

export class WindowAggregateBolt implements Bolt {
  private ctx!: BoltContext;
  private out!: Collector;
  private readonly aggs: AggregateSet;
  private readonly geo: PaneGeometry;
  private readonly keyOf: (r: Row) => unknown;
  private readonly keyValuesOf: (r: Row) => Value[];
  private readonly partitionKeyOf: (r: Row) => unknown;
  /** TIME / ON field: one set; TUPLES: one per partition */
  private readonly sets = new Map<unknown, Partition>();
  private buffer: Row[] = [];
  private windowRows: { agg: Row; row: Row }[] = [];
  private windowId: unknown = undefined;
  private maxSeen = -Infinity;
  private timer: { at: number; cancel: Cancel } | undefined;
  private readonly nk: number;

  constructor(private readonly spec: WindowAggregateSpec) {
    this.aggs = new AggregateSet(spec.aggregates);
    this.geo = new PaneGeometry(spec.size, spec.advance, spec.dimension === 'tuples' ? 0 : spec.offset);
    const parts = spec.dimension === 'tuples' ? spec.groupBy : [...spec.partitionBy, ...spec.groupBy];
    this.keyOf = makeKeyFn(parts);
    const valueParts = [...spec.partitionBy, ...spec.groupBy];
    this.keyValuesOf = makeKeyValuesFn(valueParts);
    this.nk = valueParts.length;
    this.partitionKeyOf = spec.dimension === 'tuples' ? makeKeyFn(spec.partitionBy) : () => '';
  }

  prepare(ctx: BoltContext, out: Collector): void {
    this.ctx = ctx;
    this.out = out;
  }

  execute(rows: Row[]): void {
    const spec = this.spec;
    const now = spec.dimension === 'time' || spec.timeoutMs !== undefined ? this.ctx.clock.now() : 0;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      try {
        this.addRow(row, now);
      } catch (err) {
        this.out.error(err, row);
      }
    }
    if (spec.dimension === 'field' && !spec.watermarkDriven) this.closeAllSets(this.maxSeen);
    this.armTimer();
    this.flush();
  }

  onWatermark(time: number): void {
    if (this.spec.dimension !== 'field' || !this.spec.watermarkDriven) return;
    this.closeAllSets(time);
    this.flush();
  }

  /** Open windows per partition, for a checkpoint (taken between batches: nothing is buffered). */
  snapshot(): WindowAggregateState {
    const sets: WindowAggregateState['sets'][number][] = [];
    for (const [pk, p] of this.sets) sets.push({ pk, seq: p.seq, lastArrival: p.lastArrival, set: p.set.exportState() });
    return { maxSeen: this.maxSeen, sets };
  }

  restore(state: unknown): void {
    const s = state as WindowAggregateState;
    this.maxSeen = s.maxSeen;
    for (const ps of s.sets) {
      const p = this.partition(ps.pk);
      p.seq = ps.seq;
      p.lastArrival = ps.lastArrival;
      p.set.importState(ps.set);
    }
    this.armTimer();
  }

  onEnd(reason: EndReason): void {
    this.timer?.cancel();
    this.timer = undefined;
    if (reason === 'stopped') return;
    for (const p of this.sets.values()) p.set.closeUpTo(Infinity, this.emitWindow);
    this.flush();
  }

  private addRow(row: Row, now: number): void {
    const spec = this.spec;
    let p: Partition;
    let v: number;
    if (spec.dimension === 'tuples') {
      const pk = this.partitionKeyOf(row);
      p = this.partition(pk);
      v = p.seq++;
    } else {
      p = this.partition('');
      if (spec.dimension === 'time') {
        v = now;
      } else {
        const f = spec.field!;
        const x = row[f.index];
        if (typeof x !== 'number') {
          throw new RowError('GALE_ERR_RUNTIME_BAD_RECORD', `NULL in window field ${f.name}: the row has no place in any window`);
        }
        v = x;
        if (v > this.maxSeen) this.maxSeen = v;
      }
      if (p.set.isLate(v)) {
        const f = spec.field;
        const show = f?.timestamp === true || spec.dimension === 'time' ? new Date(v).toISOString() : String(v);
        throw new RowError(
          'GALE_ERR_RUNTIME_LATE_TUPLE',
          `late tuple: ${f?.name ?? 'arrival time'} ${show} falls only in windows that already closed`,
        );
      }
    }
    p.lastArrival = now;
    p.set.add(row, v, this.keyOf(row), this.keyValuesOf);
    if (spec.dimension === 'tuples') p.set.closeUpTo(v + 1, this.emitWindow);
  }

  private partition(pk: unknown): Partition {
    let p = this.sets.get(pk);
    if (p === undefined) {
      p = {
        set: new WindowSet(this.geo, this.aggs, this.spec.dimension === 'tuples' ? 0 : -Infinity),
        seq: 0,
        lastArrival: 0,
      };
      this.sets.set(pk, p);
    }
    return p;
  }

  private closeAllSets(t: number): void {
    for (const p of this.sets.values()) p.set.closeUpTo(t, this.emitWindow);
  }

  private readonly emitWindow = (k: number, g: Group, alg: unknown[], running: unknown[] | undefined, setId: number): void => {
    const spec = this.spec;
    const nk = this.nk;
    const na = this.aggs.size;
    const agg: Row = new Array<Value>(nk + na + 2);
    for (let i = 0; i < nk; i++) agg[i] = g.keyValues[i]!;
    try {
      this.aggs.results(alg, running, agg, nk);
    } catch (err) {
      this.out.error(err, g.keyValues);
      return;
    }
    agg[nk + na] = this.geo.windowStart(k);
    agg[nk + na + 1] = this.geo.windowEnd(k);
    try {
      if (spec.having !== undefined && !spec.having(agg)) return;
      const row = spec.project(agg);
      if (spec.order === undefined && spec.limit === undefined) {
        this.buffer.push(row);
        return;
      }
      // sort and cut per window: a new window id flushes the previous one
      const id = `${setId}:${k}`;
      if (id !== this.windowId) this.finishWindow();
      this.windowId = id;
      this.windowRows.push({ agg, row });
    } catch (err) {
      this.out.error(err, agg);
    }
  };

  private finishWindow(): void {
    if (this.windowRows.length === 0) return;
    // every PARTITION BY value has its own windows (TUPLES partitions close on
    // their own; TIME and ON partitions share one set, so split them here)
    const np = this.spec.dimension === 'tuples' ? 0 : this.spec.partitionBy.length;
    let windows: { agg: Row; row: Row }[][] = [this.windowRows];
    if (np > 0) {
      const byPartition = new Map<string, { agg: Row; row: Row }[]>();
      for (const r of this.windowRows) {
        const pk = JSON.stringify(r.agg.slice(0, np));
        let list = byPartition.get(pk);
        if (list === undefined) byPartition.set(pk, (list = []));
        list.push(r);
      }
      windows = [...byPartition.values()];
    }
    const order = this.spec.order;
    for (const rows of windows) {
      if (order !== undefined) rows.sort((a, b) => order(a.agg, b.agg));
      const n = this.spec.limit === undefined ? rows.length : Math.min(rows.length, this.spec.limit);
      for (let i = 0; i < n; i++) this.buffer.push(rows[i]!.row);
    }
    this.windowRows = [];
    this.windowId = undefined;
  }

  private flush(): void {
    this.finishWindow();
    if (this.buffer.length === 0) return;
    const rows = this.buffer;
    this.buffer = [];
    this.out.emit(rows);
  }

  /** One timer for TIME window ends and TIMEOUTs: whichever comes first. */
  private armTimer(): void {
    const spec = this.spec;
    if (spec.dimension !== 'time' && spec.timeoutMs === undefined) return;
    let at = Infinity;
    for (const p of this.sets.values()) {
      if (p.set.isEmpty) continue;
      if (spec.dimension === 'time') at = Math.min(at, p.set.nextEnd());
      if (spec.timeoutMs !== undefined) at = Math.min(at, p.lastArrival + spec.timeoutMs);
    }
    if (at === Infinity) return;
    if (this.timer !== undefined) {
      if (this.timer.at <= at) return;
      this.timer.cancel();
    }
    this.timer = { at, cancel: this.ctx.clock.schedule(at, () => this.onTimer()) };
  }

  private onTimer(): void {
    this.timer = undefined;
    const now = this.ctx.clock.now();
    const spec = this.spec;
    for (const [pk, p] of this.sets) {
      if (spec.dimension === 'time') p.set.closeUpTo(now, this.emitWindow);
      if (spec.timeoutMs !== undefined && !p.set.isEmpty && p.lastArrival + spec.timeoutMs <= now) {
        p.set.closeOpen(this.emitWindow);
        if (spec.dimension === 'tuples') this.sets.delete(pk);
      }
    }
    this.flush();
    this.armTimer();
  }
}
