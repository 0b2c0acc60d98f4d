/**
 * Writes a query's output rows to the topic its output stream is bound to,
 * through the `Log` seam. Rows are split by partition exactly as Kafka's
 * default partitioner would split them (murmur2 over the KEY field's
 * serialized bytes; rows without a key go round-robin, one partition per
 * write, like Kafka's sticky partitioner), encoded in the stream's FORMAT and
 * appended as one record batch v2 per partition, durably (acks = -1), so any
 * Kafka consumer reads them.
 *
 * Appends are issued at once (the Log seam keeps one partition's appends in
 * call order: EmbeddedLog assigns offsets when called, KafkaLog sends through
 * one idempotent producer); `write` resolves when its appends are durable
 * (the runtime acks the tuple tree then). `flushPoint` gives, per partition,
 * the offset after the last record of every write issued so far, once all of
 * them are durable: the checkpoint records it so a restart knows which
 * outputs came after the checkpoint (see output-dedup.ts).
 */
import type { Acks, Log } from '../../log/log.js';
import { murmur2, toPositive } from '../../runtime/murmur2.js';
import type { RowSink } from '../../runtime/bolts/sink.js';
import type { Row } from '../../runtime/message.js';
import { BatchBuilder } from './batch-builder.js';
import { fingerprint, OutputDedup, QUERY_HEADER } from './output-dedup.js';
import type { RecordKeyEncoder, RowEncoder } from './row-codec.js';

export interface LogSinkOptions {
  readonly log: Log;
  readonly stream: string;
  readonly topic: string;
  readonly partitions: number;
  readonly encode: RowEncoder;
  readonly keys: RecordKeyEncoder;
  /** the event-time field: its value becomes the record timestamp (else the append time) */
  readonly timestampField?: number;
  /** the writing query: every record carries it in a `gale.query` header */
  readonly query?: string;
  /** records already written before a restart, dropped once each when written again */
  readonly dedup?: OutputDedup;
  /** per partition: where this sink's output starts (the high watermark when it was created) */
  readonly startEnds: readonly bigint[];
  readonly acks?: Acks;
  /** an append failed (the query rolls back; rows emitted on a watermark have no tuple tree to fail) */
  readonly onError?: (err: unknown) => void;
}

export class LogSink implements RowSink {
  readonly description: string;
  /** per partition: resolves to the offset after the last record of the latest write */
  private readonly tails: Promise<bigint>[];
  private readonly builders: BatchBuilder[];
  private rr = 0;
  private closed = false;
  /** records appended and records dropped as replays */
  written = 0;
  skipped = 0;

  constructor(private readonly o: LogSinkOptions) {
    this.description = `topic ${o.topic}`;
    if (o.startEnds.length !== o.partitions) throw new RangeError('one start offset per output partition');
    this.tails = o.startEnds.map((e) => Promise.resolve(e));
    const header = o.query === undefined ? undefined : { key: QUERY_HEADER, value: Buffer.from(o.query, 'utf8') };
    this.builders = Array.from({ length: o.partitions }, () => new BatchBuilder(header));
  }

  get topic(): string {
    return this.o.topic;
  }

  write(rows: Row[]): Promise<void> | void {
    if (rows.length === 0) return;
    if (this.closed) throw new Error(`sink for ${this.o.topic} is closed`);
    const n = this.o.partitions;
    const keys = this.o.keys;
    const ts = this.o.timestampField;
    const now = Date.now();
    const sticky = this.rr++ % n;
    const dedup = this.o.dedup;
    const builders = this.builders;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const len = keys.encode(row);
      const p = len < 0 ? sticky : toPositive(murmur2(keys.bytes, 0, len)) % n;
      const value = this.o.encode(row);
      if (dedup !== undefined && dedup.active(p)) {
        const kb = len < 0 ? null : keys.bytes.subarray(0, len);
        if (dedup.take(p, fingerprint(kb, Buffer.from(value, 'utf8')))) {
          this.skipped++;
          continue;
        }
      }
      const t = ts === undefined ? now : row[ts];
      builders[p]!.add(len < 0 ? null : keys.stored(row, len), value, typeof t === 'number' && Number.isFinite(t) ? t : now);
    }
    const waits: Promise<bigint>[] = [];
    for (let p = 0; p < n; p++) {
      const b = builders[p]!;
      if (b.size === 0) continue;
      this.written += b.size;
      const batch = b.finish();
      const tp = { topic: this.o.topic, partition: p };
      // not chained: the log orders one partition's appends as they are called, and group-commits
      // their fsyncs, so many batches are in flight at once
      const appended = this.o.log.append(tp, batch, { acks: this.o.acks ?? -1 }).then(
        (r) => r.lastOffset + 1n,
        (err: unknown) => {
          this.o.onError?.(err);
          throw err;
        },
      );
      // the tail settles once this append and every earlier one did; a failure sticks to it
      const tail = Promise.all([this.tails[p]!, appended]).then(([, end]) => end);
      tail.catch(() => undefined);
      this.tails[p] = tail;
      waits.push(appended);
    }
    if (waits.length === 0) return;
    return Promise.all(waits).then(() => undefined);
  }

  /**
   * Per partition: the offset after this sink's last record of every write
   * issued before the call (the start offset where it wrote nothing).
   * Rejects if one of those appends failed.
   */
  flushPoint(): Promise<bigint[]> {
    return Promise.all([...this.tails]);
  }

  /** Replayed records still expected (saved with a checkpoint taken at the same cut). */
  dedupRemaining(): Record<string, Record<string, number>> {
    return this.o.dedup?.remaining() ?? {};
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled(this.tails);
  }
}
