/**
 * Kafka's murmur2 (the 32-bit MurmurHash2 variant in
 * org.apache.kafka.common.utils.Utils, seed 0x9747b28c) and the default
 * partitioner's choice `toPositive(murmur2(keyBytes)) % numPartitions`.
 *
 * Fields groupings and keyed appends both use it, so a record keyed by any
 * Kafka client lands in the partition Gale expects and vice versa.
 * Everything here works on 32-bit integers through Math.imul, exactly like
 * Java's int arithmetic.
 */
const SEED = 0x9747b28c;
const M = 0x5bd1e995;

/** murmur2 over bytes[start, end) — a signed 32-bit result, as Java returns it. */
export function murmur2(bytes: Uint8Array, start = 0, end = bytes.length): number {
  const length = end - start;
  let h = SEED ^ length;
  const blocks = length & ~3;
  let i = start;
  const stop = start + blocks;
  while (i < stop) {
    let k = bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24);
    k = Math.imul(k, M);
    k ^= k >>> 24;
    k = Math.imul(k, M);
    h = Math.imul(h, M) ^ k;
    i += 4;
  }
  // the tail: up to three bytes (Java's switch with fall-through)
  const tail = length & 3;
  if (tail === 3) h ^= bytes[stop + 2]! << 16;
  if (tail >= 2) h ^= bytes[stop + 1]! << 8;
  if (tail >= 1) {
    h ^= bytes[stop]!;
    h = Math.imul(h, M);
  }
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}

/** Kafka's `Utils.toPositive`: clears the sign bit (not Math.abs). */
export function toPositive(n: number): number {
  return n & 0x7fffffff;
}

/** The partition Kafka's default partitioner picks for a non-null key. */
export function kafkaPartition(keyBytes: Uint8Array, numPartitions: number): number {
  return toPositive(murmur2(keyBytes)) % numPartitions;
}
