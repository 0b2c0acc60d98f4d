/**
 * Exactly-once output across a restart (see engine/queries/checkpoint.ts for
 * the whole protocol): rows a query wrote after its last checkpoint are
 * written again when it replays from that checkpoint. Before the replay
 * starts, the sink reads back what the query itself wrote to each output
 * partition after the checkpoint's recorded end offset (records carry a
 * `gale.query` header naming the query) and keeps a multiset of their
 * fingerprints (key + value bytes). Each replayed record whose fingerprint is
 * in the multiset is dropped instead of appended, once per copy; once the
 * multiset is empty the sink appends everything again.
 *
 * The multiset left at a checkpoint is saved with it (`remaining()`), so a
 * second crash during a replay still drops exactly the right records.
 */
import { createHash } from 'node:crypto';
import type { Log } from '../../log/log.js';
import { decodeRecordBatch, decodeRecordBatchAsync, readBatchHeader, splitBatches } from '../../log/record-batch/index.js';

export const QUERY_HEADER = 'gale.query';

export function fingerprint(key: Uint8Array | null, value: Uint8Array | string | null): string {
  const h = createHash('sha1');
  h.update(key === null ? 'n' : 'k');
  if (key !== null) h.update(key);
  h.update(value === null ? '\u0000n' : '\u0000v');
  if (value !== null) h.update(value);
  return h.digest('base64');
}

export class OutputDedup {
  /** per partition: fingerprint → copies still expected */
  private readonly expected = new Map<number, Map<string, number>>();
  private total = 0;

  get size(): number {
    return this.total;
  }

  add(partition: number, fp: string, copies = 1): void {
    let m = this.expected.get(partition);
    if (m === undefined) {
      m = new Map();
      this.expected.set(partition, m);
    }
    m.set(fp, (m.get(fp) ?? 0) + copies);
    this.total += copies;
  }

  /** Whether partition `p` still expects replayed records. */
  active(partition: number): boolean {
    return (this.expected.get(partition)?.size ?? 0) > 0;
  }

  /** True (and one copy fewer expected) when this record was already written before the restart. */
  take(partition: number, fp: string): boolean {
    const m = this.expected.get(partition);
    const n = m?.get(fp);
    if (m === undefined || n === undefined) return false;
    if (n <= 1) m.delete(fp);
    else m.set(fp, n - 1);
    this.total--;
    return true;
  }

  /** What is still expected, per partition (saved with a checkpoint). */
  remaining(): Record<string, Record<string, number>> {
    const out: Record<string, Record<string, number>> = {};
    for (const [p, m] of this.expected) if (m.size > 0) out[String(p)] = Object.fromEntries(m);
    return out;
  }

  static fromSaved(saved: Readonly<Record<string, Readonly<Record<string, number>>>> | undefined): OutputDedup {
    const d = new OutputDedup();
    if (saved === undefined) return d;
    for (const [p, m] of Object.entries(saved)) for (const [fp, n] of Object.entries(m)) d.add(Number(p), fp, n);
    return d;
  }

  /**
   * Adds every record in [from, high watermark) of `topic`/`partition` that
   * carries `gale.query = tag`. Returns the high watermark it read up to.
   */
  async loadTail(log: Log, topic: string, partition: number, from: bigint, tag: string): Promise<bigint> {
    const tp = { topic, partition };
    const { highWatermark, logStart } = await log.offsets(tp);
    let at = from < logStart ? logStart : from;
    const want = Buffer.from(tag, 'utf8');
    while (at < highWatermark) {
      const res = await log.read(tp, at, 1 << 20);
      const buf = Buffer.from(res.records.buffer, res.records.byteOffset, res.records.byteLength);
      if (buf.length === 0) break;
      const before = at;
      for (const span of splitBatches(buf, { skipCrc: true })) {
        const header = readBatchHeader(buf, span.at);
        const last = header.baseOffset + BigInt(header.lastOffsetDelta);
        if (last >= at && !header.isControl) {
          const batch =
            header.compression === 'zstd'
              ? await decodeRecordBatchAsync(buf, span.at, { verifyCrc: false })
              : decodeRecordBatch(buf, span.at, { verifyCrc: false });
          for (const r of batch.records) {
            const offset = header.baseOffset + BigInt(r.offsetDelta);
            if (offset < at || offset >= highWatermark) continue;
            const h = r.headers.find((x) => x.key === QUERY_HEADER);
            if (h?.value != null && h.value.equals(want)) this.add(partition, fingerprint(r.key, r.value));
          }
        }
        if (last + 1n > at) at = last + 1n;
      }
      if (at === before) break;
    }
    return highWatermark;
  }
}
