/**
 * Retention (cleanup.policy includes `delete`): which old segments to delete.
 * Whole segments only, oldest first, and only a prefix of the log (a kept
 * segment keeps everything after it), as Kafka does:
 *
 *   - below the log start offset (after deleteRecords): the next segment starts at or below it
 *   - by time: now - the segment's largest timestamp > retention.ms (-1: never)
 *   - by size: the partition stays >= retention.bytes without it (-1: no limit)
 *
 * When every segment including the active one is to go, the active segment
 * is rolled first (`rollActive`), so the log keeps an empty active segment
 * whose base offset is the end of the log.
 */
import type { TopicConfig } from './config.js';

export interface RetentionSegment {
  readonly baseOffset: bigint;
  readonly size: number;
  readonly maxTimestamp: number;
}

export interface RetentionPlan {
  /** how many segments, from the oldest, to delete */
  readonly deleteCount: number;
  /** the active segment must roll first (it is part of the deleted prefix) */
  readonly rollActive: boolean;
}

export function planRetention(p: {
  readonly config: TopicConfig;
  readonly nowMs: number;
  /** oldest first; the last one is the active segment */
  readonly segments: readonly RetentionSegment[];
  readonly logStartOffset: bigint;
}): RetentionPlan {
  const { config, segments } = p;
  const byTimeOrSize = config.cleanupPolicy.delete;
  let total = 0;
  for (const s of segments) total += s.size;
  let count = 0;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    const next = segments[i + 1];
    const isActive = next === undefined;
    if (isActive && s.size === 0) break; // nothing to delete in an empty active segment
    const belowStart = next !== undefined && next.baseOffset <= p.logStartOffset;
    const expired = byTimeOrSize && config.retentionMs >= 0 && s.maxTimestamp >= 0 && p.nowMs - s.maxTimestamp > config.retentionMs;
    const oversize = byTimeOrSize && config.retentionBytes >= 0 && total - s.size >= config.retentionBytes;
    const emptyClosed = !isActive && s.size === 0 && byTimeOrSize; // e.g. emptied by compaction
    if (!belowStart && !expired && !oversize && !emptyClosed) break;
    total -= s.size;
    count++;
  }
  return { deleteCount: count, rollActive: count === segments.length && count > 0 };
}
