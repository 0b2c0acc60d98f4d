/**
 * Query checkpoints, kept in the log itself: the compacted internal topic
 * `__gale_checkpoints` (one partition), one record per checkpoint keyed by
 * the query id, so compaction keeps the latest of each query and a
 * tombstone forgets a terminated query. One record is written atomically,
 * so a checkpoint's input offsets, operator state and output offsets are
 * always read together, never a mix of two checkpoints.
 *
 * Value: JSON (offsets as decimal strings) with the operator state as
 * base64 of the state codec's bytes.
 */
import type { Log } from '../../log/log.js';
import { decodeRecordBatch, decodeRecordBatchAsync, encodeRecordBatch, readBatchHeader, splitBatches } from '../../log/record-batch/index.js';

export const CHECKPOINT_TOPIC = '__gale_checkpoints';

/** What a query's output looked like at the checkpoint, per output topic. */
export interface SinkCheckpoint {
  /** per partition: offset after the last record the query wrote before the checkpoint */
  readonly ends: Readonly<Record<string, string>>;
  /** per partition: fingerprints of replayed records still to drop (see output-dedup.ts) */
  readonly dedup: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

export interface QueryCheckpoint {
  readonly query: string;
  /** increases by one per checkpoint of the query */
  readonly seq: number;
  /** ms since the epoch */
  readonly time: number;
  /** fingerprint of the query's plan: a checkpoint is only restored into the same plan */
  readonly plan: string;
  /** input topic → next offset per partition (everything below is processed and in `state`) */
  readonly sources: Readonly<Record<string, readonly string[]>>;
  readonly sinks: Readonly<Record<string, SinkCheckpoint>>;
  /** operator state (state-codec.ts), base64; absent for stateless queries */
  readonly state?: string;
}

const TOPIC_CONFIG = {
  'cleanup.policy': 'compact',
  // operator state can be large; a checkpoint is one record
  'max.message.bytes': String(256 * 1024 * 1024),
  'segment.bytes': String(64 * 1024 * 1024),
  'min.compaction.lag.ms': '0',
};

export class CheckpointStore {
  private readonly latest = new Map<string, QueryCheckpoint>();
  /** queries with a checkpoint record that does not parse (skipped on load) */
  readonly unreadable: string[] = [];
  private tail: Promise<unknown> = Promise.resolve();

  private constructor(private readonly log: Log) {}

  /** Opens the topic (creating it if missing) and reads the latest checkpoint of every query. */
  static async open(log: Log): Promise<CheckpointStore> {
    const store = new CheckpointStore(log);
    if ((await log.describeTopic(CHECKPOINT_TOPIC)) === undefined) {
      try {
        await log.createTopic(CHECKPOINT_TOPIC, { partitions: 1, configs: TOPIC_CONFIG });
      } catch (err) {
        if ((await log.describeTopic(CHECKPOINT_TOPIC)) === undefined) throw err;
      }
    }
    await store.load();
    return store;
  }

  get(query: string): QueryCheckpoint | undefined {
    return this.latest.get(query);
  }

  /** Durably writes a checkpoint (resolves after fsync). Writes are serialized. */
  save(cp: QueryCheckpoint): Promise<void> {
    const batch = encodeRecordBatch({ records: [{ key: cp.query, value: JSON.stringify(cp) }] });
    const p = this.tail.then(() => this.log.append({ topic: CHECKPOINT_TOPIC, partition: 0 }, batch, { acks: -1 }));
    this.tail = p.catch(() => undefined);
    return p.then(() => {
      this.latest.set(cp.query, cp);
    });
  }

  /** Forgets a query's checkpoints (a tombstone; compaction removes the rest). */
  remove(query: string): Promise<void> {
    this.latest.delete(query);
    const batch = encodeRecordBatch({ records: [{ key: query, value: null }] });
    const p = this.tail.then(() => this.log.append({ topic: CHECKPOINT_TOPIC, partition: 0 }, batch, { acks: -1 }));
    this.tail = p.catch(() => undefined);
    return p.then(() => undefined);
  }

  private async load(): Promise<void> {
    const tp = { topic: CHECKPOINT_TOPIC, partition: 0 };
    const { logStart, highWatermark } = await this.log.offsets(tp);
    let at = logStart;
    while (at < highWatermark) {
      const res = await this.log.read(tp, at, 8 << 20);
      const buf = Buffer.from(res.records.buffer, res.records.byteOffset, res.records.byteLength);
      if (buf.length === 0) break;
      const before = at;
      for (const span of splitBatches(buf, { skipCrc: true })) {
        const h = readBatchHeader(buf, span.at);
        const last = h.baseOffset + BigInt(h.lastOffsetDelta);
        if (last >= at && !h.isControl) {
          const batch =
            h.compression === 'zstd' ? await decodeRecordBatchAsync(buf, span.at) : decodeRecordBatch(buf, span.at);
          for (const r of batch.records) {
            if (h.baseOffset + BigInt(r.offsetDelta) < at || r.key === null) continue;
            const query = r.key.toString('utf8');
            if (r.value === null) {
              this.latest.delete(query);
              continue;
            }
            try {
              this.latest.set(query, JSON.parse(r.value.toString('utf8')) as QueryCheckpoint);
            } catch {
              this.unreadable.push(query);
            }
          }
        }
        if (last + 1n > at) at = last + 1n;
      }
      if (at === before) break;
    }
  }
}
