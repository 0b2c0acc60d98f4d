/**
 * The read side of a partition: fetches and lookups by time.
 *
 * A fetch returns whole batches as one byte range of one segment: the index
 * gives a position at or before the batch holding `from`, one pread covers
 * that gap plus the byte budget, and the batch boundaries are found by
 * walking the length fields in memory (no record is decoded). The first batch
 * may start before `from` (Kafka's rule: consumers skip earlier records); a
 * first batch larger than the budget is still returned whole.
 */
import type { ReadResult } from './log.js';
import { LogError } from './errors.js';
import type { Partition } from './partition.js';
import type { Segment } from './segment.js';
import { BatchScanner } from './segment-scan.js';
import { LAST_OFFSET_DELTA_AT, batchSizeAt, readBaseOffset, readLastOffsetDelta, readMaxTimestamp } from './record-batch/header.js';
import { decodeRecordBatchAsync } from './record-batch/decode.js';

/** bytes of header needed to know a batch's offsets and size */
const HEADER_PREFIX = LAST_OFFSET_DELTA_AT + 4;
/** read this much beyond budget + index interval after an index lookup (room for one batch straddling the entry) */
const GAP_SLACK = 16 * 1024;
const EMPTY = Buffer.alloc(0);

export async function readPartition(p: Partition, from: bigint, maxBytes: number): Promise<ReadResult> {
  if (!Number.isInteger(maxBytes) || maxBytes < 0) {
    throw new LogError('GALE_ERR_LOG_INVALID_REQUEST', `maxBytes must be a non-negative integer, got ${maxBytes}`);
  }
  const hw = p.highWatermark;
  const logStartOffset = p.logStartOffset;
  if (from < logStartOffset || from > hw) {
    throw new LogError('GALE_ERR_LOG_OFFSET_OUT_OF_RANGE', `log ${p.label}: offset ${from} is outside [${logStartOffset}, ${hw}]`, {
      details: { offset: from, logStartOffset, highWatermark: hw },
    });
  }
  const done = (records: Buffer): ReadResult => ({ records, highWatermark: hw, logStartOffset });
  if (from === hw) return done(EMPTY);
  const segments = p.segments;
  for (let i = segmentIndexFor(segments, from); i < segments.length; i++) {
    const seg = segments[i]!;
    seg.acquire();
    try {
      const bytes = await readFromSegment(p, seg, from, maxBytes, hw);
      if (bytes !== undefined) return done(bytes);
    } finally {
      seg.release();
    }
  }
  return done(EMPTY);
}

/** Index of the last segment whose base offset is <= `offset` (0 if none). */
export function segmentIndexFor(segments: readonly Segment[], offset: bigint): number {
  let lo = 0;
  let hi = segments.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (segments[mid]!.baseOffset <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

async function readFromSegment(p: Partition, seg: Segment, from: bigint, maxBytes: number, hw: bigint): Promise<Buffer | undefined> {
  const end = seg.size;
  const cached = p.lastRead;
  const hit = cached !== undefined && cached.segment === seg && cached.nextOffset === from;
  let pos = hit ? cached.position : seg.offsetIndex.lookup(from > seg.baseOffset ? Number(from - seg.baseOffset) : 0);
  // a sequential reader starts exactly at a batch: read the budget (or one batch as large as the last one);
  // after an index lookup, add room for the gap between the index entry and the wanted batch
  const want = hit ? Math.max(maxBytes, cached.lastBatchSize) : maxBytes + p.config.indexIntervalBytes + GAP_SLACK;
  const window = (): number => Math.min(end - pos, want);
  let buf = await seg.readAt(pos, window());
  let i = 0;
  // skip the batches that end before `from`
  for (;;) {
    if (i + HEADER_PREFIX > buf.length) {
      if (pos + i >= end) return undefined;
      pos += i;
      i = 0;
      buf = await seg.readAt(pos, window());
      if (buf.length < HEADER_PREFIX) return undefined;
      continue;
    }
    const base = readBaseOffset(buf, i);
    if (base >= hw) return undefined;
    if (base + BigInt(readLastOffsetDelta(buf, i)) >= from) break;
    i += batchSizeAt(buf, i);
  }
  // take whole batches up to the budget (at least one), stopping at the high watermark
  const start = i;
  let j = i;
  let nextOffset = from;
  let lastBatchSize = 0;
  while (j + HEADER_PREFIX <= buf.length) {
    const size = batchSizeAt(buf, j);
    if (j + size > buf.length) break;
    if (j > start && j - start + size > maxBytes) break;
    const base = readBaseOffset(buf, j);
    if (base >= hw) break;
    nextOffset = base + BigInt(readLastOffsetDelta(buf, j)) + 1n;
    lastBatchSize = size;
    j += size;
  }
  if (j === start) {
    // the first batch is larger than what was read: read exactly it
    const size = batchSizeAt(buf, start);
    const whole = await seg.readAt(pos + start, size);
    p.lastRead = { segment: seg, nextOffset: readBaseOffset(whole, 0) + BigInt(readLastOffsetDelta(whole, 0)) + 1n, position: pos + start + size, lastBatchSize: size };
    return whole;
  }
  p.lastRead = { segment: seg, nextOffset, position: pos + j, lastBatchSize };
  return buf.subarray(start, j);
}

/**
 * First offset >= the log start whose record timestamp is >= `timestampMs`,
 * or undefined. Finds the batch through the time index and batch headers,
 * then decodes that one batch to pick the record.
 */
export async function offsetForTime(p: Partition, timestampMs: number): Promise<bigint | undefined> {
  const hw = p.highWatermark;
  for (const seg of p.segments) {
    if (seg.maxTimestamp < timestampMs) continue;
    seg.acquire();
    try {
      const startRel = seg.timeIndex.lookup(timestampMs);
      const scanner = new BatchScanner(seg.fh, { start: seg.offsetIndex.lookup(startRel), end: seg.size, validate: false, chunkBytes: 256 * 1024 });
      for (let b = await scanner.next(); b !== undefined; b = await scanner.next()) {
        if (b.baseOffset >= hw) return undefined;
        if (b.lastOffset < p.logStartOffset || readMaxTimestamp(b.bytes, 0) < timestampMs) continue;
        const { records } = await decodeRecordBatchAsync(b.bytes, 0, { verifyCrc: false });
        for (const r of records) {
          const offset = b.baseOffset + BigInt(r.offsetDelta);
          if (r.timestamp >= timestampMs && offset >= p.logStartOffset && offset < hw) return offset;
        }
      }
    } finally {
      seg.release();
    }
  }
  return undefined;
}
