/**
 * Pattern: `FROM PATTERN A AS a THEN B AS b ... WITHIN ... WHERE ...` as a
 * state machine per partial match.
 *
 * The planner expands the pattern into paths: sequences of steps over the
 * pattern's inputs (THEN concatenates, OR offers alternatives, AND both
 * orders), where a NOT step is a guard ("no such tuple in between", or after
 * the last positive step: "none before the WITHIN span ends"). Port i
 * carries input i's tuples.
 *
 * Every tuple (1) kills partial matches it is a guard for, (2) extends every
 * live partial match waiting for its input — the old partial match stays, so
 * every combination matches ("skip till any match") — and (3) starts new
 * partial matches. WHERE conjuncts are checked as soon as the inputs they
 * read are bound, which prunes early. A match must fit in WITHIN (field
 * values or processing time from its first tuple); partial matches that can
 * no longer fit are dropped, so state stays bounded; on top, each key keeps
 * at most `maxPartialMatches` (the oldest go, with an error-stream entry).
 * When the WHERE links every input by one equality key, state is kept per
 * key and the planner may run the bolt on several tasks.
 */
import type { Bolt, BoltContext, Collector, EndReason } from '../bolt.js';
import type { Cancel } from '../clock.js';
import { RowError } from '../errors.js';
import type { KeyFn } from '../keys.js';
import type { Row, Value } from '../message.js';

export interface PatternStep {
  readonly input: number;
  readonly negated: boolean;
}

export interface PatternConjunct {
  readonly inputs: readonly number[];
  readonly test: (combined: Row) => boolean;
}

export type PatternWithin =
  | { readonly kind: 'field'; readonly amount: number; readonly fields: readonly number[]; readonly watermarkDriven: boolean }
  | { readonly kind: 'time'; readonly ms: number };

export interface PatternSpec {
  readonly widths: readonly number[];
  /** per input port (one per stream), the pattern inputs it feeds */
  readonly portInputs: readonly (readonly number[])[];
  readonly paths: readonly (readonly PatternStep[])[];
  readonly within: PatternWithin;
  readonly conjuncts: readonly PatternConjunct[];
  /** per input: the key every input shares through WHERE equalities */
  readonly partitionKeys?: readonly KeyFn[];
  readonly project: (combined: Row) => Row;
  readonly maxPartialMatches?: number;
}

interface Partial {
  readonly path: number;
  /** index of the next step to look at */
  readonly pos: number;
  readonly rows: readonly (Row | undefined)[];
  readonly first: number;
  dead: boolean;
  /** every positive step matched; waiting for the WITHIN span to end with no guard tuple */
  readonly complete: boolean;
}

interface PlanStep extends PatternStep {
  /** conjuncts that become checkable when this step binds (or, for a guard, when it would) */
  readonly checks: readonly PatternConjunct[];
}

export class PatternBolt implements Bolt {
  private ctx!: BoltContext;
  private out!: Collector;
  private readonly plans: PlanStep[][];
  private readonly offsets: number[];
  private readonly width: number;
  private readonly states = new Map<unknown, Partial[]>();
  private buffer: Row[] = [];
  private maxSeen = -Infinity;
  private timer: Cancel | undefined;
  private readonly limit: number;
  private dropped = 0;

  constructor(private readonly spec: PatternSpec) {
    this.offsets = [];
    let w = 0;
    for (const n of spec.widths) {
      this.offsets.push(w);
      w += n;
    }
    this.width = w;
    this.limit = spec.maxPartialMatches ?? 100_000;
    this.plans = spec.paths.map((steps) => {
      const inPath = new Set(steps.map((s) => s.input));
      const bound = new Set<number>();
      return steps.map((s) => {
        const checks = spec.conjuncts.filter(
          (c) =>
            c.inputs.includes(s.input) &&
            c.inputs.every((i) => inPath.has(i)) &&
            c.inputs.every((i) => i === s.input || bound.has(i)),
        );
        if (!s.negated) bound.add(s.input);
        return { ...s, checks };
      });
    });
  }

  prepare(ctx: BoltContext, out: Collector): void {
    this.ctx = ctx;
    this.out = out;
  }

  /** The partial matches per key, for a checkpoint. */
  snapshot(): { maxSeen: number; states: [unknown, Partial[]][] } {
    const states: [unknown, Partial[]][] = [];
    for (const [k, list] of this.states) {
      const live = list.filter((p) => !p.dead);
      if (live.length > 0) states.push([k, live.map((p) => ({ ...p }))]);
    }
    return { maxSeen: this.maxSeen, states };
  }

  restore(state: unknown): void {
    const s = state as { maxSeen: number; states: [unknown, Partial[]][] };
    this.maxSeen = s.maxSeen;
    for (const [k, list] of s.states) this.states.set(k, list);
    if (this.spec.within.kind === 'time') this.armTimer();
  }

  execute(rows: Row[], port: number): void {
    const within = this.spec.within;
    const inputs = this.spec.portInputs[port] ?? [];
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      try {
        // A tuple of a stream that several templates read plays every role at
        // once: it extends and starts matches first, then kills, as a NOT,
        // only the partial matches that existed before it (so in `a THEN NOT
        // n THEN b` over one stream, the tuple that is b is not "between").
        const roles = inputs.map((input) => {
          const t = within.kind === 'field' ? this.timeOf(row, input) : this.ctx.clock.now();
          const key = this.spec.partitionKeys === undefined ? '' : this.spec.partitionKeys[input]!(row);
          return { input, t, key, before: this.states.get(key)?.length ?? 0 };
        });
        for (const r of roles) if (r.key !== null) this.extend(row, r.input, r.t, r.key, r.before);
        for (const r of roles) if (r.key !== null) this.guard(row, r.input, r.t, r.key, r.before);
        for (const r of roles) {
          const list = r.key === null ? undefined : this.states.get(r.key);
          if (list !== undefined) this.compact(r.key, list);
        }
      } catch (err) {
        this.out.error(err, row);
      }
    }
    if (within.kind === 'field' && !within.watermarkDriven) this.expire(this.maxSeen);
    if (within.kind === 'time') this.armTimer();
    this.flush();
  }

  onWatermark(time: number): void {
    const w = this.spec.within;
    if (w.kind !== 'field' || !w.watermarkDriven) return;
    this.expire(time);
    this.flush();
  }

  onEnd(reason: EndReason): void {
    this.timer?.();
    if (reason === 'stopped') return;
    this.expire(Infinity);
    this.flush();
  }

  private timeOf(row: Row, input: number): number {
    const w = this.spec.within as Extract<PatternWithin, { kind: 'field' }>;
    const v = row[w.fields[input]!];
    if (typeof v !== 'number') throw new RowError('GALE_ERR_RUNTIME_BAD_RECORD', 'NULL in the WITHIN ... ON field');
    if (v > this.maxSeen) this.maxSeen = v;
    return v;
  }

  private span(): number {
    const w = this.spec.within;
    return w.kind === 'field' ? w.amount : w.ms;
  }

  /** Extends the partial matches that existed before this tuple, and starts new ones (a NULL key equals nothing). */
  private extend(row: Row, input: number, t: number, key: unknown, before: number): void {
    let list = this.states.get(key);
    const span = this.span();
    for (let i = 0; i < before; i++) {
      const pm = list![i]!;
      if (pm.dead || pm.complete || t - pm.first > span) continue;
      const steps = this.plans[pm.path]!;
      let p = pm.pos;
      while (p < steps.length && steps[p]!.negated) p++;
      if (p >= steps.length) continue;
      const s = steps[p]!;
      if (s.input !== input || pm.rows.includes(row)) continue;
      if (!this.passes(s.checks, pm.rows, input, row)) continue;
      const rows = pm.rows.slice();
      rows[input] = row;
      this.advance(list!, pm.path, p + 1, rows, pm.first);
    }
    for (let path = 0; path < this.plans.length; path++) {
      const s = this.plans[path]![0]!;
      if (s.input !== input || s.negated) continue;
      const rows = new Array<Row | undefined>(this.spec.widths.length);
      if (!this.passes(s.checks, rows, input, row)) continue;
      rows[input] = row;
      if (list === undefined) {
        list = [];
        this.states.set(key, list);
      }
      this.advance(list, path, 1, rows, t);
    }
  }

  /** A tuple that satisfies a NOT step waiting in a partial match (one that existed before the tuple) ends it. */
  private guard(row: Row, input: number, t: number, key: unknown, before: number): void {
    const list = this.states.get(key);
    if (list === undefined) return;
    const span = this.span();
    for (let i = 0; i < before; i++) {
      const pm = list[i]!;
      if (pm.dead || t - pm.first > span || pm.rows.includes(row)) continue;
      const steps = this.plans[pm.path]!;
      for (let p = pm.pos; p < steps.length && steps[p]!.negated; p++) {
        const g = steps[p]!;
        if (g.input === input && this.passes(g.checks, pm.rows, input, row)) {
          pm.dead = true;
          break;
        }
      }
    }
  }

  /** After binding a step: emit a complete match, or keep the partial match. */
  private advance(list: Partial[], path: number, pos: number, rows: (Row | undefined)[], first: number): void {
    const steps = this.plans[path]!;
    let p = pos;
    while (p < steps.length && steps[p]!.negated) p++;
    if (p >= steps.length && pos >= steps.length) {
      this.emit(rows);
      return;
    }
    list.push({ path, pos, rows, first, dead: false, complete: p >= steps.length });
  }

  private passes(checks: readonly PatternConjunct[], rows: readonly (Row | undefined)[], input: number, row: Row): boolean {
    if (checks.length === 0) return true;
    const combined = this.combine(rows, input, row);
    for (const c of checks) if (!c.test(combined)) return false;
    return true;
  }

  private combine(rows: readonly (Row | undefined)[], input: number, row: Row | undefined): Row {
    const out = new Array<Value>(this.width).fill(null);
    for (let i = 0; i < this.spec.widths.length; i++) {
      const r = i === input ? row : rows[i];
      if (r === undefined) continue;
      const o = this.offsets[i]!;
      for (let f = 0; f < r.length; f++) out[o + f] = r[f]!;
    }
    return out;
  }

  private emit(rows: readonly (Row | undefined)[]): void {
    const combined = this.combine(rows, -1, undefined);
    try {
      this.buffer.push(this.spec.project(combined));
    } catch (err) {
      this.out.error(err, combined);
    }
  }

  /** Drops partial matches whose WITHIN span has passed; complete ones waiting on a trailing NOT are emitted. */
  private expire(now: number): void {
    const span = this.span();
    for (const [key, list] of this.states) {
      for (const pm of list) {
        if (pm.dead || now - pm.first <= span) continue;
        pm.dead = true;
        if (pm.complete) this.emit(pm.rows);
      }
      this.compact(key, list, true);
    }
  }

  private compact(key: unknown, list: Partial[], force = false): void {
    let live = list;
    if (force || list.length > 64) {
      live = list.filter((p) => !p.dead);
      if (live.length !== list.length) {
        if (live.length === 0) this.states.delete(key);
        else this.states.set(key, live);
      }
    }
    if (live.length > this.limit) {
      const drop = live.length - this.limit;
      live.splice(0, drop);
      this.dropped += drop;
      this.out.error(
        new RowError(
          'GALE_ERR_RUNTIME_STATE_LIMIT',
          `pattern state limit: dropped the ${drop} oldest partial matches (over ${this.limit} for one key; ${this.dropped} so far)`,
        ),
      );
    }
  }

  private armTimer(): void {
    if (this.timer !== undefined || this.states.size === 0) return;
    const clock = this.ctx.clock;
    this.timer = clock.schedule(clock.now() + Math.max(1, this.span()), () => {
      this.timer = undefined;
      this.expire(clock.now());
      this.flush();
      this.armTimer();
    });
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    const rows = this.buffer;
    this.buffer = [];
    this.out.emit(rows);
  }
}
