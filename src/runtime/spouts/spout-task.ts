/**
 * One spout task: a SourceReader for one partition, plus what the task
 * promises downstream about event time (its watermark = the largest
 * event-time value it has delivered) and, for replayable sources, the ack
 * tree of each batch it emits.
 */
import { Acker } from '../acker.js';
import type { RunMetrics } from '../bolt.js';
import type { Clock } from '../clock.js';
import { END_EXHAUSTED, END_STOPPED, watermark } from '../message.js';
import type { Row } from '../message.js';
import { Emitter } from '../task.js';
import type { Source, SourceBatch, SourceReader } from './source.js';

export class SpoutTask {
  readonly emitter: Emitter;
  reader!: SourceReader;
  /** largest event-time value delivered so far */
  maxTs = -Infinity;
  private sentTs = -Infinity;
  lastActive: number;
  idle = false;
  ended = false;

  constructor(
    readonly component: string,
    readonly source: Source,
    readonly index: number,
    /** globally unique task number (for the acker's per-task pending counts) */
    readonly globalId: number,
    private readonly acker: Acker,
    private readonly clock: Clock,
    private readonly metrics: RunMetrics,
  ) {
    this.emitter = new Emitter(index, acker);
    this.lastActive = clock.now();
  }

  get tsField(): number | undefined {
    return this.source.timestampField;
  }

  /** Announces, before any data, that a source without event time never holds event time back. */
  begin(): void {
    if (this.source.timestampField === undefined) this.emitter.broadcast(watermark(Infinity));
  }

  /** Emits rows (a whole batch or a run of one) and, if the batch is replayable, tracks its tree. */
  emit(rows: Row[], batch: SourceBatch | undefined): void {
    if (rows.length === 0) return;
    this.metrics.eventsIn += rows.length;
    this.lastActive = this.clock.now();
    this.idle = false;
    const ts = this.source.timestampField;
    if (ts !== undefined) {
      let m = this.maxTs;
      for (let i = 0; i < rows.length; i++) {
        const v = rows[i]![ts];
        if (typeof v === 'number' && v > m) m = v;
      }
      this.maxTs = m;
    }
    const reader = this.reader;
    if (batch !== undefined && reader.ack !== undefined) {
      const root = Acker.newId();
      const first = Acker.newId();
      this.acker.init(root, first, {
        task: this.globalId,
        onComplete: () => reader.ack?.(batch),
        onFail: () => reader.fail?.(batch),
      });
      this.emitter.emitRows(rows, { root, id: first });
      this.acker.xor(root, first);
    } else {
      this.emitter.emitRows(rows, undefined);
    }
  }

  /** Sends the task's watermark if it moved (or `to`, when the merge knows more). */
  flushWatermark(to = this.maxTs): void {
    if (this.source.timestampField === undefined) return;
    const t = Math.max(to, this.maxTs);
    if (t > this.sentTs) {
      this.sentTs = t;
      this.emitter.broadcast(watermark(t));
    }
  }

  /** Marks the task idle once it has delivered nothing for the idle timeout. */
  checkIdle(): void {
    const timeout = this.source.idleTimeoutMs;
    if (timeout === undefined || this.idle || this.source.timestampField === undefined) return;
    if (this.clock.now() - this.lastActive >= timeout) {
      this.idle = true;
      this.emitter.broadcast(watermark(this.maxTs, true));
    }
  }

  end(reason: 'exhausted' | 'stopped'): void {
    if (this.ended) return;
    this.ended = true;
    if (reason === 'exhausted' && this.source.timestampField !== undefined) {
      this.emitter.broadcast(watermark(Infinity));
    }
    this.emitter.broadcast(reason === 'stopped' ? END_STOPPED : END_EXHAUSTED);
  }
}
