/**
 * A stream bound to a topic, read through the `Log` seam (in-process, no
 * socket): one spout task per partition. Each task reads whole record
 * batches from its position, decodes them (any codec), parses every record
 * by the stream's schema and format, and hands rows out in batches. A record
 * that does not parse goes to the dead-letter topic with the reason and its
 * topic/partition/offset; the stream carries on.
 *
 * Reliability (Storm): every batch handed out is tracked until its tuple
 * tree completes (`ack`); `committable()` is the offset below which every
 * record's tree is complete — the only offset a query may commit. A failed or
 * timed-out batch is reported to `onFail`, whose owner replays from the log
 * (the engine restarts the query from its last checkpoint, see
 * engine/queries/persistent-query.ts). An idle partition waits on
 * `Log.waitForData`, so a record appended to the log reaches the query at
 * once rather than on the next poll.
 */
import type { Log, TopicPartition } from '../../log/log.js';
import { isGaleError } from '../../errors.js';
import { readBatchHeader, splitBatches } from '../../log/record-batch/index.js';
import type { Layout } from '../../runtime/layout.js';
import type { Row } from '../../runtime/message.js';
import type { Source, SourceBatch, SourceContext, SourceReader } from '../../runtime/spouts/source.js';
import type { DeadLetterWriter } from './dead-letter.js';
import { recordsArea, scanRecords } from './record-scan.js';
import { BadRecord, type RowDecoder } from './row-codec.js';

/** Where a batch handed out by a log spout task came from: records [from, to) of one partition. */
export interface LogBatchPosition {
  readonly partition: number;
  readonly from: bigint;
  readonly to: bigint;
}

export interface LogSourceOptions {
  readonly log: Log;
  /** the stream's name (EXPLAIN, error messages) */
  readonly stream: string;
  readonly topic: string;
  readonly partitions: number;
  readonly layout: Layout;
  readonly decoder: RowDecoder;
  readonly timestampField?: number;
  readonly idleTimeoutMs?: number;
  /** the offset each partition starts at */
  readonly start: readonly bigint[];
  readonly deadLetters?: DeadLetterWriter;
  /** the query reading (dead letters name it) */
  readonly query?: string;
  /** bytes per read (default 1 MiB) */
  readonly maxBytes?: number;
  /** longest wait for new data before handing the driver an empty batch (default 100 ms) */
  readonly pollMs?: number;
  /** a batch's tuple tree failed or timed out */
  readonly onFail?: (position: LogBatchPosition) => void;
}

export class LogSource implements Source {
  readonly bounded = false;
  readonly layout: Layout;
  readonly partitions: number;
  readonly description: string;
  readonly timestampField?: number;
  readonly idleTimeoutMs?: number;
  private readonly readers: (LogPartitionReader | undefined)[];

  constructor(private readonly options: LogSourceOptions) {
    this.layout = options.layout;
    this.partitions = options.partitions;
    this.description = `topic ${options.topic} (${options.partitions} partition${options.partitions === 1 ? '' : 's'})`;
    if (options.timestampField !== undefined) this.timestampField = options.timestampField;
    if (options.idleTimeoutMs !== undefined) this.idleTimeoutMs = options.idleTimeoutMs;
    if (options.start.length !== options.partitions) throw new RangeError('one start offset per partition');
    this.readers = new Array<LogPartitionReader | undefined>(options.partitions).fill(undefined);
  }

  get topic(): string {
    return this.options.topic;
  }

  open(partition: number, ctx: SourceContext): SourceReader {
    const r = new LogPartitionReader(this.options, partition, ctx);
    this.readers[partition] = r;
    return r;
  }

  /** Per partition: the next offset to deliver (a consistent cut, taken between two batches). */
  positions(): bigint[] {
    return this.readers.map((r, p) => r?.delivered ?? this.options.start[p]!);
  }

  /** Per partition: the offset below which every delivered record's tree is complete. */
  committable(): bigint[] {
    return this.readers.map((r, p) => r?.committable() ?? this.options.start[p]!);
  }

  /** Records read (parsed or not) per partition since the start, for progress. */
  lag(): Promise<bigint[]> {
    return Promise.all(
      this.positions().map(async (pos, partition) => {
        const o = await this.options.log.offsets({ topic: this.options.topic, partition });
        return o.highWatermark > pos ? o.highWatermark - pos : 0n;
      }),
    );
  }
}

interface InFlight {
  readonly pos: LogBatchPosition;
  done: boolean;
}

const EMPTY: SourceBatch = Object.freeze({ rows: [] });

export class LogPartitionReader implements SourceReader {
  /** next offset to hand out (everything below it was delivered or dead-lettered) */
  delivered: bigint;
  /** next offset to fetch from the log */
  private readAt: bigint;
  private rows: Row[] = [];
  /** ends[i]: the offset after the record row i came from (a number: no bigint per record) */
  private ends: number[] = [];
  private head = 0;
  private readonly inflight: InFlight[] = [];
  private readonly tp: TopicPartition;
  private readonly maxBytes: number;
  private readonly pollMs: number;
  private warnedRead = false;

  constructor(
    private readonly o: LogSourceOptions,
    readonly partition: number,
    private readonly ctx: SourceContext,
  ) {
    this.tp = { topic: o.topic, partition };
    this.delivered = o.start[partition]!;
    this.readAt = this.delivered;
    this.maxBytes = o.maxBytes ?? 1 << 20;
    const idleHalf = o.idleTimeoutMs === undefined ? Infinity : Math.max(5, o.idleTimeoutMs / 2);
    this.pollMs = Math.min(o.pollMs ?? 100, idleHalf);
  }

  committable(): bigint {
    return this.inflight[0]?.pos.from ?? this.delivered;
  }

  /** batches handed out whose trees are not complete yet */
  get pending(): number {
    return this.inflight.length;
  }

  async next(maxRows: number): Promise<SourceBatch> {
    if (this.head >= this.rows.length) {
      await this.fill();
      if (this.head >= this.rows.length) return EMPTY;
    }
    const start = this.head;
    const stop = Math.min(this.rows.length, start + maxRows);
    const rows = start === 0 && stop === this.rows.length ? this.rows : this.rows.slice(start, stop);
    this.head = stop;
    // a batch that empties the buffer also covers the dead-lettered records after its last row
    const to = stop === this.rows.length ? this.readAt : BigInt(this.ends[stop - 1]!);
    const pos: LogBatchPosition = { partition: this.partition, from: this.delivered, to };
    this.delivered = to;
    if (stop === this.rows.length) {
      this.rows = [];
      this.ends = [];
      this.head = 0;
    }
    this.inflight.push({ pos, done: false });
    return { rows, position: pos };
  }

  ack(batch: SourceBatch): void {
    const e = this.inflight.find((f) => f.pos === batch.position);
    if (e === undefined) return;
    e.done = true;
    while (this.inflight.length > 0 && this.inflight[0]!.done) this.inflight.shift();
  }

  fail(batch: SourceBatch): void {
    const pos = batch.position as LogBatchPosition | undefined;
    if (pos !== undefined) this.o.onFail?.(pos);
  }

  close(): void {
    this.rows = [];
    this.ends = [];
    this.head = 0;
  }

  /** Reads until at least one row is buffered, the poll time passes, or the run stops. */
  private async fill(): Promise<void> {
    const deadline = Date.now() + this.pollMs;
    while (!this.ctx.signal.aborted) {
      const got = await this.readOnce();
      if (got) {
        if (this.rows.length > 0) return;
        continue; // only dead letters or control batches: read on
      }
      const left = deadline - Date.now();
      if (left <= 0) return;
      const more = await this.o.log.waitForData(this.tp, this.readAt, left, this.ctx.signal);
      if (!more) return;
    }
  }

  /** One read; false when there was nothing to read. */
  private async readOnce(): Promise<boolean> {
    let bytes: Uint8Array;
    try {
      const res = await this.o.log.read(this.tp, this.readAt, this.maxBytes);
      bytes = res.records;
      if (bytes.length === 0) {
        if (this.readAt < res.logStartOffset) this.skipTo(res.logStartOffset);
        return false;
      }
    } catch (err) {
      if (isGaleError(err) && err.code === 'GALE_ERR_LOG_OFFSET_OUT_OF_RANGE') {
        const o = await this.o.log.offsets(this.tp);
        if (this.readAt < o.logStart) {
          this.skipTo(o.logStart);
          return true;
        }
        return false;
      }
      this.readError(err);
      return false;
    }
    const before = this.readAt;
    const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (const span of splitBatches(buf, { skipCrc: true })) {
      const header = readBatchHeader(buf, span.at);
      const last = header.baseOffset + BigInt(header.lastOffsetDelta);
      if (last < this.readAt) continue;
      if (!header.isControl) {
        try {
          const area = await recordsArea(buf, span.at, span.size, header);
          this.visitor.base = Number(header.baseOffset);
          this.visitor.skipBelow = Number(this.readAt);
          scanRecords(area.data, area.start, area.end, header.recordCount, this.visitor);
        } catch (err) {
          this.dead(`undecodable record batch: ${err instanceof Error ? err.message : String(err)}`, header.baseOffset, null, null);
        }
      }
      this.readAt = last + 1n;
    }
    if (this.rows.length === 0 && this.head === 0) this.delivered = this.readAt;
    return this.readAt > before;
  }

  /** Each record of a batch: parse its value into a row, or dead-letter it. */
  private readonly visitor = {
    base: 0,
    skipBelow: 0,
    record: (offsetDelta: number, data: Buffer, keyStart: number, keyLen: number, valueStart: number, valueLen: number): void => {
      const v = this.visitor;
      const offset = v.base + offsetDelta;
      if (offset < v.skipBelow) return;
      const decoder = this.o.decoder;
      try {
        const row = decoder.decode(valueLen < 0 ? null : data.toString('utf8', valueStart, valueStart + valueLen));
        const kf = decoder.keyField;
        if (kf >= 0 && row[kf] === null && keyLen >= 0) row[kf] = decoder.keyValue(data.subarray(keyStart, keyStart + keyLen));
        this.rows.push(row);
        this.ends.push(offset + 1);
      } catch (err) {
        if (!(err instanceof BadRecord)) throw err;
        const key = keyLen < 0 ? null : Buffer.from(data.subarray(keyStart, keyStart + keyLen));
        const value = valueLen < 0 ? null : Buffer.from(data.subarray(valueStart, valueStart + valueLen));
        this.dead(err.message, BigInt(offset), key, value);
      }
    },
  };

  private dead(reason: string, offset: bigint, key: Buffer | null, value: Buffer | null): void {
    const where = `${this.o.topic}/${this.partition}@${offset}`;
    this.ctx.errors.report({ code: 'GALE_ERR_RUNTIME_BAD_RECORD', reason: `${where}: ${reason}`, component: this.ctx.component });
    this.o.deadLetters?.report({
      reason,
      code: 'GALE_ERR_RUNTIME_BAD_RECORD',
      ...(this.o.query === undefined ? {} : { query: this.o.query }),
      source: { topic: this.o.topic, partition: this.partition, offset },
      key,
      value,
    });
  }

  /** Records below the log start were deleted (retention) before they were read: say so and move on. */
  private skipTo(offset: bigint): void {
    this.ctx.errors.report({
      code: 'GALE_ERR_RUNTIME_SOURCE',
      reason: `${this.o.topic}/${this.partition}: records ${this.readAt}..${offset - 1n} were deleted by retention before they were read`,
      component: this.ctx.component,
    });
    this.readAt = offset;
    if (this.head >= this.rows.length) this.delivered = offset;
  }

  private readError(err: unknown): void {
    if (this.warnedRead) return;
    this.warnedRead = true;
    this.ctx.errors.report({
      code: 'GALE_ERR_RUNTIME_SOURCE',
      reason: `cannot read ${this.o.topic}/${this.partition}: ${err instanceof Error ? err.message : String(err)}`,
      component: this.ctx.component,
    });
  }
}
