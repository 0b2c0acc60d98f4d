/**
 * EmbeddedLog: the single-node, in-process implementation of the `Log` seam,
 * and what the Kafka broker serves. Layout under `<dataDir>/log/`:
 *
 *   topics.json                  topic metadata (topic-store.ts)
 *   .clean-shutdown              present only while the log is cleanly closed
 *   <topic>-<partition>/         one directory per partition (partition.ts):
 *     <20-digit base>.log/.index/.timeindex, log-start-offset
 *   __consumer_offsets-<n>/      committed group offsets (group-offsets.ts)
 *
 * Open: a missing `.clean-shutdown` means a crash, so every partition's
 * active segment is re-validated and cut after its last intact batch. One
 * process per data directory (nothing locks it against a second one).
 *
 * Beyond the seam, the broker gets: deleteTopic, createPartitions,
 * alterConfigs, deleteRecords, describeTopics, partitionState (log start,
 * high watermark, last stable offset), the whole-group offset calls, and
 * manual runRetention / runCompaction / flush.
 */
import { mkdir, rm, stat, open as openFile } from 'node:fs/promises';
import { join } from 'node:path';
import type {
  AppendOptions,
  AppendResult,
  CommittedOffset,
  Log,
  PartitionOffsets,
  ReadResult,
  RecordBatchBytes,
  TopicPartition,
  TopicSpec,
} from './log.js';
import { LogError } from './errors.js';
import { parseFlushPolicy } from './flush-policy.js';
import type { FlushPolicy } from './flush-policy.js';
import type { Clock, Partition } from './partition.js';
import { offsetForTime, readPartition } from './partition-read.js';
import { maxTimestampRecord } from './max-timestamp.js';
import { compactPartition } from './compaction.js';
import type { CompactionResult } from './compaction.js';
import { GroupOffsets } from './group-offsets.js';
import { OFFSETS_TOPIC, TopicRegistry, isInternalTopic } from './topic-registry.js';
import type { ConfigChange, EmbeddedTopicDescription } from './topic-registry.js';
import { syncDir } from './segment.js';
import type { LogLine } from './segment.js';
import { decodeRecordBatchesAsync } from './record-batch/decode.js';
import { readBaseOffset, readLastOffsetDelta } from './record-batch/header.js';
import { splitBatches } from './record-batch/validate.js';

export type { ConfigChange, EmbeddedTopicDescription } from './topic-registry.js';
export type { Clock } from './partition.js';
export type { LogLine } from './segment.js';

export interface EmbeddedLogOptions {
  /** root of Gale's state; the log lives in `<dataDir>/log` */
  readonly dataDir: string;
  /** `always` (default), `interval:<ms>` or `os` (see flush-policy.ts) */
  readonly flush?: FlushPolicy | string;
  readonly logger?: LogLine;
  readonly clock?: Clock;
  /** how often retention runs (Kafka's log.retention.check.interval.ms); default 300 000; 0 = only runRetention() */
  readonly retentionCheckIntervalMs?: number;
  /** how often the cleaner looks for compactable partitions; default 15 000; 0 = only runCompaction() */
  readonly compactionIntervalMs?: number;
  /** partitions of `__consumer_offsets` when it is first created; default 1 */
  readonly offsetsTopicPartitions?: number;
}

export interface PartitionState {
  readonly logStartOffset: bigint;
  readonly highWatermark: bigint;
  /** no transactions on a single node: equals the high watermark */
  readonly lastStableOffset: bigint;
  readonly sizeBytes: number;
  readonly segments: number;
  /** appends acknowledged, write cycles (one writev each) and fdatasyncs since open: appends / fsyncs is the group-commit factor */
  readonly appends: number;
  readonly appendCycles: number;
  readonly fsyncs: number;
}

const CLEAN_MARKER = '.clean-shutdown';
const stderrLogger: LogLine = { info() {}, warn: (m) => process.stderr.write(`gale log: ${m}\n`) };

export class EmbeddedLog implements Log {
  private readonly topics: TopicRegistry;
  private readonly timers: NodeJS.Timeout[] = [];
  private background: Promise<unknown> = Promise.resolve();
  private closed = false;
  private readonly groupOffsets: GroupOffsets;

  private constructor(
    readonly logDir: string,
    readonly flushPolicy: FlushPolicy,
    private readonly logger: LogLine,
    private readonly clock: Clock,
  ) {
    this.topics = new TopicRegistry({ logDir, flush: flushPolicy, clock, logger });
    const log = this; // the getter below runs with its own `this`
    this.groupOffsets = new GroupOffsets(
      {
        get partitions() {
          return log.topics.require(OFFSETS_TOPIC).partitions.length;
        },
        append: async (partition, batch) => {
          await log.partition({ topic: OFFSETS_TOPIC, partition }).append(batch, -1);
        },
      },
      clock,
    );
  }

  static async open(opts: EmbeddedLogOptions): Promise<EmbeddedLog> {
    const logDir = join(opts.dataDir, 'log');
    await mkdir(logDir, { recursive: true });
    const flush = typeof opts.flush === 'string' ? parseFlushPolicy(opts.flush) : (opts.flush ?? { kind: 'always' as const });
    const log = new EmbeddedLog(logDir, flush, opts.logger ?? stderrLogger, opts.clock ?? Date);
    const clean = await exists(join(logDir, CLEAN_MARKER));
    if (clean) {
      // the marker must be gone for good before anything is appended, or a crash would be taken for a clean stop
      await rm(join(logDir, CLEAN_MARKER), { force: true });
      await syncDir(logDir);
    }
    try {
      await log.topics.load(!clean);
      if (!log.topics.has(OFFSETS_TOPIC)) {
        await log.topics.create(OFFSETS_TOPIC, {
          partitions: opts.offsetsTopicPartitions ?? 1,
          configs: { 'cleanup.policy': 'compact', 'segment.bytes': '104857600' },
          internal: true,
        });
      }
      await log.loadGroupOffsets();
    } catch (e) {
      await log.close();
      throw e;
    }
    log.every(opts.retentionCheckIntervalMs ?? 300_000, () => log.runRetention());
    log.every(opts.compactionIntervalMs ?? 15_000, () => log.runCompaction());
    if (flush.kind === 'interval') log.every(flush.ms, () => log.flush());
    return log;
  }

  // ---- topics -------------------------------------------------------------

  async createTopic(name: string, spec: TopicSpec, opts: { validateOnly?: boolean } = {}): Promise<void> {
    this.checkOpen();
    await this.topics.create(name, { partitions: spec.partitions, configs: spec.configs ?? {}, internal: false, validateOnly: opts.validateOnly === true });
  }

  async deleteTopic(name: string): Promise<void> {
    this.checkOpen();
    await this.topics.delete(name);
    await this.groupOffsets.deleteTopic(name);
  }

  /** Grows a topic to `totalPartitions` (Kafka's CreatePartitions; partitions never shrink). */
  async createPartitions(name: string, totalPartitions: number, opts: { validateOnly?: boolean } = {}): Promise<void> {
    this.checkOpen();
    await this.topics.createPartitions(name, totalPartitions, opts.validateOnly === true);
  }

  async alterConfigs(name: string, change: ConfigChange): Promise<EmbeddedTopicDescription> {
    this.checkOpen();
    return this.topics.alterConfigs(name, change);
  }

  async describeTopic(name: string): Promise<EmbeddedTopicDescription | undefined> {
    return this.topics.describe(name);
  }

  async describeTopics(): Promise<EmbeddedTopicDescription[]> {
    return this.topics.names().map((n) => this.topics.describe(n)!);
  }

  async listTopics(): Promise<string[]> {
    return this.topics.names();
  }

  // ---- data ---------------------------------------------------------------

  /** Appends whole batches. The bytes are modified in place (base offsets, LogAppendTime) and must not be reused until it resolves. */
  async append(tp: TopicPartition, batch: RecordBatchBytes, opts: AppendOptions = {}): Promise<AppendResult> {
    const p = this.partition(tp);
    if (isInternalTopic(tp.topic)) throw new LogError('GALE_ERR_LOG_INVALID_TOPIC', `cannot append to internal topic '${tp.topic}'`);
    return p.append(batch, opts.acks ?? -1);
  }

  async read(tp: TopicPartition, from: bigint, maxBytes: number): Promise<ReadResult> {
    return readPartition(this.partition(tp), from, maxBytes);
  }

  async offsets(tp: TopicPartition): Promise<PartitionOffsets> {
    const p = this.partition(tp);
    return { logStart: p.logStartOffset, highWatermark: p.highWatermark };
  }

  async partitionState(tp: TopicPartition): Promise<PartitionState> {
    const p = this.partition(tp);
    return { logStartOffset: p.logStartOffset, highWatermark: p.highWatermark, lastStableOffset: p.highWatermark, sizeBytes: p.sizeBytes, segments: p.segments.length, ...p.stats };
  }

  async offsetForTime(tp: TopicPartition, timestampMs: bigint): Promise<bigint | undefined> {
    return offsetForTime(this.partition(tp), Number(timestampMs));
  }

  /** Offset and timestamp of the record with the largest timestamp (first of equals); undefined when there is none. */
  async maxTimestampOffset(tp: TopicPartition): Promise<{ offset: bigint; timestamp: bigint } | undefined> {
    const found = await maxTimestampRecord(this.partition(tp));
    return found === undefined ? undefined : { offset: found.offset, timestamp: BigInt(found.timestamp) };
  }

  async waitForData(tp: TopicPartition, offset: bigint, timeoutMs: number, signal?: AbortSignal): Promise<boolean> {
    return this.partition(tp).waitForData(offset, timeoutMs, signal);
  }

  /** Advances the log start offset to `offset` (-1n: the high watermark). Returns the new log start (Kafka's low watermark). */
  async deleteRecords(tp: TopicPartition, offset: bigint): Promise<bigint> {
    const p = this.partition(tp);
    return p.deleteRecords(offset === -1n ? p.highWatermark : offset);
  }

  // ---- consumer-group offsets ----------------------------------------------

  async commitOffsets(group: string, offsets: readonly CommittedOffset[]): Promise<void> {
    this.checkOpen();
    for (const o of offsets) this.partition(o);
    await this.groupOffsets.commit(group, offsets);
  }

  /** One entry per partition asked; offset -1n (metadata null) where the group has committed nothing. */
  async committedOffsets(group: string, tps: readonly TopicPartition[]): Promise<CommittedOffset[]> {
    return this.groupOffsets.fetch(group, tps);
  }

  async allCommittedOffsets(group: string): Promise<CommittedOffset[]> {
    return this.groupOffsets.fetchAll(group);
  }

  async deleteCommittedOffsets(group: string, tps?: readonly TopicPartition[]): Promise<void> {
    this.checkOpen();
    await this.groupOffsets.delete(group, tps);
  }

  async groupsWithCommittedOffsets(): Promise<string[]> {
    return this.groupOffsets.groupsWithOffsets();
  }

  private async loadGroupOffsets(): Promise<void> {
    for (const p of this.topics.require(OFFSETS_TOPIC).partitions) {
      let at = p.logStartOffset;
      while (at < p.highWatermark) {
        const { records } = await readPartition(p, at, 1 << 20);
        if (records.length === 0) break;
        this.groupOffsets.replay(await decodeRecordBatchesAsync(records, { verifyCrc: false }));
        const spans = splitBatches(records, { skipCrc: true });
        const last = spans[spans.length - 1]!;
        at = readBaseOffset(records, last.at) + BigInt(readLastOffsetDelta(records, last.at)) + 1n;
      }
    }
  }

  // ---- maintenance -----------------------------------------------------------

  /** Applies retention to every partition now; returns how many segments were deleted. */
  async runRetention(): Promise<number> {
    let n = 0;
    for (const state of this.topics.states()) for (const p of state.partitions) if (!p.isClosed) n += await p.applyRetention();
    return n;
  }

  /** Compacts every partition of compacted topics that is due (or all, with `force`). */
  async runCompaction(opts: { force?: boolean } = {}): Promise<CompactionResult[]> {
    const out: CompactionResult[] = [];
    for (const state of this.topics.states()) {
      if (!state.config.cleanupPolicy.compact) continue;
      for (const p of state.partitions) {
        if (this.closed) return out;
        const r = await compactPartition(p, { nowMs: this.clock.now(), force: opts.force === true });
        if (r !== undefined) out.push(r);
      }
    }
    return out;
  }

  /** fsyncs every partition with unsynced appends (for `interval:` and `os`). */
  async flush(): Promise<void> {
    for (const state of this.topics.states()) for (const p of state.partitions) await p.syncIfDirty();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const t of this.timers) clearInterval(t);
    await this.background.catch(() => undefined);
    // the marker lets the next open trust the active segments; any partition that did not close cleanly withholds it
    if (!(await this.topics.closeAll())) return;
    const marker = await openFile(join(this.logDir, CLEAN_MARKER), 'w');
    await marker.close();
    await syncDir(this.logDir);
  }

  // ---- helpers ---------------------------------------------------------------

  private every(ms: number, task: () => Promise<unknown>): void {
    if (ms <= 0) return;
    let running = false;
    const timer = setInterval(() => {
      if (running || this.closed) return;
      running = true;
      const run = task()
        .catch((e: unknown) => this.logger.warn(`background task failed: ${String((e as Error)?.message ?? e)}`))
        .finally(() => {
          running = false;
        });
      this.background = Promise.all([this.background, run]);
    }, ms);
    timer.unref();
    this.timers.push(timer);
  }

  private checkOpen(): void {
    if (this.closed) throw new LogError('GALE_ERR_LOG_CLOSED', 'the log is closed');
  }

  private partition(tp: TopicPartition): Partition {
    this.checkOpen();
    return this.topics.partition(tp);
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
