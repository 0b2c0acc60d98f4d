/**
 * When the active segment rolls: all of Kafka's roll conditions in one
 * predicate, asked before each append with the size it would add.
 *
 *   segment.bytes        the segment would grow past it
 *   segment.ms           the segment's first batch is this old
 *   segment.index.bytes  an index would grow past it
 *   int32 overflow       a relative offset (index field) would not fit
 *
 * An empty segment never rolls: it takes any batch.
 */
import type { TopicConfig } from './config.js';

/** Should `batchSize` more bytes go to a new segment? */
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

