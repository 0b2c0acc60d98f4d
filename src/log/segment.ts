/**
 * One segment of a partition: `<base offset, 20 digits>.log` plus its sparse
 * `.index` and `.timeindex` (formats in offset-index.ts and time-index.ts).
 *
 * The .log file is record batches v2 back to back, exactly as appended (base
 * offsets assigned), nothing else: no segment header, no padding. What is
 * checksummed is each batch's CRC-32C. After a crash the active segment's
 * tail is re-validated batch by batch and cut at the first torn or corrupt
 * batch (`openSegment` with `recover`); indexes are rebuilt when missing or
 * inconsistent. Sealed segments' indexes are written whole (temp + rename).
 *
 * `size` counts only bytes that are written and acknowledged per the flush
 * policy: readers never see bytes past it. Not safe for concurrent writers:
 * the partition serializes writes, rolls and swaps.
 */
import { constants as fsc } from 'node:fs';
import { open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { OffsetIndex } from './offset-index.js';
import { TimeIndex } from './time-index.js';
import { BatchScanner } from './segment-scan.js';
import { LogError } from './errors.js';
import { readMaxTimestamp } from './record-batch/header.js';

export interface LogLine {
  info(msg: string): void;
  warn(msg: string): void;
}

export function segmentName(baseOffset: bigint): string {
  return baseOffset.toString().padStart(20, '0');
}

export function segmentPaths(dir: string, baseOffset: bigint): { log: string; index: string; timeindex: string } {
  const name = segmentName(baseOffset);
  return { log: join(dir, `${name}.log`), index: join(dir, `${name}.index`), timeindex: join(dir, `${name}.timeindex`) };
}

/** What the partition knows about a batch once it is written. */
export interface WrittenBatch {
  readonly baseOffset: bigint;
  readonly lastOffset: bigint;
  readonly maxTimestamp: number;
  readonly position: number;
  readonly size: number;
}

export class Segment {
  size: number;
  /** last offset + 1 of the batches in `size` (baseOffset when empty) */
  nextOffset: bigint;
  /** largest batch maxTimestamp (-1 when empty) */
  maxTimestamp: number;
  /** offset of the batch holding maxTimestamp */
  private maxTimestampRel = 0;
  private bytesSinceIndexEntry = 0;
  private refs = 0;
  private retired = false;
  private closed = false;

  constructor(
    readonly dir: string,
    readonly baseOffset: bigint,
    readonly fh: FileHandle,
    /** when the first batch went in (segment.ms counts from it) */
    public createdAtMs: number,
    public offsetIndex: OffsetIndex,
    public timeIndex: TimeIndex,
    init: { size: number; nextOffset: bigint; maxTimestamp: number },
  ) {
    this.size = init.size;
    this.nextOffset = init.nextOffset;
    this.maxTimestamp = init.maxTimestamp;
  }

  get paths(): { log: string; index: string; timeindex: string } {
    return segmentPaths(this.dir, this.baseOffset);
  }

  get isEmpty(): boolean {
    return this.size === 0;
  }

  /** Adds index entries for a batch now in the file (call in offset order). */
  indexBatch(b: WrittenBatch, indexIntervalBytes: number): void {
    const rel = Number(b.baseOffset - this.baseOffset);
    if (b.maxTimestamp > this.maxTimestamp) {
      this.maxTimestamp = b.maxTimestamp;
      this.maxTimestampRel = rel;
    }
    if (this.bytesSinceIndexEntry >= indexIntervalBytes || this.offsetIndex.entries === 0) {
      this.offsetIndex.append(rel, b.position);
      if (this.maxTimestamp >= 0) this.timeIndex.append(this.maxTimestamp, rel);
      this.bytesSinceIndexEntry = 0;
    }
    this.bytesSinceIndexEntry += b.size;
    this.nextOffset = b.lastOffset + 1n;
    this.size = b.position + b.size;
  }

  async writeAt(buffers: readonly Buffer[], position: number): Promise<void> {
    let total = 0;
    for (const b of buffers) total += b.length;
    let written = 0;
    let pending: readonly Buffer[] = buffers;
    while (written < total) {
      const { bytesWritten } = await this.fh.writev(pending as Buffer[], position + written);
      if (bytesWritten <= 0) throw new LogError('GALE_ERR_LOG_STORAGE', `short write to ${this.paths.log}`);
      written += bytesWritten;
      if (written < total) pending = remainder(buffers, written);
    }
  }

  async sync(): Promise<void> {
    await this.fh.datasync();
  }

  /** Up to `length` bytes at `position` (fewer at the end of the file). */
  async readAt(position: number, length: number): Promise<Buffer> {
    const buf = Buffer.allocUnsafe(length);
    let got = 0;
    while (got < length) {
      const { bytesRead } = await this.fh.read(buf, got, length - got, position + got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return got === length ? buf : buf.subarray(0, got);
  }

  /** Writes both indexes whole (temp file, fsync, rename); adds the final max-timestamp entry. */
  async persistIndexes(): Promise<void> {
    if (this.maxTimestamp >= 0) this.timeIndex.append(this.maxTimestamp, Math.max(this.maxTimestampRel, this.timeIndexLastRel()));
    const p = this.paths;
    await writeWhole(p.index, this.offsetIndex.bytes());
    await writeWhole(p.timeindex, this.timeIndex.bytes());
  }

  private timeIndexLastRel(): number {
    const n = this.timeIndex.entries;
    return n === 0 ? 0 : this.timeIndex.relativeOffsetAt(n - 1);
  }

  async truncateTo(position: number): Promise<void> {
    await this.fh.truncate(position);
    this.size = position;
  }

  acquire(): void {
    this.refs++;
  }

  release(): void {
    this.refs--;
    if (this.refs === 0 && this.retired) void this.close().catch(() => undefined);
  }

  /** Takes the segment out of service: files deleted (if asked) now, fd closed once the last reader releases it. */
  async retire(opts: { deleteFiles: boolean }): Promise<void> {
    this.retired = true;
    if (opts.deleteFiles) {
      const p = this.paths;
      await Promise.all([rm(p.log, { force: true }), rm(p.index, { force: true }), rm(p.timeindex, { force: true })]);
    }
    if (this.refs === 0) await this.close();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.fh.close();
  }
}

function remainder(buffers: readonly Buffer[], skip: number): Buffer[] {
  const out: Buffer[] = [];
  for (const b of buffers) {
    if (skip >= b.length) {
      skip -= b.length;
      continue;
    }
    out.push(skip > 0 ? b.subarray(skip) : b);
    skip = 0;
  }
  return out;
}

async function writeWhole(path: string, bytes: Buffer): Promise<void> {
  const tmp = `${path}.tmp`;
  await writeFile(tmp, bytes, { flush: true });
  await rename(tmp, path);
}

/** fsync of a directory, so a file created or renamed in it survives a power loss (POSIX asks for it). */
export async function syncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

export async function createSegment(dir: string, baseOffset: bigint, nowMs: number): Promise<Segment> {
  const p = segmentPaths(dir, baseOffset);
  // a leftover from a crashed earlier roll or compaction is replaced
  await Promise.all([rm(p.index, { force: true }), rm(p.timeindex, { force: true })]);
  const fh = await open(p.log, fsc.O_RDWR | fsc.O_CREAT | fsc.O_TRUNC, 0o644);
  try {
    await syncDir(dir);
  } catch (e) {
    await fh.close();
    throw e;
  }
  return new Segment(dir, baseOffset, fh, nowMs, OffsetIndex.empty(), TimeIndex.empty(), {
    size: 0,
    nextOffset: baseOffset,
    maxTimestamp: -1,
  });
}

export interface OpenSegmentOptions {
  /** re-validate every batch (CRC) and cut a torn or corrupt tail: the active segment after an unclean stop */
  readonly recover: boolean;
  readonly indexIntervalBytes: number;
  readonly logger: LogLine;
  /** for log lines, e.g. `orders-0` */
  readonly label: string;
}

async function readIfExists(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

export async function openSegment(dir: string, baseOffset: bigint, opts: OpenSegmentOptions): Promise<Segment> {
  const p = segmentPaths(dir, baseOffset);
  const fh = await open(p.log, fsc.O_RDWR);
  try {
    const st = await stat(p.log);
    const createdAtMs = st.birthtimeMs > 0 ? st.birthtimeMs : st.mtimeMs;
    if (!opts.recover) {
      const [idx, tidx] = await Promise.all([readIfExists(p.index), readIfExists(p.timeindex)]);
      const offsetIndex = idx === undefined ? undefined : OffsetIndex.fromBytes(idx, st.size);
      const timeIndex = tidx === undefined ? undefined : TimeIndex.fromBytes(tidx);
      if (offsetIndex !== undefined && timeIndex !== undefined && (st.size === 0 || offsetIndex.entries > 0)) {
        // the indexes are trusted: find the end offset from the last indexed batch
        const lastPos = offsetIndex.entries > 0 ? offsetIndex.positionAt(offsetIndex.entries - 1) : 0;
        const scanner = new BatchScanner(fh, { start: lastPos, end: st.size, validate: false, chunkBytes: 64 * 1024 });
        let nextOffset = baseOffset;
        for (let b = await scanner.next(); b !== undefined; b = await scanner.next()) nextOffset = b.lastOffset + 1n;
        if (scanner.problem === undefined) {
          return new Segment(dir, baseOffset, fh, createdAtMs, offsetIndex, timeIndex, {
            size: st.size,
            nextOffset,
            maxTimestamp: timeIndex.lastTimestamp,
          });
        }
      }
    }
    return await rebuild(fh, { dir, baseOffset, createdAtMs, fileSize: st.size, ...opts });
  } catch (e) {
    await fh.close();
    throw e;
  }
}

async function rebuild(
  fh: FileHandle,
  o: OpenSegmentOptions & { dir: string; baseOffset: bigint; createdAtMs: number; fileSize: number },
): Promise<Segment> {
  const seg = new Segment(o.dir, o.baseOffset, fh, o.createdAtMs, OffsetIndex.empty(), TimeIndex.empty(), {
    size: 0,
    nextOffset: o.baseOffset,
    maxTimestamp: -1,
  });
  const scanner = new BatchScanner(fh, { end: o.fileSize, validate: o.recover });
  for (let b = await scanner.next(); b !== undefined; b = await scanner.next()) {
    seg.indexBatch(
      { baseOffset: b.baseOffset, lastOffset: b.lastOffset, maxTimestamp: readMaxTimestamp(b.bytes, 0), position: b.position, size: b.bytes.length },
      o.indexIntervalBytes,
    );
  }
  if (scanner.problem !== undefined) {
    const dropped = o.fileSize - scanner.position;
    const where = `log ${o.label}: segment ${segmentName(o.baseOffset)}.log: ${scanner.problem} at byte ${scanner.position}`;
    if (o.recover) {
      o.logger.warn(`${where}; truncated ${dropped} bytes`);
      await seg.truncateTo(scanner.position);
      await fh.datasync();
    } else {
      // a sealed segment is never cut: its readable part ends here, the bytes stay on disk for inspection
      o.logger.warn(`${where}; ${dropped} bytes after it are not served`);
    }
  }
  return seg;
}
