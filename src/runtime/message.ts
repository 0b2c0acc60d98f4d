/**
 * The one thing that flows between tasks (RisingWave's `Message`, Storm's
 * tuple): a batch of rows, event-time progress, a checkpoint barrier, or the
 * end of the input.
 *
 * Rows are positional arrays whose meaning comes from a compiled layout
 * (`runtime/layout.ts`): field i of a stream is `row[i]`. Tuples travel in
 * BATCHES, one emission per batch, so per-emission overhead (RxJS `next`,
 * routing, watermark bookkeeping) is paid once per batch, not once per row.
 * Rows are immutable once emitted: an `all` grouping hands the same array to
 * every task, and bolts never write into a row they received.
 */

import type { Value } from '../sql/types.js';

/** A SQL value (src/sql/types.ts): `long` and `timestamp` (ms since the epoch) are JS numbers in the safe-integer range. */
export type { Value };
export type Row = Value[];

/** Ack bookkeeping carried by a batch that descends from an acked spout batch (see runtime/acker.ts). */
export interface Anchor {
  /** id of the spout batch whose tree this batch belongs to */
  readonly root: number;
  /** this batch's own id, XORed into the root's ack value on emit and again on ack */
  readonly id: number;
}

export interface TupleBatch {
  readonly kind: 'tuples';
  readonly rows: Row[];
  readonly anchor?: Anchor;
}

/**
 * Event time has reached `time` on this channel: the sender will deliver no
 * more tuples it considers on time below it. `idle` marks a channel that has
 * delivered nothing for longer than the idle timeout: it stops holding the
 * minimum back until it delivers again. `+Infinity` = the input has ended.
 */
export interface Watermark {
  readonly kind: 'watermark';
  readonly time: number;
  readonly idle?: boolean;
}

/** A checkpoint barrier, in band with the data (state and offsets are snapshotted when it passes). */
export interface Barrier {
  readonly kind: 'barrier';
  readonly id: number;
}

/**
 * No more messages on this channel. `exhausted`: a bounded input was fully
 * read, so every open window closes and emits. `stopped`: the run was
 * interrupted; operators emit nothing partial and only flush what is complete.
 */
export interface End {
  readonly kind: 'end';
  readonly reason: 'exhausted' | 'stopped';
}

export type Message = TupleBatch | Watermark | Barrier | End;

export function tuples(rows: Row[], anchor?: Anchor): TupleBatch {
  return anchor === undefined ? { kind: 'tuples', rows } : { kind: 'tuples', rows, anchor };
}

export function watermark(time: number, idle = false): Watermark {
  return idle ? { kind: 'watermark', time, idle } : { kind: 'watermark', time };
}

export const END_EXHAUSTED: End = Object.freeze({ kind: 'end', reason: 'exhausted' });
export const END_STOPPED: End = Object.freeze({ kind: 'end', reason: 'stopped' });
