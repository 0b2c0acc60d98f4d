/**
 * Join of two windowed streams: StreamBase's tuple join (`FROM a[w1], b[w2]
 * WHERE p`) and SQL `[INNER|LEFT|RIGHT|FULL] JOIN ... ON` between streams.
 *
 * Each side keeps the tuples currently in its window. A tuple arriving on
 * one side probes the other side's window (through a hash index on the
 * equality keys when the condition has some), emits a combined row
 * [left fields, right fields] per match, then enters its own window.
 *
 * A side's window at time T holds its tuples since the start of the OLDEST
 * of its aligned windows that contains T (windows are aligned to ADVANCE
 * plus OFFSET, as for aggregates): low(T) = (floor((T − OFFSET − SIZE) /
 * ADVANCE) + 1) · ADVANCE + OFFSET. So with tumbling windows a pair matches
 * when both tuples fall in the same window; with sliding ones, when the
 * earlier tuple is inside the window of its side that still contains the
 * later one. Per dimension:
 *   - ON field: T is the probing tuple's field value; the rule is applied to
 *     the earlier of the two tuples, so the result does not depend on which
 *     arrived first;
 *   - TIME: T is the processing clock at arrival;
 *   - TUPLES: positions in the side's (PARTITION BY group's) arrival order;
 *   - no window: every tuple so far (a table-like, growing side).
 * Outer joins: a tuple that leaves its window (or is still there when a
 * bounded input ends) without ever matching is emitted with NULLs for the
 * other side.
 */
import type { Bolt, BoltContext, Collector, EndReason } from '../bolt.js';
import type { KeyFn } from '../keys.js';
import type { Row, Value } from '../message.js';

export type JoinWindow =
  | { readonly kind: 'tuples'; readonly size: number; readonly advance: number; readonly partitionBy: KeyFn }
  | { readonly kind: 'time'; readonly size: number; readonly advance: number; readonly offset: number }
  | { readonly kind: 'field'; readonly size: number; readonly advance: number; readonly offset: number; readonly field: number }
  | { readonly kind: 'unbounded' };

export interface JoinSideSpec {
  readonly width: number;
  readonly window: JoinWindow;
  /** equality-key of a row of this side (both sides or neither); NULL keys never match */
  readonly key?: KeyFn;
  /** emit this side's unmatched tuples with NULLs (LEFT for the left side, RIGHT for the right, FULL both) */
  readonly outer: boolean;
}

export interface JoinSpec {
  readonly left: JoinSideSpec;
  readonly right: JoinSideSpec;
  /** the rest of the condition, over the combined row */
  readonly condition?: (combined: Row) => boolean;
  readonly project: (combined: Row) => Row;
  /** ON-field windows close on watermarks (the fields carry event time); else on the values seen */
  readonly watermarkDriven: boolean;
}

interface Entry {
  readonly row: Row;
  /** the equality key (null never matches) */
  readonly key: unknown;
  readonly ts: number;
  readonly arrival: number;
  matched: boolean;
  dead: boolean;
}

/** Start of the oldest aligned window containing t: tuples before it are out of the window. */
function low(w: { size: number; advance: number; offset: number }, t: number): number {
  return (Math.floor((t - w.offset - w.size) / w.advance) + 1) * w.advance + w.offset;
}

/** TUPLES: the first position still in the window once `count` tuples have arrived. */
function lowPosition(w: { size: number; advance: number }, count: number): number {
  return Math.max(0, (Math.floor((count - 1 - w.size) / w.advance) + 1) * w.advance);
}

interface Bucket {
  entries: Entry[];
  dead: number;
}

class Fifo {
  items: Entry[] = [];
  head = 0;
  get length(): number {
    return this.items.length - this.head;
  }
  push(e: Entry): void {
    this.items.push(e);
  }
  peek(): Entry | undefined {
    return this.items[this.head];
  }
  shift(): Entry | undefined {
    const e = this.items[this.head++];
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return e;
  }
  *[Symbol.iterator](): Iterator<Entry> {
    for (let i = this.head; i < this.items.length; i++) yield this.items[i]!;
  }
}

/**
 * One side's window. The hash index on the equality key is built lazily: a
 * side that is probed rarely (the big side of q7, probed once per window by
 * the maximum) is scanned instead, which costs far less than indexing every
 * tuple; once scans cost more than a few times the inserts, the index is
 * built and kept from then on.
 */
class Side {
  private index: Map<unknown, Bucket> | undefined;
  readonly all = new Fifo();
  readonly partitions = new Map<unknown, { q: Fifo; count: number }>();
  maxTs = -Infinity;
  private inserted = 0;
  private scanned = 0;

  constructor(readonly spec: JoinSideSpec) {}

  insert(e: Entry, evicted: (e: Entry) => void): void {
    this.all.push(e);
    this.inserted++;
    if (this.index !== undefined && e.key !== null) this.indexEntry(this.index, e);
    const w = this.spec.window;
    if (w.kind === 'tuples') {
      const pk = w.partitionBy(e.row);
      let part = this.partitions.get(pk);
      if (part === undefined) {
        part = { q: new Fifo(), count: 0 };
        this.partitions.set(pk, part);
      }
      part.q.push(e);
      part.count++;
      // positions before the oldest window containing the newest tuple leave
      const first = lowPosition(w, part.count);
      while (part.q.length > part.count - first) this.kill(part.q.shift()!, evicted);
    }
  }

  /** The live window as plain data (checkpoints). */
  exportState(): SideState {
    const entries: SideState['entries'][number][] = [];
    for (const e of this.all) if (!e.dead) entries.push([e.row, e.key, e.ts, e.arrival, e.matched]);
    return { maxTs: this.maxTs, entries, counts: [...this.partitions].map(([pk, p]) => [pk, p.count]) };
  }

  /** Loads an exported window into this (empty) side. */
  importState(s: SideState): void {
    this.maxTs = s.maxTs;
    const w = this.spec.window;
    for (const [row, key, ts, arrival, matched] of s.entries) {
      const e: Entry = { row, key, ts, arrival, matched, dead: false };
      this.all.push(e);
      this.inserted++;
      if (w.kind === 'tuples') {
        const pk = w.partitionBy(row);
        let part = this.partitions.get(pk);
        if (part === undefined) {
          part = { q: new Fifo(), count: 0 };
          this.partitions.set(pk, part);
        }
        part.q.push(e);
      }
    }
    for (const [pk, count] of s.counts) {
      const part = this.partitions.get(pk);
      if (part !== undefined) part.count = count;
      else this.partitions.set(pk, { q: new Fifo(), count });
    }
  }

  /** Live entries that may have `key` (callers still skip dead ones). */
  candidates(key: unknown, keyed: boolean): Iterable<Entry> | readonly Entry[] {
    if (!keyed) return this.all;
    if (key === null) return EMPTY;
    if (this.index === undefined) {
      this.scanned += this.all.length;
      if (this.scanned <= 4 * this.inserted + 10_000) return this.matching(key);
      this.index = new Map();
      for (const e of this.all) if (!e.dead && e.key !== null) this.indexEntry(this.index, e);
    }
    return this.index.get(key)?.entries ?? EMPTY;
  }

  /** Evicts, oldest first, the entries `gone` says have left the window. */
  evictWhile(gone: (e: Entry) => boolean, evicted: (e: Entry) => void): void {
    for (;;) {
      const e = this.all.peek();
      if (e === undefined) return;
      if (e.dead) {
        this.all.shift();
        continue;
      }
      if (!gone(e)) return;
      this.all.shift();
      this.kill(e, evicted);
    }
  }

  drain(evicted: (e: Entry) => void): void {
    for (const e of this.all) if (!e.dead) this.kill(e, evicted);
  }

  private *matching(key: unknown): Iterable<Entry> {
    for (const e of this.all) if (e.key === key) yield e;
  }

  private indexEntry(index: Map<unknown, Bucket>, e: Entry): void {
    let b = index.get(e.key);
    if (b === undefined) {
      b = { entries: [], dead: 0 };
      index.set(e.key, b);
    }
    b.entries.push(e);
  }

  private kill(e: Entry, evicted: (e: Entry) => void): void {
    if (e.dead) return;
    e.dead = true;
    evicted(e);
    const b = this.index === undefined || e.key === null ? undefined : this.index.get(e.key);
    if (b === undefined) return;
    b.dead++;
    if (b.dead === b.entries.length) this.index!.delete(e.key);
    else if (b.dead > 16 && b.dead * 2 > b.entries.length) {
      b.entries = b.entries.filter((x) => !x.dead);
      b.dead = 0;
    }
  }
}

const EMPTY: readonly Entry[] = [];

/** A side's checkpointed window: live entries [row, key, ts, arrival, matched] oldest first, TUPLES counts per partition. */
export interface SideState {
  readonly maxTs: number;
  readonly entries: readonly (readonly [Row, unknown, number, number, boolean])[];
  readonly counts: readonly (readonly [unknown, number])[];
}

export class JoinBolt implements Bolt {
  private ctx!: BoltContext;
  private out!: Collector;
  private readonly sides: [Side, Side];
  private buffer: Row[] = [];
  private readonly nulls: [Value[], Value[]];

  constructor(private readonly spec: JoinSpec) {
    this.sides = [new Side(spec.left), new Side(spec.right)];
    this.nulls = [new Array<Value>(spec.left.width).fill(null), new Array<Value>(spec.right.width).fill(null)];
  }

  prepare(ctx: BoltContext, out: Collector): void {
    this.ctx = ctx;
    this.out = out;
  }

  /** Both sides' windows, for a checkpoint. */
  snapshot(): { sides: [SideState, SideState] } {
    return { sides: [this.sides[0].exportState(), this.sides[1].exportState()] };
  }

  restore(state: unknown): void {
    const s = state as { sides: [SideState, SideState] };
    this.sides[0].importState(s.sides[0]);
    this.sides[1].importState(s.sides[1]);
  }

  execute(rows: Row[], port: number): void {
    const me = this.sides[port]!;
    const other = this.sides[1 - port]!;
    const now = this.ctx.clock.now();
    this.evictTime(now);
    const w = me.spec.window;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      try {
        const ts = w.kind === 'field' ? (row[w.field] as number | null) ?? -Infinity : now;
        if (w.kind === 'field' && ts > me.maxTs) me.maxTs = ts;
        const key = me.spec.key === undefined ? '' : me.spec.key(row);
        const e: Entry = { row, key, ts, arrival: now, matched: false, dead: false };
        this.probe(e, port, other);
        me.insert(e, this.onEvict(port));
      } catch (err) {
        this.out.error(err, row);
      }
    }
    if (!this.spec.watermarkDriven) this.evictByField(Math.min(this.sides[0].maxTs, this.sides[1].maxTs));
    this.flush();
  }

  onWatermark(time: number): void {
    if (!this.spec.watermarkDriven) return;
    this.evictByField(time);
    this.flush();
  }

  onEnd(reason: EndReason): void {
    if (reason === 'stopped') return;
    this.sides[0].drain(this.onEvict(0));
    this.sides[1].drain(this.onEvict(1));
    this.flush();
  }

  private probe(e: Entry, port: number, other: Side): void {
    const meSpec = port === 0 ? this.spec.left : this.spec.right;
    const ow = other.spec.window;
    const mw = meSpec.window;
    const cond = this.spec.condition;
    for (const c of other.candidates(e.key, meSpec.key !== undefined)) {
      if (c.dead) continue;
      if (ow.kind === 'field') {
        // the earlier tuple must be inside its side's window at the later one's time
        if (mw.kind === 'field') {
          if (c.ts <= e.ts ? c.ts < low(ow, e.ts) : e.ts < low(mw, c.ts)) continue;
        } else if (c.ts < low(ow, other.maxTs)) continue;
      } else if (ow.kind === 'time' && c.arrival < low(ow, e.arrival)) continue;
      const combined = port === 0 ? e.row.concat(c.row) : c.row.concat(e.row);
      if (cond !== undefined && !cond(combined)) continue;
      e.matched = true;
      c.matched = true;
      this.buffer.push(this.spec.project(combined));
    }
  }

  private onEvict(port: number): (e: Entry) => void {
    const side = port === 0 ? this.spec.left : this.spec.right;
    if (!side.outer) return () => undefined;
    return (e) => {
      if (e.matched) return;
      const combined = port === 0 ? e.row.concat(this.nulls[1]) : this.nulls[0].concat(e.row);
      try {
        this.buffer.push(this.spec.project(combined));
      } catch (err) {
        this.out.error(err, e.row);
      }
    };
  }

  private evictTime(now: number): void {
    for (let p = 0; p < 2; p++) {
      const s = this.sides[p]!;
      const w = s.spec.window;
      if (w.kind === 'time') s.evictWhile((e) => e.arrival < low(w, now), this.onEvict(p));
    }
  }

  /** ON-field sides: tuples before the oldest window open at event time t can match nothing any more. */
  private evictByField(t: number): void {
    if (t === -Infinity) return;
    for (let p = 0; p < 2; p++) {
      const s = this.sides[p]!;
      const w = s.spec.window;
      if (w.kind === 'field') s.evictWhile((e) => e.ts < low(w, t), this.onEvict(p));
    }
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    const rows = this.buffer;
    this.buffer = [];
    this.out.emit(rows);
  }
}
