/** Shared by the log tests: temp data dirs, a log line recorder, a virtual clock, batch builders. */
import { mkdtemp, rm } from 'node:fs/promises';
import { afterEach, beforeEach } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedLog } from '../../../src/log/embedded-log.js';
import type { EmbeddedLogOptions } from '../../../src/log/embedded-log.js';
import { encodeRecordBatch, decodeRecordBatchesAsync } from '../../../src/log/record-batch/index.js';
import type { RecordInput } from '../../../src/log/record-batch/index.js';
import type { TopicPartition } from '../../../src/log/log.js';

export class VirtualClock {
  constructor(public t = 1_700_000_000_000) {}
  now(): number {
    return this.t;
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

export class RecordingLogger {
  readonly lines: string[] = [];
  info(m: string): void {
    this.lines.push(`info: ${m}`);
  }
  warn(m: string): void {
    this.lines.push(`warn: ${m}`);
  }
}

export interface TempLog {
  readonly dir: string;
  readonly logger: RecordingLogger;
  open(extra?: Partial<EmbeddedLogOptions>): Promise<EmbeddedLog>;
  cleanup(): Promise<void>;
}

/** A temp data dir; `open` opens an EmbeddedLog on it with background timers off (tests trigger work). */
export async function tempLog(defaults: Partial<EmbeddedLogOptions> = {}): Promise<TempLog> {
  const dir = await mkdtemp(join(tmpdir(), 'gale-log-test-'));
  const logger = new RecordingLogger();
  const opened: EmbeddedLog[] = [];
  return {
    dir,
    logger,
    async open(extra = {}) {
      const log = await EmbeddedLog.open({ dataDir: dir, logger, retentionCheckIntervalMs: 0, compactionIntervalMs: 0, ...defaults, ...extra });
      opened.push(log);
      return log;
    },
    async cleanup() {
      for (const l of opened) await l.close().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * For a test file: before each test, a fresh temp log on a virtual clock at
 * `t0` (handed over through `ready`); removed after it.
 */
export function useClockedLog(t0: number, ready: (t: TempLog, log: EmbeddedLog, clock: VirtualClock) => void): void {
  let t: TempLog | undefined;
  beforeEach(async () => {
    t = await tempLog();
    const clock = new VirtualClock(t0);
    ready(t, await t.open({ clock }), clock);
  });
  afterEach(async () => {
    await t?.cleanup();
  });
}

export function batchOf(records: RecordInput[], extra: { timestamp?: number } = {}): Buffer {
  return encodeRecordBatch({ records, ...extra });
}

/** A batch of `n` records with values `${prefix}-${i}`, all at time `ts`. */
export function valuesBatch(prefix: string, n: number, ts?: number): Buffer {
  const records: RecordInput[] = [];
  for (let i = 0; i < n; i++) records.push({ key: null, value: `${prefix}-${i}`, ...(ts === undefined ? {} : { timestamp: ts }) });
  return encodeRecordBatch({ records, ...(ts === undefined ? {} : { timestamp: ts }) });
}

export interface ReadRecord {
  readonly offset: bigint;
  readonly key: string | null;
  readonly value: string | null;
  readonly timestamp: number;
}

/** Reads a partition from `from` to its high watermark and decodes every record at or after `from`. */
export async function readAll(log: EmbeddedLog, tp: TopicPartition, from = 0n, maxBytes = 64 * 1024): Promise<ReadRecord[]> {
  const out: ReadRecord[] = [];
  let at = from;
  for (;;) {
    const { records, highWatermark } = await log.read(tp, at, maxBytes);
    if (records.length === 0) {
      if (at < highWatermark) throw new Error(`empty read at ${at} below high watermark ${highWatermark}`);
      return out;
    }
    let next = at;
    for (const b of await decodeRecordBatchesAsync(records)) {
      for (const r of b.records) {
        const offset = b.header.baseOffset + BigInt(r.offsetDelta);
        if (offset >= at) out.push({ offset, key: r.key?.toString() ?? null, value: r.value?.toString() ?? null, timestamp: r.timestamp });
      }
      next = b.header.baseOffset + BigInt(b.header.lastOffsetDelta) + 1n;
    }
    if (next <= at) throw new Error(`read at ${at} made no progress`);
    at = next;
  }
}

export async function codeOf(p: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof p === 'function' ? p() : p);
    return 'no error';
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
}
