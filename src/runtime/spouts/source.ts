/**
 * The source abstraction behind every spout. A source has one task per
 * partition (a file, a generator partition, a topic partition); each task
 * reads through a SourceReader. File and generator sources live in
 * src/connectors/; a log source reads topic partitions through the `Log`
 * seam and uses ack/fail to commit offsets below the lowest unacked batch
 * and to replay.
 */
import type { Clock } from '../clock.js';
import type { ErrorStream } from '../errors.js';
import type { Layout } from '../layout.js';
import type { Row } from '../message.js';

export interface SourceBatch {
  readonly rows: Row[];
  /** where the batch came from (e.g. offsets), handed back on ack/fail */
  readonly position?: unknown;
}

export interface SourceContext {
  readonly component: string;
  readonly clock: Clock;
  readonly errors: ErrorStream;
  /** aborted when the run stops; a reader waiting for data returns promptly */
  readonly signal: AbortSignal;
}

export interface SourceReader {
  /**
   * The next batch of at most `maxRows` rows; `null` once a bounded input is
   * exhausted; an empty batch when nothing is available right now.
   */
  next(maxRows: number): SourceBatch | null | Promise<SourceBatch | null>;
  /** The batch's whole tuple tree was processed (readers that can replay). */
  ack?(batch: SourceBatch): void;
  /** The batch failed or timed out: deliver it again. */
  fail?(batch: SourceBatch): void;
  close(): void | Promise<void>;
}

export interface Source {
  /** what the source reads, for EXPLAIN (`file orders.csv`, `generator nexmark/bid`) */
  readonly description: string;
  readonly layout: Layout;
  /** one task per partition or file */
  readonly partitions: number;
  readonly bounded: boolean;
  /** position of the event-time field (TIMESTAMP), if the stream declares one */
  readonly timestampField?: number;
  /** a partition idle this long stops holding event time back (ms) */
  readonly idleTimeoutMs?: number;
  open(partition: number, ctx: SourceContext): SourceReader;
}
