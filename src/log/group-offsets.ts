/**
 * Consumer-group committed offsets, kept durably in the log itself: the
 * compacted internal topic `__consumer_offsets`, in Kafka's own record format
 * so the topic reads the same as a Kafka broker's.
 *
 *   key   (version 1): version INT16 = 1 | group STRING | topic STRING | partition INT32
 *   value (version 3): version INT16 = 3 | offset INT64 | leaderEpoch INT32 (-1) |
 *                      metadata STRING | commitTimestamp INT64
 *   STRING = INT16 length + UTF-8; a null value is a tombstone (offset deleted)
 *
 * A group's commits go to partition abs(javaHashCode(group)) % partitions,
 * as in Kafka, one batch per commit, appended with acks=-1 (fsynced before
 * the commit returns). On open every partition is replayed into memory; reads
 * are served from memory. Kafka stores metadata as a non-null string, so a
 * null metadata comes back as "".
 */
import { encodeRecordBatch } from './record-batch/encode.js';
import type { RecordInput } from './record-batch/records.js';
import type { DecodedBatch } from './record-batch/decode.js';
import type { CommittedOffset, TopicPartition } from './log.js';

export interface OffsetsTopic {
  readonly partitions: number;
  append(partition: number, batch: Buffer): Promise<void>;
}

interface Stored {
  readonly offset: bigint;
  readonly metadata: string;
  readonly commitTimestamp: number;
}

/** Java's String.hashCode, which Kafka uses to place a group. */
export function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

export function offsetsPartitionFor(group: string, partitions: number): number {
  return (javaStringHash(group) & 0x7fffffff) % partitions;
}

function tpKey(topic: string, partition: number): string {
  return `${topic}\u0000${partition}`;
}

function writeString(parts: Buffer[], s: string): void {
  const b = Buffer.from(s, 'utf8');
  const len = Buffer.allocUnsafe(2);
  len.writeInt16BE(b.length);
  parts.push(len, b);
}

export function encodeOffsetKey(group: string, topic: string, partition: number): Buffer {
  const parts: Buffer[] = [Buffer.from([0, 1])];
  writeString(parts, group);
  writeString(parts, topic);
  const p = Buffer.allocUnsafe(4);
  p.writeInt32BE(partition);
  parts.push(p);
  return Buffer.concat(parts);
}

export function encodeOffsetValue(offset: bigint, metadata: string, commitTimestamp: number): Buffer {
  const head = Buffer.allocUnsafe(14);
  head.writeInt16BE(3, 0);
  head.writeBigInt64BE(offset, 2);
  head.writeInt32BE(-1, 10);
  const parts: Buffer[] = [head];
  writeString(parts, metadata);
  const ts = Buffer.allocUnsafe(8);
  ts.writeBigInt64BE(BigInt(commitTimestamp));
  parts.push(ts);
  return Buffer.concat(parts);
}

function readString(b: Buffer, at: number): [string, number] {
  const len = b.readInt16BE(at);
  if (len < 0) return ['', at + 2];
  return [b.toString('utf8', at + 2, at + 2 + len), at + 2 + len];
}

export class GroupOffsets {
  private readonly groups = new Map<string, Map<string, Stored & TopicPartition>>();

  constructor(
    private readonly topic: OffsetsTopic,
    private readonly clock: { now(): number },
  ) {}

  /** Replays batches read from the internal topic (in offset order). Records of other kinds are skipped. */
  replay(batches: readonly DecodedBatch[]): void {
    for (const { header, records } of batches) {
      if (header.isControl) continue;
      for (const r of records) {
        if (r.key === null || r.key.length < 2) continue;
        const version = r.key.readInt16BE(0);
        if (version !== 0 && version !== 1) continue; // 2 = group metadata, not an offset
        const [group, afterGroup] = readString(r.key, 2);
        const [topic, afterTopic] = readString(r.key, afterGroup);
        const partition = r.key.readInt32BE(afterTopic);
        if (r.value === null) {
          this.forget(group, topic, partition);
          continue;
        }
        const vVersion = r.value.readInt16BE(0);
        const offset = r.value.readBigInt64BE(2);
        const [metadata, afterMeta] = readString(r.value, vVersion >= 3 ? 14 : 10);
        const commitTimestamp = Number(r.value.readBigInt64BE(afterMeta));
        this.remember(group, { topic, partition, offset, metadata, commitTimestamp });
      }
    }
  }

  async commit(group: string, offsets: readonly CommittedOffset[]): Promise<void> {
    if (offsets.length === 0) return;
    const now = this.clock.now();
    const records: RecordInput[] = offsets.map((o) => ({
      key: encodeOffsetKey(group, o.topic, o.partition),
      value: encodeOffsetValue(o.offset, o.metadata ?? '', now),
      timestamp: now,
    }));
    await this.topic.append(offsetsPartitionFor(group, this.topic.partitions), encodeRecordBatch({ records, timestamp: now }));
    for (const o of offsets) this.remember(group, { topic: o.topic, partition: o.partition, offset: o.offset, metadata: o.metadata ?? '', commitTimestamp: now });
  }

  /** One entry per asked partition; offset -1n and metadata null when nothing is committed (Kafka's answer). */
  fetch(group: string, tps: readonly TopicPartition[]): CommittedOffset[] {
    const g = this.groups.get(group);
    return tps.map((tp) => {
      const s = g?.get(tpKey(tp.topic, tp.partition));
      return s === undefined
        ? { topic: tp.topic, partition: tp.partition, offset: -1n, metadata: null }
        : { topic: tp.topic, partition: tp.partition, offset: s.offset, metadata: s.metadata };
    });
  }

  /** Everything a group has committed (OffsetFetch with no topic list). */
  fetchAll(group: string): CommittedOffset[] {
    return [...(this.groups.get(group)?.values() ?? [])].map((s) => ({ topic: s.topic, partition: s.partition, offset: s.offset, metadata: s.metadata }));
  }

  groupsWithOffsets(): string[] {
    return [...this.groups.keys()];
  }

  /** Tombstones for the group's offsets (all of them, or only `tps`): OffsetDelete / DeleteGroups. */
  async delete(group: string, tps?: readonly TopicPartition[]): Promise<void> {
    const g = this.groups.get(group);
    if (g === undefined) return;
    const doomed = tps ?? [...g.values()];
    const present = doomed.filter((tp) => g.has(tpKey(tp.topic, tp.partition)));
    if (present.length === 0) return;
    const now = this.clock.now();
    const records: RecordInput[] = present.map((tp) => ({ key: encodeOffsetKey(group, tp.topic, tp.partition), value: null, timestamp: now }));
    await this.topic.append(offsetsPartitionFor(group, this.topic.partitions), encodeRecordBatch({ records, timestamp: now }));
    for (const tp of present) this.forget(group, tp.topic, tp.partition);
  }

  /** After a topic is deleted its committed offsets go too (as Kafka does). */
  async deleteTopic(topic: string): Promise<void> {
    for (const [group, g] of [...this.groups]) {
      const tps = [...g.values()].filter((s) => s.topic === topic);
      if (tps.length > 0) await this.delete(group, tps);
    }
  }

  private remember(group: string, s: Stored & TopicPartition): void {
    let g = this.groups.get(group);
    if (g === undefined) this.groups.set(group, (g = new Map()));
    g.set(tpKey(s.topic, s.partition), s);
  }

  private forget(group: string, topic: string, partition: number): void {
    const g = this.groups.get(group);
    if (g === undefined) return;
    g.delete(tpKey(topic, partition));
    if (g.size === 0) this.groups.delete(group);
  }
}
