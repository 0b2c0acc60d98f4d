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
import { shouldRoll } from './roll.js';
import { createSegment, openSegment, Segment, syncDir } from './segment.js';
import type { LogLine } from './segment.js';
import { ATTRIBUTES_AT, CRC_AT, assignBaseOffset, readLastOffsetDelta, readMaxTimestamp, stampLogAppendTime } from './record-batch/header.js';
import { crc32c } from './record-batch/crc32c.js';
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

/** One batch of a job, on its way into a segment. */
interface RunBatch {
  readonly job: AppendJob;
  readonly bytes: Buffer;
  readonly baseOffset: bigint;
  readonly lastOffset: bigint;
  readonly maxTimestamp: number;
}

function crcMatches(batch: Buffer): boolean {
  return crc32c(batch.subarray(ATTRIBUTES_AT)) === batch.readUInt32BE(CRC_AT);
}

export class Partition {
  /** oldest first; replaced (copy on write), never mutated in place */
  segments: readonly Segment[];
  logStartOffset: bigint;
  highWatermark: bigint;
  config: TopicConfig;
  /** where the previous read ended, so a sequential consumer skips the index lookup */
  lastRead: { segment: Segment; nextOffset: bigint; position: number; lastBatchSize: number } | undefined;
  readonly waiters = new HighWatermarkWaiters();
  readonly serial = new Serial();
  /** counters for metrics (and for tests to see group commit at work) */
  readonly stats = { appendCycles: 0, fsyncs: 0, appends: 0 };
  private nextOffset: bigint;
  private dirty = false;
  private closed = false;
  /** set when a write or fsync failed: appends are refused until a restart */
  private offline: LogError | undefined;
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
    if (this.offline !== undefined) return Promise.reject(this.offline);
    const bytes = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
    let spans: BatchSpan[];
    try {
      // the CRC is checked in the write cycle, overlapped with the write (see writeRun); LogAppendTime
      // rewrites the CRC, so there it must be checked first, here
      const stamping = this.config.messageTimestampType === 'LogAppendTime';
      spans = splitBatches(bytes, { maxBatchBytes: this.config.maxMessageBytes, producer: true, skipCrc: !stamping });
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
      if (this.closed || this.offline !== undefined) {
        for (const j of jobs) j.reject(this.offline ?? closedError(this.label));
        return;
      }
      let rejected: Set<AppendJob>;
      try {
        rejected = await this.writeJobs(jobs);
      } catch (e) {
        this.failWrite(jobs, e);
        return;
      }
      this.highWatermark = this.active.nextOffset;
      // offsets of rejected jobs are handed out again when nobody queued after them
      if (rejected.size > 0 && this.commit.pending === 0) this.nextOffset = this.highWatermark;
      for (const j of jobs) {
        if (rejected.has(j)) j.reject(new LogError('GALE_ERR_LOG_CORRUPT_BATCH', `log ${this.label}: CRC-32C mismatch in the batch appended at ${j.result.baseOffset}`));
        else j.resolve({ ...j.result, logStartOffset: this.logStartOffset });
      }
      this.waiters.advance(this.highWatermark);
    });
  }

  /** Writes the cycle's jobs (rolling between jobs when due); returns the jobs whose CRC failed, which were taken back out. */
  private async writeJobs(jobs: readonly AppendJob[]): Promise<Set<AppendJob>> {
    const cfg = this.config;
    const rejected = new Set<AppendJob>();
    let seg = this.active;
    let pos = seg.size;
    let run: RunBatch[] = [];
    for (const job of jobs) {
      // one job never straddles two segments, so a rejected job is never half visible
      const roll = shouldRoll(cfg, {
        size: pos,
        ageMs: this.p.clock.now() - seg.createdAtMs,
        indexBytes: Math.max(seg.offsetIndex.sizeBytes, seg.timeIndex.entries * 12),
        relativeLastOffset: job.result.lastOffset - seg.baseOffset,
        batchSize: job.bytes.length,
      });
      if (roll) {
        await this.writeRun(seg, run, rejected);
        seg = await this.roll();
        pos = 0;
        run = [];
      }
      let offset = job.result.baseOffset;
      for (const s of job.spans) {
        const lastOffset = offset + BigInt(readLastOffsetDelta(job.bytes, s.at));
        run.push({ job, bytes: job.bytes.subarray(s.at, s.at + s.size), baseOffset: offset, lastOffset, maxTimestamp: readMaxTimestamp(job.bytes, s.at) });
        pos += s.size;
        offset = lastOffset + 1n;
      }
    }
    await this.writeRun(seg, run, rejected);
    this.stats.appendCycles++;
    this.stats.appends += jobs.length - rejected.size;
    if (this.p.flush.kind === 'always') {
      await seg.sync();
      this.stats.fsyncs++;
    } else this.dirty = true;
    return rejected;
  }

  /**
   * Writes consecutive batches at the segment's end with one writev, checking
   * their CRC-32C while the write runs on libuv's thread pool (the CRC is the
   * main cost of an append besides the I/O, so this overlap is what keeps the
   * log near the raw disk speed). A job with a bad CRC is taken back out: the
   * good batches are rewritten without it and the file cut to their end. Its
   * offsets stay unused, a gap consumers skip as they skip compacted offsets.
   */
  private async writeRun(seg: Segment, run: readonly RunBatch[], rejected: Set<AppendJob>): Promise<void> {
    if (run.length === 0) return;
    const start = seg.size;
    const writing = seg.writeAt(
      run.map((r) => r.bytes),
      start,
    );
    let bad: Set<AppendJob> | undefined;
    for (const r of run) if (!crcMatches(r.bytes)) (bad ??= new Set()).add(r.job);
    await writing;
    let kept = run;
    if (bad !== undefined) {
      kept = run.filter((r) => !bad.has(r.job));
      for (const j of bad) rejected.add(j);
      let end = start;
      for (const r of kept) end += r.bytes.length;
      if (kept.length > 0) await seg.writeAt(kept.map((r) => r.bytes), start);
      await seg.fh.truncate(end);
    }
    if (seg.size === 0 && kept.length > 0) seg.createdAtMs = this.p.clock.now(); // segment.ms counts from the first batch
    let position = start;
    for (const r of kept) {
      seg.indexBatch({ baseOffset: r.baseOffset, lastOffset: r.lastOffset, maxTimestamp: r.maxTimestamp, position, size: r.bytes.length }, this.config.indexIntervalBytes);
      position += r.bytes.length;
    }
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

  /**
   * A write or fsync failed. After a failed fsync the kernel may already have
   * dropped the dirty pages, so nothing written since the last good sync can
   * be trusted or retried: the partition goes offline (as Kafka takes a log
   * directory offline) and every pending append fails with STORAGE. Reads up
   * to the old high watermark keep working; a restart recovers the tail.
   */
  private failWrite(jobs: readonly AppendJob[], cause: unknown): void {
    const err = isLogError(cause)
      ? cause
      : new LogError('GALE_ERR_LOG_STORAGE', `log ${this.label}: write failed: ${String((cause as Error)?.message ?? cause)}`, { cause });
    this.offline = new LogError('GALE_ERR_LOG_STORAGE', `log ${this.label} is offline after an I/O failure (${err.message}); restart to recover it`, { cause: err });
    this.p.logger.warn(`${this.offline.message}`);
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
        await syncDir(this.p.dir);
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

  /**
   * Finishes queued appends, seals the active segment's indexes and closes
   * every file. Returns false when the partition could not be closed cleanly
   * (offline, or the final fsync failed): its tail must be re-validated on open.
   */
  async close(): Promise<boolean> {
    if (this.closed) return this.offline === undefined;
    await this.commit.idle();
    this.closed = true;
    this.waiters.closeAll();
    return this.serial.run(async () => {
      let clean = this.offline === undefined;
      if (clean) {
        try {
          await this.active.sync();
          await this.active.persistIndexes();
        } catch (e) {
          this.p.logger.warn(`log ${this.label}: closing: ${String((e as Error)?.message ?? e)}`);
          clean = false;
        }
      }
      for (const s of this.segments) await s.retire({ deleteFiles: false }).catch(() => undefined);
      return clean;
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
