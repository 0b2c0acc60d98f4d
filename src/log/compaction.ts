/**
 * Compaction (cleanup.policy includes `compact`): keep only the latest record
 * of each key in the closed segments.
 *
 * 1. The cleanable range is the closed segments, oldest first, up to the
 *    first one holding a record younger than min.compaction.lag.ms. The
 *    active segment is never touched, so appends never wait for the cleaner.
 * 2. One pass over the range maps each key to its latest offset.
 * 3. Each segment is rewritten to `<base>.log.cleaned`: a record survives if
 *    it has no key, or is its key's latest in the range; a tombstone (null
 *    value) that is its key's latest survives until its segment is older than
 *    delete.retention.ms. Batches keep their base offset, lastOffsetDelta,
 *    producer fields and codec; offsets never change; a batch with every
 *    record kept is copied byte for byte; control batches are kept as is.
 * 4. The cleaned file is fsynced, then swapped in on the partition's serial
 *    queue: old indexes removed, `.cleaned` renamed over `.log` (atomic), new
 *    indexes written. A crash leaves either the old or the new file (a stray
 *    `.cleaned` is deleted on open; missing indexes are rebuilt).
 *
 * Safety: a record is dropped only when a later record with the same key is
 * in the range (or it is an expired tombstone that is itself the latest), so
 * the latest value of every key always survives.
 */
import { constants as fsc } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { OffsetIndex } from './offset-index.js';
import { TimeIndex } from './time-index.js';
import { Segment, segmentPaths, syncDir } from './segment.js';
import type { Partition } from './partition.js';
import { BatchScanner } from './segment-scan.js';
import { readMaxTimestamp } from './record-batch/header.js';
import { decodeRecordBatchAsync } from './record-batch/decode.js';
import { encodeRecordBatchAsync } from './record-batch/encode.js';
import type { RecordInput } from './record-batch/records.js';

export interface CompactionResult {
  readonly segments: number;
  readonly recordsBefore: number;
  readonly recordsAfter: number;
  readonly bytesBefore: number;
  readonly bytesAfter: number;
}

/** Offsets below this were compacted by an earlier pass (in memory: a restart makes everything dirty once). */
const cleanedUpTo = new WeakMap<Partition, bigint>();

export async function compactPartition(p: Partition, opts: { nowMs: number; force: boolean }): Promise<CompactionResult | undefined> {
  const cfg = p.config;
  if (!cfg.cleanupPolicy.compact || p.isClosed) return undefined;
  const closedSegments = p.segments.slice(0, -1);
  const range: Segment[] = [];
  for (const s of closedSegments) {
    if (s.maxTimestamp > opts.nowMs - cfg.minCompactionLagMs) break;
    range.push(s);
  }
  if (range.length === 0) return undefined;
  const clean = cleanedUpTo.get(p) ?? -1n;
  let total = 0;
  let dirty = 0;
  for (const s of range) {
    total += s.size;
    if (s.baseOffset >= clean) dirty += s.size;
  }
  // `force` (runCompaction({ force: true })) cleans even a clean range: expired tombstones still go
  if (!opts.force && (dirty === 0 || dirty / total < cfg.minCleanableDirtyRatio)) return undefined;

  for (const s of range) s.acquire();
  try {
    const latest = await latestOffsets(range);
    const result = { segments: 0, recordsBefore: 0, recordsAfter: 0, bytesBefore: 0, bytesAfter: 0 };
    for (const seg of range) {
      if (p.isClosed) break;
      const tombstonesExpire = seg.maxTimestamp < opts.nowMs - cfg.deleteRetentionMs;
      const cleaned = await rewriteSegment(seg, latest, tombstonesExpire, cfg.indexIntervalBytes, result);
      const swapped = await p.serial.run(async () => {
        if (p.isClosed || !p.swapSegment(seg, cleaned)) return false;
        const paths = segmentPaths(seg.dir, seg.baseOffset);
        await Promise.all([rm(paths.index, { force: true }), rm(paths.timeindex, { force: true })]);
        await rename(`${paths.log}.cleaned`, paths.log);
        await syncDir(seg.dir);
        await cleaned.persistIndexes();
        await seg.retire({ deleteFiles: false });
        return true;
      });
      if (!swapped) {
        // deleted by retention or the topic went away meanwhile
        await cleaned.close();
        await rm(`${segmentPaths(seg.dir, seg.baseOffset).log}.cleaned`, { force: true });
        continue;
      }
      result.segments++;
    }
    cleanedUpTo.set(p, range[range.length - 1]!.nextOffset);
    return result;
  } finally {
    for (const s of range) s.release();
  }
}

async function latestOffsets(range: readonly Segment[]): Promise<Map<string, number>> {
  const latest = new Map<string, number>();
  for (const seg of range) {
    const scanner = new BatchScanner(seg.fh, { end: seg.size, validate: false });
    for (let b = await scanner.next(); b !== undefined; b = await scanner.next()) {
      const { header, records } = await decodeRecordBatchAsync(b.bytes, 0, { verifyCrc: false });
      if (header.isControl) continue;
      const base = Number(b.baseOffset);
      for (const r of records) if (r.key !== null) latest.set(r.key.toString('latin1'), base + r.offsetDelta);
    }
  }
  return latest;
}

async function rewriteSegment(
  seg: Segment,
  latest: ReadonlyMap<string, number>,
  tombstonesExpire: boolean,
  indexIntervalBytes: number,
  stats: { recordsBefore: number; recordsAfter: number; bytesBefore: number; bytesAfter: number },
): Promise<Segment> {
  const path = `${segmentPaths(seg.dir, seg.baseOffset).log}.cleaned`;
  const fh = await open(path, fsc.O_RDWR | fsc.O_CREAT | fsc.O_TRUNC, 0o644);
  const out = new Segment(seg.dir, seg.baseOffset, fh, seg.createdAtMs, OffsetIndex.empty(), TimeIndex.empty(), {
    size: 0,
    nextOffset: seg.baseOffset,
    maxTimestamp: -1,
  });
  try {
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let writeAt = 0;
    const scanner = new BatchScanner(seg.fh, { end: seg.size, validate: false });
    for (let b = await scanner.next(); b !== undefined; b = await scanner.next()) {
      stats.bytesBefore += b.bytes.length;
      const kept = await keptBatch(b.bytes, b.baseOffset, latest, tombstonesExpire, stats);
      if (kept === undefined) continue;
      out.indexBatch(
        { baseOffset: b.baseOffset, lastOffset: b.lastOffset, maxTimestamp: readMaxTimestamp(kept, 0), position: writeAt + pendingBytes, size: kept.length },
        indexIntervalBytes,
      );
      pending.push(kept);
      pendingBytes += kept.length;
      if (pendingBytes >= 1 << 20) {
        await out.writeAt(pending, writeAt);
        writeAt += pendingBytes;
        pending = [];
        pendingBytes = 0;
      }
    }
    if (pending.length > 0) await out.writeAt(pending, writeAt);
    await out.sync();
    stats.bytesAfter += out.size;
    return out;
  } catch (e) {
    await out.close();
    await rm(path, { force: true });
    throw e;
  }
}

/** The batch as it should be after cleaning: the same bytes, a re-encoded subset, or undefined (nothing left). */
async function keptBatch(
  bytes: Buffer,
  baseOffset: bigint,
  latest: ReadonlyMap<string, number>,
  tombstonesExpire: boolean,
  stats: { recordsBefore: number; recordsAfter: number },
): Promise<Buffer | undefined> {
  const { header, records } = await decodeRecordBatchAsync(bytes, 0, { verifyCrc: false });
  stats.recordsBefore += records.length;
  if (header.isControl) {
    stats.recordsAfter += records.length;
    return bytes;
  }
  const base = Number(baseOffset);
  const keep: RecordInput[] = [];
  for (const r of records) {
    if (r.key !== null) {
      if (latest.get(r.key.toString('latin1')) !== base + r.offsetDelta) continue;
      if (r.value === null && tombstonesExpire) continue;
    }
    keep.push(r);
  }
  stats.recordsAfter += keep.length;
  // untouched: kept byte for byte (a view into the scanner's chunk, which is never reused)
  if (keep.length === records.length) return bytes;
  if (keep.length === 0) return undefined;
  return encodeRecordBatchAsync({
    records: keep,
    compression: header.compression,
    baseOffset,
    timestampType: header.timestampType,
    baseTimestamp: header.baseTimestamp,
    ...(header.timestampType === 'LogAppendTime' ? { maxTimestamp: header.maxTimestamp } : {}),
    lastOffsetDelta: header.lastOffsetDelta,
    producerId: header.producerId,
    producerEpoch: header.producerEpoch,
    baseSequence: header.baseSequence,
    partitionLeaderEpoch: header.partitionLeaderEpoch,
    isTransactional: header.isTransactional,
  });
}
