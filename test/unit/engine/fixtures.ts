/** Shared by the engine tests: a temp EmbeddedLog, producing keyed JSON like a Kafka client, reading topics back. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedLog } from '../../../src/log/embedded-log.js';
import type { Log } from '../../../src/log/log.js';
import { decodeRecordBatchesAsync, encodeRecordBatch } from '../../../src/log/record-batch/index.js';
import type { CompressionCodec, RecordInput } from '../../../src/log/record-batch/index.js';
import { encodeRecordBatchAsync } from '../../../src/log/record-batch/index.js';
import { kafkaPartition } from '../../../src/runtime/murmur2.js';

export interface TempDir {
  readonly dir: string;
  openLog(): Promise<EmbeddedLog>;
  cleanup(): Promise<void>;
}

export async function tempDir(prefix = 'gale-engine-test-'): Promise<TempDir> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  const opened: EmbeddedLog[] = [];
  return {
    dir,
    async openLog() {
      const log = await EmbeddedLog.open({ dataDir: dir, flush: 'os', retentionCheckIntervalMs: 0, compactionIntervalMs: 0 });
      opened.push(log);
      return log;
    },
    async cleanup() {
      for (const l of opened) await l.close().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Appends records with string keys where Kafka's default partitioner would put them; one batch per partition. */
export async function produce(
  log: Log,
  topic: string,
  records: readonly { key: string | null; value: string | null }[],
  opts: { compression?: CompressionCodec } = {},
): Promise<void> {
  const d = await log.describeTopic(topic);
  if (d === undefined) throw new Error(`no topic ${topic}`);
  const parts: RecordInput[][] = [];
  records.forEach((r, i) => {
    const p = r.key === null ? i % d.partitions : kafkaPartition(Buffer.from(r.key, 'utf8'), d.partitions);
    (parts[p] ??= []).push({ key: r.key, value: r.value });
  });
  for (let p = 0; p < d.partitions; p++) {
    const recs = parts[p];
    if (recs === undefined) continue;
    const c = opts.compression ?? 'none';
    const batch = c === 'zstd' ? await encodeRecordBatchAsync({ records: recs, compression: c }) : encodeRecordBatch({ records: recs, compression: c });
    await log.append({ topic, partition: p }, batch, { acks: -1 });
  }
}

export interface ReadRecord {
  readonly partition: number;
  readonly offset: bigint;
  readonly key: string | null;
  readonly value: string | null;
  readonly headers: Record<string, string>;
}

/** Every record of a topic, partition by partition. */
export async function readTopic(log: Log, topic: string): Promise<ReadRecord[]> {
  const d = await log.describeTopic(topic);
  if (d === undefined) return [];
  const out: ReadRecord[] = [];
  for (let partition = 0; partition < d.partitions; partition++) {
    const tp = { topic, partition };
    const { logStart, highWatermark } = await log.offsets(tp);
    let at = logStart;
    while (at < highWatermark) {
      const res = await log.read(tp, at, 1 << 20);
      const batches = await decodeRecordBatchesAsync(res.records);
      if (batches.length === 0) break;
      for (const b of batches) {
        for (const r of b.records) {
          const offset = b.header.baseOffset + BigInt(r.offsetDelta);
          if (offset < at) continue;
          out.push({
            partition,
            offset,
            key: r.key === null ? null : r.key.toString('utf8'),
            value: r.value === null ? null : r.value.toString('utf8'),
            headers: Object.fromEntries(r.headers.map((h) => [h.key, h.value === null ? '' : h.value.toString('utf8')])),
          });
        }
        at = b.header.baseOffset + BigInt(b.header.lastOffsetDelta) + 1n;
      }
    }
  }
  return out;
}

/** Polls until `cond` holds (every 10 ms, up to `ms`); returns whether it did. */
export async function until(cond: () => boolean | Promise<boolean>, ms = 10_000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await cond()) return true;
    await new Promise((r) => setTimeout(r, 10));
  }
  return cond();
}
