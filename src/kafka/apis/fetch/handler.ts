/**
 * Fetch: whole record batches straight from the log, within the byte
 * budgets — `partition_max_bytes` per partition and `max_bytes` for the
 * response — except that the first non-empty partition always returns at
 * least its first batch even when it is larger (KIP-74), or consumers stall.
 *
 * Long poll: when fewer than `min_bytes` are available the request waits up
 * to `max_wait_ms` for any requested partition to grow (the log's
 * waitForData), or for the connection or broker to close, then reads again.
 *
 * Single node without transactions: the last stable offset is the high
 * watermark at both isolation levels and there are no aborted transactions.
 * Fetch sessions (v7+) are not kept: the answer is session id 0, which tells
 * clients to keep sending full fetch requests. Fetch v0-3 get legacy message
 * sets (down-convert.ts), as from Kafka.
 */
import { isLogError } from '../../../log/errors.js';
import type { Log, TopicPartition } from '../../../log/log.js';
import { ErrorCode } from '../../error-codes.js';
import type { Broker, RequestContext } from '../../handler.js';
import { defineApi } from '../../handler.js';
import { failureOf } from '../../log-errors.js';
import { downConvertBatches, messageFormatForFetch } from './down-convert.js';
import { fetchApi } from './spec.js';

const EMPTY = new Uint8Array(0);

interface PartitionAnswer {
  partitionIndex: number;
  errorCode: number;
  highWatermark: bigint;
  lastStableOffset: bigint;
  logStartOffset: bigint;
  abortedTransactions: null;
  preferredReadReplica: number;
  /** empty, never null: librdkafka rejects a null record set (MessageSetSize -1) */
  records: Uint8Array;
}

interface Wanted {
  readonly tp: TopicPartition;
  readonly offset: bigint;
  readonly maxBytes: number;
  /** the message format the request's version can carry (v0-3: legacy message sets) */
  readonly magic: 0 | 1 | 2;
}

async function readPartition(broker: Broker, w: Wanted, budget: number, mustReturnOne: boolean): Promise<PartitionAnswer> {
  const base = { partitionIndex: w.tp.partition, abortedTransactions: null, preferredReadReplica: -1 } as const;
  const log: Log = broker.log;
  try {
    const limit = Math.min(w.maxBytes, budget);
    if (limit <= 0 && !mustReturnOne) {
      const o = await log.offsets(w.tp);
      if (w.offset < o.logStart || w.offset > o.highWatermark) {
        return { ...base, errorCode: ErrorCode.OFFSET_OUT_OF_RANGE, highWatermark: o.highWatermark, lastStableOffset: o.highWatermark, logStartOffset: o.logStart, records: EMPTY };
      }
      return { ...base, errorCode: ErrorCode.NONE, highWatermark: o.highWatermark, lastStableOffset: o.highWatermark, logStartOffset: o.logStart, records: EMPTY };
    }
    // The log returns at least one whole batch when there is one, even above the limit.
    const r = await log.read(w.tp, w.offset, Math.max(limit, 1));
    return {
      ...base,
      errorCode: ErrorCode.NONE,
      highWatermark: r.highWatermark,
      lastStableOffset: r.highWatermark,
      logStartOffset: r.logStartOffset,
      records: w.magic === 2 ? r.records : await downConvertBatches(r.records, w.magic, w.offset),
    };
  } catch (err) {
    const f = failureOf(err, broker.logger, `fetch ${w.tp.topic}-${w.tp.partition}`);
    // an out-of-range answer carries the partition's bounds, so the client can reset without asking again
    const d = isLogError(err) ? err.details : undefined;
    const hw = typeof d?.['highWatermark'] === 'bigint' ? d['highWatermark'] : -1n;
    const start = typeof d?.['logStartOffset'] === 'bigint' ? d['logStartOffset'] : -1n;
    return { ...base, errorCode: f.code, highWatermark: hw, lastStableOffset: hw, logStartOffset: start, records: EMPTY };
  }
}

/** One pass over every requested partition, in request order, within the response budget. */
async function readAll(broker: Broker, wanted: readonly Wanted[], maxBytes: number): Promise<{ answers: PartitionAnswer[]; bytes: number }> {
  const answers: PartitionAnswer[] = [];
  let bytes = 0;
  for (const w of wanted) {
    const a = await readPartition(broker, w, maxBytes - bytes, bytes === 0);
    bytes += a.records.length;
    answers.push(a);
  }
  return { answers, bytes };
}

/** Resolves when any partition gets data past its fetch offset, the time is up, or `signal` aborts. */
async function waitForAny(log: Log, wanted: readonly Wanted[], timeoutMs: number, signal: AbortSignal): Promise<void> {
  if (wanted.length === 0 || timeoutMs <= 0 || signal.aborted) return;
  const ctl = new AbortController();
  const onAbort = (): void => ctl.abort();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    await Promise.race(
      wanted.map((w) =>
        log.waitForData(w.tp, w.offset, timeoutMs, ctl.signal).catch(() => false),
      ),
    );
  } finally {
    signal.removeEventListener('abort', onAbort);
    ctl.abort(); // release the other waiters
  }
}

function anySignal(a: AbortSignal, b: AbortSignal): AbortSignal {
  return AbortSignal.any([a, b]);
}

export const fetch = defineApi({
  spec: fetchApi,
  advertised: { min: 0, max: 12 },
  handler: async (req, ctx: RequestContext) => {
    const { broker } = ctx;
    const wanted: Wanted[] = [];
    const magic = messageFormatForFetch(ctx.header.apiVersion);
    for (const t of req.topics) {
      for (const p of t.partitions) {
        wanted.push({ tp: { topic: t.topic, partition: p.partition }, offset: p.fetchOffset, maxBytes: p.partitionMaxBytes, magic });
      }
    }
    const maxBytes = req.maxBytes > 0 ? req.maxBytes : 0x7fffffff;
    const deadline = Date.now() + Math.max(0, req.maxWaitMs);
    const stop = anySignal(ctx.connection.closed, broker.closing);
    let round = await readAll(broker, wanted, maxBytes);
    while (round.bytes < Math.max(1, req.minBytes) && !stop.aborted) {
      const left = deadline - Date.now();
      if (left <= 0) break;
      const positions = wanted.map((w, i) => {
        const a = round.answers[i]!;
        // wait past what is already there (a partition with data but below min_bytes keeps the poll going)
        const hw = a.errorCode === ErrorCode.NONE && a.highWatermark > w.offset ? a.highWatermark : w.offset;
        return { ...w, offset: hw };
      });
      const healthy = positions.filter((_, i) => round.answers[i]!.errorCode === ErrorCode.NONE);
      if (healthy.length === 0) break;
      await waitForAny(broker.log, healthy, left, stop);
      round = await readAll(broker, wanted, maxBytes);
      if (round.bytes >= Math.max(1, req.minBytes)) break;
    }
    const responses: { topic: string; partitions: PartitionAnswer[] }[] = [];
    let i = 0;
    for (const t of req.topics) {
      responses.push({ topic: t.topic, partitions: t.partitions.map(() => round.answers[i++]!) });
    }
    return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, sessionId: 0, responses };
  },
});
