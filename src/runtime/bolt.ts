/**
 * The bolt contract (Storm's IBasicBolt, batch-at-a-time): `prepare` once per
 * task, `execute` per batch, `cleanup` at the end. Acking is done for the
 * bolt by its task (runtime/task.ts): a batch is acked when `execute`
 * returns, or when the promise it returns resolves (sinks writing
 * asynchronously). A bolt that holds tuples (windows, joins) acks on receipt;
 * its state is covered by checkpoints (barriers), not by the ack tree.
 *
 * A bolt never throws for one bad tuple: it reports the tuple on the error
 * stream (`out.error`) and carries on.
 */
import type { Clock } from './clock.js';
import type { ErrorStream } from './errors.js';
import type { Row } from './message.js';

export interface Collector {
  /** Sends a batch to every outgoing edge (routed by each edge's grouping). Empty batches are dropped. */
  emit(rows: Row[]): void;
  /** Reports one tuple's failure on the error stream; the query carries on. */
  error(err: unknown, row?: Row): void;
}

export interface BoltContext {
  readonly component: string;
  readonly query: string;
  readonly task: number;
  readonly tasks: number;
  readonly clock: Clock;
  readonly errors: ErrorStream;
  readonly metrics: RunMetrics;
  /** Current event time of this task's input: the minimum over its input channels. */
  eventTime(): number;
}

export type EndReason = 'exhausted' | 'stopped';

export interface Bolt {
  prepare(ctx: BoltContext, out: Collector): void;
  /** A batch arrived on input `port` (0 for single-input bolts; 0 = left, 1 = right for joins). */
  execute(rows: Row[], port: number): void | Promise<void>;
  /** Event time (min over every input) moved to `time`; windows that end at or before it close here. */
  onWatermark?(time: number): void;
  /** A checkpoint barrier arrived on every input. */
  onBarrier?(id: number): void;
  /**
   * Every input ended. `exhausted`: close and emit everything still open.
   * `stopped`: emit nothing partial, only flush what is complete.
   */
  onEnd?(reason: EndReason): void | Promise<void>;
  cleanup?(): void;
  /**
   * The task's state as plain data (arrays, objects, primitives), taken
   * between two batches for a checkpoint; stateless bolts leave it out.
   */
  snapshot?(): unknown;
  /** Puts back a snapshot after `prepare`, before any input arrives (a restart from a checkpoint). */
  restore?(state: unknown): void;
}

/** Counters shared by one run (progress line and end-of-run summary). */
export interface RunMetrics {
  eventsIn: number;
  rowsOut: number;
}

export function newRunMetrics(): RunMetrics {
  return { eventsIn: 0, rowsOut: 0 };
}
