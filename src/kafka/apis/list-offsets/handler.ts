/**
 * ListOffsets: timestamp -1 = latest (the high watermark, which is also the
 * last stable offset here), -2 = earliest (log start), t >= 0 = the first
 * offset whose timestamp is >= t (with that record's timestamp), or -1 when there is none, -3 (v7+,
 * KIP-734) = the record with the largest timestamp (first of equals) and that timestamp. v0 answers in
 * `old_style_offsets`; both that and `offset` are filled and the encoder
 * keeps the one the version has.
 */
import type { TopicPartition } from '../../../log/log.js';
import { decodeRecordBatchAsync } from '../../../log/record-batch/index.js';
import { ErrorCode } from '../../error-codes.js';
import type { Broker } from '../../handler.js';
import { defineApi } from '../../handler.js';
import { failureOf } from '../../log-errors.js';
import { inVersions } from '../../protocol/versions.js';
import { listOffsetsApi, maxTimestampSpec } from './spec.js';

const LATEST = -1n;
const EARLIEST = -2n;
const MAX_TIMESTAMP = -3n;

/** The timestamp of the record at `offset` (Kafka answers with the found record's time, not the asked one). */
async function timestampAt(broker: Broker, tp: TopicPartition, offset: bigint): Promise<bigint> {
  const { records } = await broker.log.read(tp, offset, 1);
  if (records.length === 0) return -1n;
  const batch = await decodeRecordBatchAsync(records, 0, { verifyCrc: false });
  const r = batch.records.find((x) => batch.header.baseOffset + BigInt(x.offsetDelta) === offset);
  return r === undefined ? -1n : BigInt(r.timestamp);
}

async function lookUp(broker: Broker, tp: TopicPartition, timestamp: bigint, version: number): Promise<{ errorCode: number; offset: bigint; timestamp: bigint }> {
  try {
    if (timestamp === LATEST || timestamp === EARLIEST) {
      const o = await broker.log.offsets(tp);
      return { errorCode: ErrorCode.NONE, offset: timestamp === LATEST ? o.highWatermark : o.logStart, timestamp: -1n };
    }
    if (timestamp === MAX_TIMESTAMP && inVersions(maxTimestampSpec, version)) {
      const found = await broker.log.maxTimestampOffset(tp);
      return { errorCode: ErrorCode.NONE, offset: found?.offset ?? -1n, timestamp: found?.timestamp ?? -1n };
    }
    if (timestamp < 0n) return { errorCode: ErrorCode.INVALID_REQUEST, offset: -1n, timestamp: -1n };
    const offset = await broker.log.offsetForTime(tp, timestamp);
    if (offset === undefined) return { errorCode: ErrorCode.NONE, offset: -1n, timestamp: -1n };
    return { errorCode: ErrorCode.NONE, offset, timestamp: await timestampAt(broker, tp, offset) };
  } catch (err) {
    return { errorCode: failureOf(err, broker.logger, `list offsets ${tp.topic}-${tp.partition}`).code, offset: -1n, timestamp: -1n };
  }
}

export const listOffsets = defineApi({
  spec: listOffsetsApi,
  advertised: { min: 0, max: 7 },
  handler: async (req, ctx) => ({
    throttleTimeMs: 0,
    topics: await Promise.all(
      req.topics.map(async (t) => ({
        name: t.name,
        partitions: await Promise.all(
          t.partitions.map(async (p) => {
            const r = await lookUp(ctx.broker, { topic: t.name, partition: p.partitionIndex }, p.timestamp, ctx.header.apiVersion);
            return {
              partitionIndex: p.partitionIndex,
              errorCode: r.errorCode,
              oldStyleOffsets: r.errorCode === ErrorCode.NONE && r.offset >= 0n ? [r.offset] : [],
              timestamp: r.timestamp,
              offset: r.offset,
              leaderEpoch: 0,
            };
          }),
        ),
      })),
    ),
  }),
});
