/**
 * A persistent query's life: run its topology over the log, checkpoint it,
 * roll it back when a tuple tree fails, resume it after a restart.
 *
 * The checkpoint protocol (exactly-once results in the output topics):
 *  1. Cut. Between two batches (the runtime pushes each batch through every
 *     bolt synchronously, so any moment on the event loop is between
 *     batches), take in one synchronous step: every log spout task's next
 *     offset, every stateful bolt's state, and every sink's pending-replay
 *     set and the promise of its last append per partition.
 *  2. Flush. Wait until the sinks' appends issued before the cut are durable;
 *     their end offsets are the output side of the cut.
 *  3. Save. Append {input offsets, state, output end offsets, pending replays}
 *     as ONE record to the compacted `__gale_checkpoints` topic (fsynced).
 *  4. Commit. Commit the input offsets to the query's consumer group
 *     (`gale-<query id>`), each at most the spout's lowest unacked offset.
 * Restart (after a crash, a failed or timed-out tree, or a clean stop): load
 * the latest checkpoint, restore the state, seek the spouts to its offsets,
 * and give each sink the records this query wrote after the checkpoint's end
 * offsets (read back from the output topic; they carry a `gale.query`
 * header). Replaying from the checkpoint recomputes those records; the sink
 * drops each one once instead of appending it again. A new query writes a
 * checkpoint before it reads anything, so even a crash before its first
 * periodic checkpoint resumes exactly.
 */
import type { Log } from '../../log/log.js';
import type { LogBatchPosition, LogSource } from '../../connectors/log/log-source.js';
import type { LogSink } from '../../connectors/log/log-sink.js';
import { OutputDedup } from '../../connectors/log/output-dedup.js';
import type { RunHandle, RunnableTopology, RunOptions } from '../../runtime/run.js';
import { runTopology } from '../../runtime/run.js';
import type { CheckpointStore, QueryCheckpoint, SinkCheckpoint } from './checkpoint-store.js';
import { decodeStates, encodeStates } from './state-codec.js';

export interface TopicRef {
  readonly topic: string;
  readonly partitions: number;
}

/** Where a (re)started run begins. */
export interface QueryStart {
  /** input topic → start offset per partition */
  readonly offsets: ReadonlyMap<string, readonly bigint[]>;
  /** output topic → where the sink's own output starts, per partition */
  readonly outputEnds: ReadonlyMap<string, readonly bigint[]>;
  /** output topic → records already written that the replay will recompute */
  readonly dedup: ReadonlyMap<string, OutputDedup>;
  /** the spouts call this when a batch's tree fails or times out */
  readonly onFail: (pos: LogBatchPosition) => void;
  /** the sinks call this when an append fails */
  readonly onSinkError: (err: unknown) => void;
}

/** One run's topology and its log endpoints (built afresh for every run). */
export interface BuiltQuery {
  readonly topology: RunnableTopology;
  readonly sources: readonly LogSource[];
  readonly sinks: readonly LogSink[];
}

export type QueryState = 'starting' | 'running' | 'restarting' | 'stopping' | 'stopped' | 'completed' | 'failed';

export interface PersistentQueryOptions {
  readonly id: string;
  readonly log: Log;
  readonly checkpoints: CheckpointStore;
  /** fingerprint of the plan; a checkpoint of a different plan is not restored */
  readonly plan: string;
  readonly inputs: readonly TopicRef[];
  readonly outputs: readonly TopicRef[];
  /** where inputs start when there is no checkpoint */
  readonly reset: 'earliest' | 'latest';
  readonly build: (start: QueryStart) => BuiltQuery;
  /** ms between checkpoints (default 1000) */
  readonly checkpointIntervalMs?: number;
  readonly run?: Omit<RunOptions, 'restore'>;
  readonly logger?: { info(m: string): void; warn(m: string): void };
  /** every input was bounded (files, generators with EVENTS) and is consumed: the query is done for good */
  readonly onCompleted?: () => void;
}

export function consumerGroupOf(queryId: string): string {
  return `gale-${queryId}`;
}

export class PersistentQuery {
  state: QueryState = 'starting';
  /** why the query failed or last restarted */
  lastError: string | undefined;
  restarts = 0;
  checkpointsTaken = 0;
  /** the current run (after a stop, the stopped run, whose state a final checkpoint saves) */
  private current: { readonly built: BuiltQuery; readonly handle: RunHandle; halted: boolean } | undefined;
  private timer: NodeJS.Timeout | undefined;
  private busy: Promise<unknown> = Promise.resolve();
  private checkpointing = false;
  private statelessWarned = false;
  private seq = 0;
  /** totals over runs before the current one */
  private eventsBefore = 0;
  private rowsBefore = 0;

  constructor(private readonly o: PersistentQueryOptions) {}

  get id(): string {
    return this.o.id;
  }

  get eventsIn(): number {
    const c = this.current;
    return this.eventsBefore + (c === undefined || c.halted ? 0 : c.handle.metrics.eventsIn);
  }

  get rowsOut(): number {
    const c = this.current;
    return this.rowsBefore + (c === undefined || c.halted ? 0 : c.handle.metrics.rowsOut);
  }

  /** Starts from the latest checkpoint (writing a first one for a new query). */
  async start(): Promise<void> {
    let cp = this.o.checkpoints.get(this.o.id);
    if (cp !== undefined && cp.plan !== this.o.plan) {
      this.o.logger?.warn(`query ${this.o.id}: its checkpoint belongs to another plan; starting afresh`);
      cp = undefined;
    }
    if (cp === undefined) cp = await this.initialCheckpoint();
    this.seq = cp.seq;
    await this.runFrom(cp);
    this.state = 'running';
    const every = this.o.checkpointIntervalMs ?? 1000;
    this.timer = setInterval(() => {
      this.checkpoint().catch((err: unknown) => this.o.logger?.warn(`query ${this.o.id}: checkpoint: ${errText(err)}`));
    }, every);
    this.timer.unref?.();
  }

  /** Takes one checkpoint now (no-op while one is in progress or the query is not running). */
  checkpoint(): Promise<QueryCheckpoint | undefined> {
    if (this.checkpointing || this.state !== 'running') return Promise.resolve(undefined);
    return this.serial(() => this.takeCheckpoint());
  }

  /**
   * Stops reading. `checkpoint`: the state reached is saved so a later start
   * resumes exactly there (a clean shutdown). `forget`: the query's
   * checkpoints are removed (TERMINATE). Neither: a later start resumes from
   * the last periodic checkpoint, as after a crash.
   */
  async stop(opts: { checkpoint: boolean; forget?: boolean }): Promise<void> {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    await this.serial(async () => {
      if (this.state === 'stopped') return;
      this.state = 'stopping';
      await this.halt();
      if (opts.checkpoint && this.current !== undefined) {
        try {
          await this.takeCheckpoint(true);
        } catch (err) {
          this.o.logger?.warn(`query ${this.o.id}: final checkpoint failed (${errText(err)}); it resumes from the previous one`);
        }
      }
      this.state = 'stopped';
    });
    if (opts.forget === true) await this.o.checkpoints.remove(this.o.id);
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const p = this.busy.then(fn);
    this.busy = p.catch(() => undefined);
    return p;
  }

  private async initialCheckpoint(): Promise<QueryCheckpoint> {
    const sources: Record<string, string[]> = {};
    for (const inp of this.o.inputs) {
      const offs: string[] = [];
      for (let p = 0; p < inp.partitions; p++) {
        const o = await this.o.log.offsets({ topic: inp.topic, partition: p });
        offs.push(String(this.o.reset === 'earliest' ? o.logStart : o.highWatermark));
      }
      sources[inp.topic] = offs;
    }
    const sinks: Record<string, SinkCheckpoint> = {};
    for (const out of this.o.outputs) {
      const ends: Record<string, string> = {};
      for (let p = 0; p < out.partitions; p++) ends[String(p)] = String((await this.o.log.offsets({ topic: out.topic, partition: p })).highWatermark);
      sinks[out.topic] = { ends, dedup: {} };
    }
    const cp: QueryCheckpoint = { query: this.o.id, seq: 0, time: Date.now(), plan: this.o.plan, sources, sinks };
    await this.o.checkpoints.save(cp);
    return cp;
  }

  /** Builds and runs the topology from a checkpoint. */
  private async runFrom(cp: QueryCheckpoint): Promise<void> {
    const offsets = new Map<string, bigint[]>();
    for (const inp of this.o.inputs) {
      const saved = cp.sources[inp.topic] ?? [];
      const offs: bigint[] = [];
      for (let p = 0; p < inp.partitions; p++) {
        const s = saved[p];
        // a partition added since the checkpoint starts at its beginning
        offs.push(s === undefined ? (await this.o.log.offsets({ topic: inp.topic, partition: p })).logStart : BigInt(s));
      }
      offsets.set(inp.topic, offs);
    }
    const outputEnds = new Map<string, bigint[]>();
    const dedup = new Map<string, OutputDedup>();
    for (const out of this.o.outputs) {
      const saved = cp.sinks[out.topic];
      const d = OutputDedup.fromSaved(saved?.dedup);
      const ends: bigint[] = [];
      for (let p = 0; p < out.partitions; p++) {
        const from = saved?.ends[String(p)];
        if (from === undefined) {
          ends.push((await this.o.log.offsets({ topic: out.topic, partition: p })).highWatermark);
        } else {
          // what this query wrote after the checkpoint is now held in `d`; its own output starts after it
          ends.push(await d.loadTail(this.o.log, out.topic, p, BigInt(from), this.o.id));
        }
      }
      outputEnds.set(out.topic, ends);
      if (d.size > 0) this.o.logger?.info(`query ${this.o.id}: ${d.size} output records written after checkpoint ${cp.seq} will not be written again`);
      dedup.set(out.topic, d);
    }
    const built = this.o.build({
      offsets,
      outputEnds,
      dedup,
      onFail: (pos) => this.failed(pos),
      onSinkError: (err) => {
        if (this.state === 'running') void this.rollback(`an output append failed: ${errText(err)}`);
      },
    });
    const restore = cp.state === undefined ? undefined : decodeStates(Buffer.from(cp.state, 'base64'));
    const handle = runTopology(built.topology, { ...this.o.run, ...(restore === undefined ? {} : { restore }) });
    const run = { built, handle, halted: false };
    this.current = run;
    handle.done.then(
      (summary) => {
        if (this.current !== run || this.state !== 'running' || summary.stopped) return;
        // bounded inputs, all consumed: a last checkpoint, and the query is done (it is not resumed)
        void this.serial(async () => {
          if (this.state !== 'running') return;
          if (this.timer !== undefined) clearInterval(this.timer);
          this.timer = undefined;
          run.halted = true;
          this.eventsBefore += handle.metrics.eventsIn;
          this.rowsBefore += handle.metrics.rowsOut;
          await this.takeCheckpoint(true).catch(() => undefined);
          this.state = 'completed';
          this.o.onCompleted?.();
        });
      },
      (err: unknown) => {
        if (this.current === run && this.state === 'running') void this.rollback(`the run failed: ${errText(err)}`);
      },
    );
  }

  private failed(pos: LogBatchPosition): void {
    if (this.state !== 'running') return;
    void this.rollback(`a batch of partition ${pos.partition} (offsets ${pos.from}..${pos.to - 1n}) failed or timed out`);
  }

  /** Stops the current run and starts again from the latest checkpoint. */
  private rollback(reason: string): Promise<void> {
    if (this.state !== 'running') return Promise.resolve();
    this.state = 'restarting';
    this.lastError = reason;
    this.restarts++;
    this.o.logger?.warn(`query ${this.o.id}: ${reason}; replaying from checkpoint ${this.seq}`);
    return this.serial(async () => {
      await this.halt();
      // back off a little when it keeps failing
      await new Promise((r) => setTimeout(r, Math.min(5000, 50 * 2 ** Math.min(this.restarts, 7))));
      if (this.state !== 'restarting') return;
      const cp = this.o.checkpoints.get(this.o.id);
      if (cp === undefined) throw new Error('no checkpoint to restart from');
      try {
        await this.runFrom(cp);
        this.state = 'running';
      } catch (err) {
        this.state = 'failed';
        this.lastError = errText(err);
        this.o.logger?.warn(`query ${this.o.id}: cannot restart: ${this.lastError}`);
      }
    });
  }

  /** Stops the current run and waits until its outputs are flushed. */
  private async halt(): Promise<void> {
    const c = this.current;
    if (c === undefined || c.halted) return;
    c.handle.stop();
    try {
      await c.handle.done;
    } catch {
      // the run's own failure was already reported
    }
    this.eventsBefore += c.handle.metrics.eventsIn;
    this.rowsBefore += c.handle.metrics.rowsOut;
    c.halted = true;
  }

  private cut(built: BuiltQuery, handle: RunHandle): Cut {
    const positions = built.sources.map((s) => [s.topic, s.positions()] as const);
    let state: string | undefined;
    try {
      const states = handle.snapshot();
      state = states.size === 0 ? undefined : encodeStates(states).toString('base64');
    } catch (err) {
      if (!this.statelessWarned) {
        this.statelessWarned = true;
        this.o.logger?.warn(`query ${this.o.id}: its state cannot be checkpointed (${errText(err)}); checkpoints keep offsets only`);
      }
    }
    const dedup = built.sinks.map((s) => s.dedupRemaining());
    const flushes = built.sinks.map((s) => s.flushPoint());
    // an append failing later is the rollback's business; the checkpoint just does not happen
    for (const f of flushes) f.catch(() => undefined);
    return { positions, state, dedup, flushes };
  }

  private async takeCheckpoint(final = false): Promise<QueryCheckpoint | undefined> {
    const c = this.current;
    if (c === undefined || (c.halted && !final)) return undefined;
    const { built, handle } = c;
    this.checkpointing = true;
    try {
      // 1. the cut: all synchronous, inside its own macrotask. A batch a spout task hands out is
      //    pushed through every bolt in the same microtask run, so between two callbacks of the
      //    event loop no batch is half processed (a live run only; a stopped one is quiet anyway).
      const cut = final ? this.cut(built, handle) : await new Promise<Cut>((resolve) => setImmediate(() => resolve(this.cut(built, handle))));
      const { positions, state, dedup, flushes } = cut;
      // 2. the outputs of everything before the cut are durable
      const ends = await withTimeout(Promise.all(flushes), this.o.run?.ackTimeoutMs ?? 30_000, 'the outputs were not written in time');
      // 3. one atomic record
      const sources: Record<string, string[]> = {};
      for (const [topic, offs] of positions) sources[topic] = offs.map(String);
      const sinks: Record<string, SinkCheckpoint> = {};
      built.sinks.forEach((s, i) => {
        const e: Record<string, string> = {};
        ends[i]!.forEach((off, p) => (e[String(p)] = String(off)));
        sinks[s.topic] = { ends: e, dedup: dedup[i]! };
      });
      const cp: QueryCheckpoint = {
        query: this.o.id,
        seq: this.seq + 1,
        time: Date.now(),
        plan: this.o.plan,
        sources,
        sinks,
        ...(state === undefined ? {} : { state }),
      };
      await this.o.checkpoints.save(cp);
      this.seq = cp.seq;
      this.checkpointsTaken++;
      // 4. offsets to the query's group, never above a tree still in flight
      const commits = positions.flatMap(([topic, offs], i) => {
        const low = built.sources[i]!.committable();
        return offs.map((off, partition) => ({ topic, partition, offset: low[partition]! < off ? low[partition]! : off }));
      });
      if (commits.length > 0) await this.o.log.commitOffsets(consumerGroupOf(this.o.id), commits);
      return cp;
    } catch (err) {
      if (this.state === 'running') void this.rollback(`checkpoint failed: ${errText(err)}`);
      else throw err;
      return undefined;
    } finally {
      this.checkpointing = false;
    }
  }

}

interface Cut {
  readonly positions: (readonly [string, bigint[]])[];
  readonly state: string | undefined;
  readonly dedup: Record<string, Record<string, number>>[];
  readonly flushes: Promise<bigint[]>[];
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(what)), ms);
  });
  return Promise.race([p, limit]).finally(() => clearTimeout(timer));
}

function errText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
