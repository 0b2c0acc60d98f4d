/**
 * The open windows of one window dimension instance (the whole stream for
 * TIME / ON field, one partition for TUPLES): groups, each holding its panes.
 *
 * A row is added to one pane of its group. `closeUpTo(t)` closes, in order,
 * every window that ends at or before t and holds data, calling `emit` once
 * per (window, group) that has rows in it; then evicts panes no later window
 * needs and forgets groups left with none. A row whose oldest window has
 * already closed is late (the caller reports it).
 */
import type { AggregateSet, AggState } from '../aggregates/aggregate-set.js';
import type { Row, Value } from '../message.js';
import type { PaneGeometry } from './panes.js';
import { TwoStack, type TwoStackState } from './two-stack.js';

interface Pane {
  readonly index: number;
  readonly state: AggState;
}

export class Group {
  /** panes not yet combined into the two-stack, by ascending index */
  pending: Pane[] = [];
  stack: TwoStack<AggState> | undefined;
  running: unknown[] | undefined;
  stamp = Number.NaN;

  constructor(
    readonly key: unknown,
    readonly keyValues: Value[],
  ) {}

  get empty(): boolean {
    return this.pending.length === 0 && (this.stack === undefined || this.stack.size === 0);
  }
}

/** Called per (window, group); `setId` + k identify the window (for sorting one window's rows). */
export type EmitWindow = (k: number, group: Group, alg: unknown[], running: unknown[] | undefined, setId: number) => void;

/** A WindowSet's checkpointed state (see exportState). */
export interface WindowSetState {
  readonly nextK: number;
  readonly groups: readonly {
    readonly key: unknown;
    readonly keyValues: Value[];
    readonly pending: readonly { readonly index: number; readonly alg: unknown[]; readonly hol: Value[][] }[];
    readonly stack?: TwoStackState<AggState>;
  }[];
}

let nextSetId = 0;

const NO_HOL: Value[][] = [];

export class WindowSet {
  readonly id = nextSetId++;
  readonly groups = new Map<unknown, Group>();
  /** distinct pane indices holding data, ascending */
  private live: number[] = [];
  private readonly paneGroups = new Map<number, Group[]>();
  /** the first window not closed yet */
  private nextK = -Infinity;
  private readonly mergeStates: (a: AggState, b: AggState) => AggState;
  private readonly emptyState: () => AggState;

  constructor(
    readonly geo: PaneGeometry,
    private readonly aggs: AggregateSet,
    /** the first window that exists (0 for TUPLES: no window starts before the first tuple) */
    firstWindow = -Infinity,
  ) {
    this.nextK = firstWindow;
    this.mergeStates = (a, b) => ({ alg: aggs.mergeAlg(a.alg, b.alg), hol: NO_HOL });
    this.emptyState = () => ({ alg: aggs.emptyAlg(), hol: NO_HOL });
  }

  get isEmpty(): boolean {
    return this.live.length === 0;
  }

  /** True if a value lands only in windows that have closed. */
  isLate(v: number): boolean {
    return this.geo.firstWindowOf(this.geo.paneOf(v)) < this.nextK;
  }

  /** Adds a row with dimension value v to group `key`. The caller checked lateness. Throws an argument's error. */
  add(row: Row, v: number, key: unknown, keyValues: (r: Row) => Value[]): void {
    const p = this.geo.paneOf(v);
    let g = this.groups.get(key);
    if (g === undefined) {
      g = new Group(key, keyValues(row));
      this.groups.set(key, g);
    }
    const pending = g.pending;
    const last = pending[pending.length - 1];
    let pane: Pane;
    if (last !== undefined && last.index === p) {
      pane = last;
    } else if (last === undefined || last.index < p) {
      pane = { index: p, state: this.aggs.newState() };
      pending.push(pane);
      this.registerPane(p, g);
    } else {
      let i = 0;
      while (i < pending.length && pending[i]!.index < p) i++;
      const at = pending[i];
      if (at !== undefined && at.index === p) {
        pane = at;
      } else {
        pane = { index: p, state: this.aggs.newState() };
        pending.splice(i, 0, pane);
        this.registerPane(p, g);
      }
    }
    this.aggs.addRow(pane.state, row);
  }

  /** When the next window with data will end (for processing-time timers); Infinity if none. */
  nextEnd(): number {
    const p = this.live[0];
    if (p === undefined) return Infinity;
    return this.geo.windowEnd(Math.max(this.geo.firstWindowOf(p), this.nextK));
  }

  /** Closes every window ending at or before t, in order. */
  closeUpTo(t: number, emit: EmitWindow): void {
    while (this.live.length > 0) {
      const k = Math.max(this.geo.firstWindowOf(this.live[0]!), this.nextK);
      if (this.geo.windowEnd(k) > t) break;
      this.emitWindow(k, emit);
      this.nextK = k + 1;
    }
    const after = this.geo.firstWindowEndingAfter(t);
    if (after > this.nextK) this.nextK = after;
  }

  /** Closes every window that holds data now (TIMEOUT), whatever event time says; later rows for them are late. */
  closeOpen(emit: EmitWindow): void {
    while (this.live.length > 0) {
      const k = Math.max(this.geo.firstWindowOf(this.live[0]!), this.nextK);
      this.emitWindow(k, emit);
      this.nextK = k + 1;
    }
  }

  /** The open state as plain data (checkpoints): the first open window and every group's panes. */
  exportState(): WindowSetState {
    const groups: WindowSetState['groups'][number][] = [];
    for (const g of this.groups.values()) {
      const pending = g.pending.map((p) => ({ index: p.index, alg: p.state.alg, hol: p.state.hol }));
      groups.push({ key: g.key, keyValues: g.keyValues, pending, ...(g.stack === undefined ? {} : { stack: g.stack.exportState() }) });
    }
    return { nextK: this.nextK, groups };
  }

  /**
   * Loads an exported state into this (empty) set: pending panes, and the
   * two-stack exactly as it was (holistic running values are re-inserted
   * from its panes), so later results are the same bit for bit.
   */
  importState(s: WindowSetState): void {
    this.nextK = s.nextK;
    for (const gs of s.groups) {
      const g = new Group(gs.key, gs.keyValues);
      g.pending = gs.pending.map((p) => ({ index: p.index, state: { alg: p.alg, hol: p.hol } }));
      const panes = new Set<number>(g.pending.map((p) => p.index));
      if (gs.stack !== undefined) {
        g.stack = new TwoStack(this.mergeStates, this.emptyState);
        g.stack.importState(gs.stack);
        if (this.aggs.holistic) {
          const running = this.aggs.newRunning();
          for (const e of g.stack.entries()) this.aggs.insertValues(running, e.val.hol);
          g.running = running;
        }
        for (const e of g.stack.entries()) panes.add(e.pane);
      }
      this.groups.set(gs.key, g);
      // stacked panes of windows already closed come back as live too; the next close cuts them again
      for (const p of panes) this.registerPane(p, g);
    }
  }

  private registerPane(p: number, g: Group): void {
    const gs = this.paneGroups.get(p);
    if (gs !== undefined) {
      gs.push(g);
      return;
    }
    this.paneGroups.set(p, [g]);
    const live = this.live;
    if (live.length === 0 || live[live.length - 1]! < p) {
      live.push(p);
    } else {
      live.splice(lowerBound(live, p), 0, p);
    }
  }

  private emitWindow(k: number, emit: EmitWindow): void {
    const geo = this.geo;
    const sp = geo.startPane(k);
    const ep = geo.endPane(k);
    const list: Group[] = [];
    for (let i = lowerBound(this.live, sp); i < this.live.length && this.live[i]! < ep; i++) {
      for (const g of this.paneGroups.get(this.live[i]!)!) {
        if (g.stamp !== k) {
          g.stamp = k;
          list.push(g);
        }
      }
    }
    const next = sp + geo.a;
    for (const g of list) {
      if (geo.tumbling) {
        const pane = g.pending[0]!;
        let running: unknown[] | undefined;
        if (this.aggs.holistic) {
          running = this.aggs.newRunning();
          this.aggs.insertValues(running, pane.state.hol);
        }
        emit(k, g, pane.state.alg, running, this.id);
        g.pending.shift();
      } else {
        this.slide(g, sp, ep);
        emit(k, g, g.stack!.query().alg, g.running, this.id);
        this.evict(g, next);
      }
      if (g.empty) this.groups.delete(g.key);
    }
    const cut = lowerBound(this.live, next);
    for (let i = 0; i < cut; i++) this.paneGroups.delete(this.live[i]!);
    this.live.splice(0, cut);
  }

  /** Moves the group's panes before `ep` into its two-stack and evicts those before `sp`. */
  private slide(g: Group, sp: number, ep: number): void {
    if (g.stack === undefined) {
      g.stack = new TwoStack(this.mergeStates, this.emptyState);
      g.running = this.aggs.holistic ? this.aggs.newRunning() : undefined;
    }
    while (g.pending.length > 0 && g.pending[0]!.index < ep) {
      const pane = g.pending.shift()!;
      g.stack.push(pane.index, pane.state);
      if (g.running !== undefined) this.aggs.insertValues(g.running, pane.state.hol);
    }
    this.evict(g, sp);
  }

  private evict(g: Group, below: number): void {
    const running = g.running;
    g.stack?.evictBelow(
      below,
      running === undefined ? undefined : (_p, s) => this.aggs.removeValues(running, s.hol),
    );
  }
}

function lowerBound(a: readonly number[], v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
