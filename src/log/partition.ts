/**
 * One partition: `<data-dir>/log/<topic>-<partition>/`, a list of segments
 * (oldest first, the last one active) plus `log-start-offset` (a decimal
 * number, written by deleteRecords, temp + rename).
 *
 * Appends are validated and given offsets synchronously, in call order, so
 * many producers on one partition get consecutive, ordered offsets; the bytes
 * then go through group commit (group-commit.ts): one writev and, for flush
 * `always`, one fdatasync per cycle for everything queued. The high watermark
 * moves when a cycle is acknowledged; readers never see bytes beyond it.
 * Rolls, retention deletes, compaction swaps and truncations run one at a
 * time on `serial`; reads pin segments with a reference count instead.
 */
import { readdir, rename, rm, writeFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppendResult, Acks } from './log.js';
import type { TopicConfig } from './config.js';
import type { FlushPolicy } from './flush-policy.js';
import { LogError, isLogError } from './errors.js';
import { GroupCommit } from './group-commit.js';
import { HighWatermarkWaiters } from './hw-waiters.js';
import { Serial } from './serial.js';
import { planRetention } from './retention.js';
import { createSegment, openSegment, Segment } from './segment.js';
import type { LogLine, WrittenBatch } from './segment.js';
import { assignBaseOffset, readLastOffsetDelta, readMaxTimestamp, stampLogAppendTime } from './record-batch/header.js';
import { splitBatches } from './record-batch/validate.js';
import type { BatchSpan } from './record-batch/validate.js';

export interface Clock {
  /** milliseconds since the epoch */
  now(): number;
}

export interface PartitionParams {
  readonly dir: string;
  /** `<topic>-<partition>`, for log lines */
  readonly label: string;
  readonly config: TopicConfig;
  readonly flush: FlushPolicy;
  readonly clock: Clock;
  readonly logger: LogLine;
  /** the log was not closed cleanly: re-validate the active segment's tail */
  readonly recover: boolean;
}

interface AppendJob {
  readonly bytes: Buffer;
  readonly spans: readonly BatchSpan[];
  readonly result: AppendResult;
  resolve(r: AppendResult): void;
  reject(e: unknown): void;
}

const START_OFFSET_FILE = 'log-start-offset';

/** The one roll predicate: should `batchSize` more bytes go to a new segment? */
export function shouldRoll(
  config: TopicConfig,
  s: { readonly size: number; readonly ageMs: number; readonly indexBytes: number; readonly relativeLastOffset: bigint; readonly batchSize: number },
): boolean {
  if (s.size === 0) return false; // an empty segment takes any batch
  return (
    s.size + s.batchSize > config.segmentBytes ||
    s.ageMs >= config.segmentMs ||
    s.indexBytes + 12 > config.segmentIndexBytes ||
    s.relativeLastOffset > 2147483647n // relative offsets are int32 in the indexes
  );
}

export class Partition {
  /** oldest first; replaced (copy on write), never mutated in place */
  segments: readonly Segment[];
  logStartOffset: bigint;
  highWatermark: bigint;
  config: TopicConfig;
  /** where the previous read ended, so a sequential consumer skips the index lookup */
  lastRead: { segment: Segment; nextOffset: bigint; position: number } | undefined;
  readonly waiters = new HighWatermarkWaiters();
  readonly serial = new Serial();
  /** counters for metrics (and for tests to see group commit at work) */
  readonly stats = { appendCycles: 0, fsyncs: 0, appends: 0 };
  private nextOffset: bigint;
  private dirty = false;
  private closed = false;
  private readonly commit = new GroupCommit<AppendJob>((jobs) => this.cycle(jobs));

  private constructor(
    readonly p: PartitionParams,
    segments: Segment[],
    logStartOffset: bigint,
  ) {
    this.segments = segments;
    this.config = p.config;
    this.logStartOffset = logStartOffset;
    this.highWatermark = this.active.nextOffset;
    this.nextOffset = this.highWatermark;
  }

  static async open(p: PartitionParams): Promise<Partition> {
    const names = await readdir(p.dir);
    const bases: bigint[] = [];
    for (const n of names) {
      if (/^\d{20}\.log$/.test(n)) bases.push(BigInt(n.slice(0, 20)));
      else if (n.endsWith('.cleaned') || n.endsWith('.tmp')) await rm(join(p.dir, n), { force: true }); // unfinished compaction or index write
    }
    bases.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    let storedStart = 0n;
    try {
      storedStart = BigInt((await readFile(join(p.dir, START_OFFSET_FILE), 'utf8')).trim());
    } catch {
      // absent: the log starts at its first segment
    }
    const segments: Segment[] = [];
    try {
      for (let i = 0; i < bases.length; i++) {
        const last = i === bases.length - 1;
        segments.push(
          await openSegment(p.dir, bases[i]!, {
            recover: last && p.recover,
            indexIntervalBytes: p.config.indexIntervalBytes,
            logger: p.logger,
            label: p.label,
          }),
        );
      }
      if (segments.length === 0) segments.push(await createSegment(p.dir, storedStart, p.clock.now()));
    } catch (e) {
      await Promise.all(segments.map((s) => s.close()));
      throw e;
    }
    const first = segments[0]!.baseOffset;
    const end = segments[segments.length - 1]!.nextOffset;
    const start = storedStart > first ? (storedStart > end ? end : storedStart) : first;
    return new Partition(p, segments, start);
  }

  get label(): string {
    return this.p.label;
  }

  get active(): Segment {
    return this.segments[this.segments.length - 1]!;
  }

  get sizeBytes(): number {
    let n = 0;
    for (const s of this.segments) n += s.size;
    return n;
  }

  /** Validates, assigns offsets (in call order) and queues the bytes for group commit. Mutates `input` in place. */
  append(input: Uint8Array, acks: Acks): Promise<AppendResult> {
    if (this.closed) return Promise.reject(closedError(this.label));
    const bytes = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
    let spans: BatchSpan[];
    try {
      spans = splitBatches(bytes, { maxBatchBytes: this.config.maxMessageBytes, producer: true });
      if (spans.length === 0) throw new LogError('GALE_ERR_LOG_CORRUPT_BATCH', 'empty append: no record batch');
    } catch (e) {
      return Promise.reject(e);
    }
    const baseOffset = this.nextOffset;
    const logAppend = this.config.messageTimestampType === 'LogAppendTime';
    const now = this.p.clock.now();
    let next = baseOffset;
    for (const s of spans) {
      assignBaseOffset(bytes, s.at, next);
      if (logAppend) stampLogAppendTime(bytes, s.at, now);
      next += BigInt(readLastOffsetDelta(bytes, s.at)) + 1n;
    }
    this.nextOffset = next;
    const result: AppendResult = { baseOffset, lastOffset: next - 1n, logAppendTime: logAppend ? BigInt(now) : -1n, logStartOffset: this.logStartOffset };
    const acked = new Promise<AppendResult>((resolve, reject) => this.commit.enqueue({ bytes, spans, result, resolve, reject }));
    if (acks !== 0) return acked;
    acked.catch((e: unknown) => this.p.logger.warn(`log ${this.label}: acks=0 append at ${baseOffset} failed: ${String(e)}`));
    return Promise.resolve(result);
  }

  private cycle(jobs: AppendJob[]): Promise<void> {
    return this.serial.run(async () => {
      if (this.closed) {
        for (const j of jobs) j.reject(closedError(this.label));
        return;
      }
      try {
        await this.writeJobs(jobs);
      } catch (e) {
        await this.failWrite(jobs, e);
        return;
      }
      this.highWatermark = this.active.nextOffset;
      for (const j of jobs) j.resolve({ ...j.result, logStartOffset: this.logStartOffset });
      this.waiters.advance(this.highWatermark);
    });
  }

  private async writeJobs(jobs: readonly AppendJob[]): Promise<void> {
    const cfg = this.config;
    let seg = this.active;
    let pos = seg.size;
    let writeStart = pos;
    let bufs: Buffer[] = [];
    let written: WrittenBatch[] = [];
    const apply = (): void => {
      if (seg.size === 0 && written.length > 0) seg.createdAtMs = this.p.clock.now(); // segment.ms counts from the first batch
      for (const w of written) seg.indexBatch(w, cfg.indexIntervalBytes);
    };
    for (const job of jobs) {
      let offset = job.result.baseOffset;
      for (const s of job.spans) {
        const lastOffset = offset + BigInt(readLastOffsetDelta(job.bytes, s.at));
        const roll = shouldRoll(cfg, {
          size: pos,
          ageMs: this.p.clock.now() - seg.createdAtMs,
          indexBytes: Math.max(seg.offsetIndex.sizeBytes, seg.timeIndex.entries * 12),
          relativeLastOffset: lastOffset - seg.baseOffset,
          batchSize: s.size,
        });
        if (roll) {
          if (bufs.length > 0) await seg.writeAt(bufs, writeStart);
          apply();
          seg = await this.roll();
          pos = writeStart = 0;
          bufs = [];
          written = [];
        }
        bufs.push(job.bytes.subarray(s.at, s.at + s.size));
        written.push({ baseOffset: offset, lastOffset, maxTimestamp: readMaxTimestamp(job.bytes, s.at), position: pos, size: s.size });
        pos += s.size;
        offset = lastOffset + 1n;
      }
    }
    await seg.writeAt(bufs, writeStart);
    this.stats.appendCycles++;
    this.stats.appends += jobs.length;
    if (this.p.flush.kind === 'always') {
      await seg.sync();
      this.stats.fsyncs++;
    } else this.dirty = true;
    apply();
  }

  /** Seals the active segment (fsync, indexes written) and opens a new one at the end offset. Call on `serial`. */
  private async roll(): Promise<Segment> {
    const old = this.active;
    await old.sync();
    await old.persistIndexes();
    const seg = await createSegment(this.p.dir, old.nextOffset, this.p.clock.now());
    this.segments = [...this.segments, seg];
    return seg;
  }

  private async failWrite(jobs: readonly AppendJob[], cause: unknown): Promise<void> {
    const err = isLogError(cause)
      ? cause
      : new LogError('GALE_ERR_LOG_STORAGE', `log ${this.label}: write failed: ${String((cause as Error)?.message ?? cause)}`, { cause });
    this.p.logger.warn(`${err.message}; rolling back to offset ${this.active.nextOffset}`);
    try {
      await this.active.truncateTo(this.active.size);
    } catch {
      // the next append will fail the same way and say so
    }
    // offsets handed out after the failure point are void: everyone queued is rejected
    this.highWatermark = this.active.nextOffset;
    this.nextOffset = this.highWatermark;
    for (const j of [...jobs, ...this.commit.takeQueued()]) j.reject(err);
  }

  /** fsync for the `interval:<ms>` policy. */
  async syncIfDirty(): Promise<void> {
    if (!this.dirty || this.closed) return;
    this.dirty = false;
    const seg = this.active;
    seg.acquire();
    try {
      await seg.sync();
      this.stats.fsyncs++;
    } finally {
      seg.release();
    }
  }

  waitForData(offset: bigint, timeoutMs: number, signal?: AbortSignal): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    return this.waiters.wait(offset, this.highWatermark, timeoutMs, signal);
  }

  /** Advances the log start offset (DeleteRecords); whole segments below it go. Returns the new start. */
  deleteRecords(offset: bigint): Promise<bigint> {
    return this.serial.run(async () => {
      if (offset < 0n || offset > this.highWatermark) {
        throw new LogError('GALE_ERR_LOG_OFFSET_OUT_OF_RANGE', `log ${this.label}: cannot delete records before ${offset}: high watermark is ${this.highWatermark}`);
      }
      if (offset > this.logStartOffset) {
        const tmp = join(this.p.dir, `${START_OFFSET_FILE}.tmp`);
        await writeFile(tmp, `${offset}\n`, { flush: true });
        await rename(tmp, join(this.p.dir, START_OFFSET_FILE));
        this.logStartOffset = offset;
        await this.deletePrefix(false);
      }
      return this.logStartOffset;
    });
  }

  /** Deletes old segments per retention.ms / retention.bytes / log start offset. Returns how many went. */
  applyRetention(): Promise<number> {
    return this.serial.run(() => this.deletePrefix(true));
  }

  private async deletePrefix(byConfig: boolean): Promise<number> {
    const plan = planRetention({
      config: byConfig ? this.config : { ...this.config, cleanupPolicy: { delete: false, compact: false } },
      nowMs: this.p.clock.now(),
      segments: this.segments,
      logStartOffset: this.logStartOffset,
    });
    if (plan.deleteCount === 0) return 0;
    if (plan.rollActive) await this.roll();
    const doomed = this.segments.slice(0, plan.deleteCount);
    this.segments = this.segments.slice(plan.deleteCount);
    const first = this.segments[0]!.baseOffset;
    if (first > this.logStartOffset) this.logStartOffset = first;
    for (const s of doomed) await s.retire({ deleteFiles: true });
    this.p.logger.info(`log ${this.label}: deleted ${doomed.length} segment(s) below offset ${first}`);
    return doomed.length;
  }

  /** Replaces `old` by `replacement` (compaction), if `old` is still in the log. Call on `serial`. */
  swapSegment(old: Segment, replacement: Segment): boolean {
    const i = this.segments.indexOf(old);
    if (i < 0 || i === this.segments.length - 1) return false;
    const next = [...this.segments];
    next[i] = replacement;
    this.segments = next;
    if (this.lastRead?.segment === old) this.lastRead = undefined;
    return true;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Finishes queued appends, seals the active segment's indexes and closes every file. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.commit.idle();
    this.closed = true;
    this.waiters.closeAll();
    await this.serial.run(async () => {
      const active = this.active;
      await active.sync();
      await active.persistIndexes();
      for (const s of this.segments) await s.retire({ deleteFiles: false });
    });
  }

  /** Closes without sealing and removes the partition's directory (topic deletion). */
  async destroy(): Promise<void> {
    this.closed = true;
    this.waiters.closeAll();
    for (const j of this.commit.takeQueued()) j.reject(closedError(this.label));
    await this.serial.run(async () => {
      for (const s of this.segments) await s.retire({ deleteFiles: false });
    });
    await rm(this.p.dir, { recursive: true, force: true });
  }
}

function closedError(label: string): LogError {
  return new LogError('GALE_ERR_LOG_CLOSED', `log ${label} is closed`);
}
