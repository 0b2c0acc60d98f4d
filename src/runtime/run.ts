/**
 * Builds the RxJS graph of a topology and runs it: one task per component
 * instance, outlets routed by each edge's grouping, spouts pumped by the
 * driver. Queries of one file form one graph, so they share their spouts.
 */
import { Acker } from './acker.js';
import type { Bolt, RunMetrics } from './bolt.js';
import { newRunMetrics } from './bolt.js';
import { systemClock, type Clock } from './clock.js';
import { CollectingErrorStream, type ErrorStream } from './errors.js';
import { makeRouter, type Grouping } from './groupings.js';
import { pumpIndependent, pumpMerged, type DriverOptions } from './spouts/driver.js';
import type { Source } from './spouts/source.js';
import { SpoutTask } from './spouts/spout-task.js';
import { BoltTask, type Emitter } from './task.js';

export interface SpoutComponent {
  readonly id: string;
  readonly source: Source;
}

export interface BoltInput {
  /** id of the upstream spout or bolt */
  readonly from: string;
  readonly grouping: Grouping;
  /** which input of the bolt (0, or 0/1 = left/right for joins) */
  readonly port: number;
}

export interface BoltComponent {
  readonly id: string;
  readonly query: string;
  readonly parallelism: number;
  readonly inputs: readonly BoltInput[];
  create(task: number): Bolt;
}

export interface RunnableTopology {
  readonly spouts: readonly SpoutComponent[];
  readonly bolts: readonly BoltComponent[];
}

export interface RunOptions {
  readonly clock?: Clock;
  readonly errors?: ErrorStream;
  /** rows per spout batch (default 1024) */
  readonly batchSize?: number;
  /** batches in flight per replayable spout task (default 64) */
  readonly maxSpoutPending?: number;
  readonly ackTimeoutMs?: number;
  /** bolt states to start from (a checkpoint): component id → one state per task, as `snapshot()` returned them */
  readonly restore?: ReadonlyMap<string, readonly unknown[]>;
}

export interface RunSummary {
  readonly metrics: RunMetrics;
  readonly stopped: boolean;
}

export interface RunHandle {
  readonly metrics: RunMetrics;
  readonly errors: ErrorStream;
  /** Resolves when every bounded input is consumed and every output flushed, or after stop(). */
  readonly done: Promise<RunSummary>;
  /** Stops reading; outputs are flushed, partial windows are not emitted. */
  stop(): void;
  /**
   * Every stateful bolt task's state (component id → per task). Taken
   * synchronously between two batches, it is a consistent cut: each batch a
   * spout has handed out is fully reflected in it.
   */
  snapshot(): Map<string, unknown[]>;
}

export function runTopology(topology: RunnableTopology, options: RunOptions = {}): RunHandle {
  const clock = options.clock ?? systemClock;
  const errors = options.errors ?? new CollectingErrorStream();
  const metrics = newRunMetrics();
  const acker = new Acker(clock, options.ackTimeoutMs);
  const abort = new AbortController();
  const env = { clock, errors, metrics, acker };

  const ids = new Set<string>();
  for (const c of [...topology.spouts, ...topology.bolts]) {
    if (ids.has(c.id)) throw new Error(`duplicate component id ${c.id}`);
    ids.add(c.id);
  }

  // spout tasks
  const emitters = new Map<string, Emitter[]>();
  const spoutTasks: SpoutTask[] = [];
  for (const s of topology.spouts) {
    const tasks: SpoutTask[] = [];
    for (let p = 0; p < s.source.partitions; p++) {
      const t = new SpoutTask(s.id, s.source, p, spoutTasks.length, acker, clock, metrics);
      tasks.push(t);
      spoutTasks.push(t);
    }
    emitters.set(
      s.id,
      tasks.map((t) => t.emitter),
    );
  }

  // bolt tasks: channels are numbered input by input, upstream task by upstream task
  const parallelismOf = (id: string): number => {
    const s = topology.spouts.find((x) => x.id === id);
    if (s !== undefined) return s.source.partitions;
    const b = topology.bolts.find((x) => x.id === id);
    if (b === undefined) throw new Error(`unknown component ${id}`);
    return b.parallelism;
  };
  const boltTasks = new Map<string, BoltTask[]>();
  for (const b of topology.bolts) {
    const ports: number[] = [];
    for (const inp of b.inputs) for (let u = 0; u < parallelismOf(inp.from); u++) ports.push(inp.port);
    const tasks: BoltTask[] = [];
    for (let i = 0; i < b.parallelism; i++) {
      tasks.push(new BoltTask(b.id, b.query, i, b.parallelism, b.create(i), ports, env));
    }
    boltTasks.set(b.id, tasks);
    emitters.set(
      b.id,
      tasks.map((t) => t.emitter),
    );
  }
  for (const b of topology.bolts) {
    let base = 0;
    const targets = boltTasks.get(b.id)!;
    for (const inp of b.inputs) {
      const ups = emitters.get(inp.from);
      if (ups === undefined) throw new Error(`bolt ${b.id} reads unknown component ${inp.from}`);
      for (const e of ups) {
        e.outlets.push({ router: makeRouter(inp.grouping, targets.length, ups.length), targets, channelBase: base });
      }
      base += ups.length;
    }
  }

  const all = [...boltTasks.values()].flat();
  for (const t of all) t.start();
  if (options.restore !== undefined) {
    for (const [id, states] of options.restore) {
      const tasks = boltTasks.get(id);
      if (tasks === undefined || tasks.length !== states.length) throw new Error(`checkpoint does not fit component ${id}`);
      tasks.forEach((t, i) => {
        if (states[i] !== undefined) t.restore(states[i]);
      });
    }
  }

  const ctxFor = (t: SpoutTask) => ({ component: t.component, clock, errors, signal: abort.signal });
  for (const t of spoutTasks) t.reader = t.source.open(t.index, ctxFor(t));
  for (const t of spoutTasks) t.begin();

  const drive: DriverOptions = {
    batchSize: options.batchSize ?? 1024,
    maxSpoutPending: options.maxSpoutPending ?? 64,
    signal: abort.signal,
    acker,
  };
  // bounded inputs without event time are reference data (tables, mappings): read them completely first
  const reference = spoutTasks.filter((t) => t.source.bounded && t.source.timestampField === undefined);
  const merged = spoutTasks.filter((t) => t.source.bounded && t.source.timestampField !== undefined);
  const independent = spoutTasks.filter((t) => !t.source.bounded);

  // message timeouts: a tree not complete in time is failed (its spout replays it), also when the spout is not blocked
  const expiry = setInterval(() => acker.expire(), Math.min(1000, Math.max(10, (options.ackTimeoutMs ?? 30_000) / 4)));
  expiry.unref?.();

  const done = (async (): Promise<RunSummary> => {
    try {
      try {
        await Promise.all(reference.map((t) => pumpIndependent(t, drive)));
        const pumps: Promise<void>[] = independent.map((t) => pumpIndependent(t, drive));
        if (merged.length > 0) pumps.push(pumpMerged(merged, drive));
        await Promise.all(pumps);
      } finally {
        for (const t of spoutTasks) await t.reader.close();
      }
      await Promise.all(all.map((t) => t.whenDone()));
    } finally {
      clearInterval(expiry);
    }
    return { metrics, stopped: abort.signal.aborted };
  })();

  const snapshot = (): Map<string, unknown[]> => {
    const out = new Map<string, unknown[]>();
    for (const [id, tasks] of boltTasks) {
      const states = tasks.map((t) => t.snapshot());
      if (states.some((x) => x !== undefined)) out.set(id, states);
    }
    return out;
  };

  return { metrics, errors, done, stop: () => abort.abort(), snapshot };
}
