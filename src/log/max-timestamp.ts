/**
 * The record with the largest timestamp in a partition (ListOffsets
 * MAX_TIMESTAMP, KIP-734): its offset and timestamp.
 *
 * Every segment knows its largest batch maxTimestamp, so only segments that
 * could beat the best found so far are opened, and inside one the time index
 * gives a position at or before the batch holding the maximum. Ties go to the
 * first record (lowest offset), as Kafka answers. Only records in
 * [log start, high watermark) count; when the segment's maximum lies outside
 * that range (a log start inside the segment) the segment is scanned whole.
 */
import type { Partition } from './partition.js';
import type { Segment } from './segment.js';
import { BatchScanner } from './segment-scan.js';
import { readMaxTimestamp } from './record-batch/header.js';
import { decodeRecordBatchAsync } from './record-batch/decode.js';

export interface TimestampedOffset {
  readonly offset: bigint;
  readonly timestamp: number;
}

interface Range {
  readonly logStart: bigint;
  readonly highWatermark: bigint;
}

/** undefined when the partition has no visible record with a timestamp (>= 0) */
export async function maxTimestampRecord(p: Partition): Promise<TimestampedOffset | undefined> {
  const range: Range = { logStart: p.logStartOffset, highWatermark: p.highWatermark };
  let best: TimestampedOffset | undefined;
  for (const seg of p.segments) {
    if (seg.maxTimestamp < 0 || (best !== undefined && seg.maxTimestamp <= best.timestamp)) continue;
    if (seg.nextOffset <= range.logStart || seg.baseOffset >= range.highWatermark) continue;
    seg.acquire();
    try {
      // batches up to the last time-index entry below the segment maximum are all older than it
      const near = seg.offsetIndex.lookup(seg.timeIndex.lookup(seg.maxTimestamp));
      const found =
        (await largestAbove(seg, { from: near, floor: seg.maxTimestamp - 1, range })) ??
        (await largestAbove(seg, { from: 0, floor: best?.timestamp ?? -1, range }));
      if (found !== undefined && (best === undefined || found.timestamp > best.timestamp)) best = found;
    } finally {
      seg.release();
    }
  }
  return best;
}

/**
 * The first record in `seg` from byte `from` with the largest timestamp
 * above `floor`, within the range; stops early at the segment's maximum.
 */
async function largestAbove(seg: Segment, o: { from: number; floor: number; range: Range }): Promise<TimestampedOffset | undefined> {
  let best: TimestampedOffset | undefined;
  const scanner = new BatchScanner(seg.fh, { start: o.from, end: seg.size, validate: false, chunkBytes: 256 * 1024 });
  for (let b = await scanner.next(); b !== undefined; b = await scanner.next()) {
    if (b.baseOffset >= o.range.highWatermark) break;
    const atLeast = best?.timestamp ?? o.floor;
    if (b.lastOffset < o.range.logStart || readMaxTimestamp(b.bytes, 0) <= atLeast) continue;
    const { records } = await decodeRecordBatchAsync(b.bytes, 0, { verifyCrc: false });
    for (const r of records) {
      const offset = b.baseOffset + BigInt(r.offsetDelta);
      if (offset < o.range.logStart || offset >= o.range.highWatermark) continue;
      if (r.timestamp > (best?.timestamp ?? o.floor)) best = { offset, timestamp: r.timestamp };
    }
    if (best !== undefined && best.timestamp >= seg.maxTimestamp) break;
  }
  return best;
}
