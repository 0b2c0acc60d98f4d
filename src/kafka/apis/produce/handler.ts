/**
 * Produce: each partition's record batches are checked (length, magic 2,
 * record count; the log verifies each CRC-32C as it writes — records are
 * never decoded), run
 * through the idempotent-producer table when they carry a producer id, and
 * appended to the log byte for byte. The answer waits for the log's durable
 * append (acks 1 and -1 are the same on one node); acks=0 gets no answer.
 *
 * Appends are issued synchronously while the request is dispatched, so the
 * order of batches on a connection is the order in the log. Legacy message
 * sets (magic 0/1) are up-converted to one v2 batch first (legacy-message-set.ts).
 */
import type { AppendResult } from '../../../log/log.js';
import { readBatchHeader, splitBatches } from '../../../log/record-batch/index.js';
import { ErrorCode } from '../../error-codes.js';
import type { Broker } from '../../handler.js';
import { defineApi, NO_RESPONSE } from '../../handler.js';
import { failureOf } from '../../log-errors.js';
import { ProducerStateTable } from '../../producers/producer-state.js';
import { isLegacyMessageSet, upConvertMessageSet } from './legacy-message-set.js';
import { repairMaxTimestamps } from './max-timestamp.js';
import { produceApi } from './spec.js';

export const PRODUCER_STATE = Symbol('kafka.producerState');

export function producerState(broker: Broker): ProducerStateTable {
  return broker.shared(PRODUCER_STATE, () => new ProducerStateTable());
}

export function partitionKey(topic: string, partition: number): string {
  return `${topic}\u0000${partition}`;
}

interface PartitionAnswer {
  index: number;
  errorCode: number;
  baseOffset: bigint;
  logAppendTimeMs: bigint;
  logStartOffset: bigint;
  errorMessage: string | null;
}

function failed(index: number, code: number, message: string | null): PartitionAnswer {
  return { index, errorCode: code, baseOffset: -1n, logAppendTimeMs: -1n, logStartOffset: -1n, errorMessage: message };
}

function succeeded(index: number, r: AppendResult): PartitionAnswer {
  return { index, errorCode: ErrorCode.NONE, baseOffset: r.baseOffset, logAppendTimeMs: r.logAppendTime, logStartOffset: r.logStartOffset, errorMessage: null };
}

/** Validates, checks sequences, and issues the append for one partition (synchronously). */
function producePartition(broker: Broker, topic: string, index: number, records: Buffer | null, acks: 1 | -1): Promise<PartitionAnswer> {
  if (records === null || records.length === 0) return Promise.resolve(failed(index, ErrorCode.INVALID_RECORD, 'no record batch'));
  let spans;
  try {
    // magic 0/1 message sets (sarama for Kafka 0.10, old clients) become one v2 batch, as in Kafka
    if (isLegacyMessageSet(records)) records = upConvertMessageSet(records);
    // headers only: the log checks every CRC-32C while it writes (src/log/partition.ts)
    spans = splitBatches(records, { producer: true, skipCrc: true });
    // sarama < 1.23 sends maxTimestamp -1; Kafka recomputes it, and the log's time index relies on it
    repairMaxTimestamps(records, spans);
  } catch (err) {
    const f = failureOf(err, broker.logger, `produce to ${topic}-${index}`);
    return Promise.resolve(failed(index, f.code, f.message));
  }
  const first = readBatchHeader(records, 0);
  if (first.isTransactional) {
    return Promise.resolve(failed(index, ErrorCode.INVALID_TXN_STATE, 'transactions are not supported by this broker'));
  }
  const tp = { topic, partition: index };
  if (first.producerId < 0n) {
    return broker.log.append(tp, records, { acks }).then(
      (r) => succeeded(index, r),
      (err: unknown) => {
        const f = failureOf(err, broker.logger, `append to ${topic}-${index}`);
        return failed(index, f.code, f.message);
      },
    );
  }
  if (spans.length !== 1) {
    return Promise.resolve(failed(index, ErrorCode.INVALID_RECORD, 'an idempotent produce carries exactly one batch per partition'));
  }
  const decision = producerState(broker).check(partitionKey(topic, index), first);
  if (decision.kind === 'error') return Promise.resolve(failed(index, decision.code, decision.message));
  if (decision.kind === 'duplicate') {
    // Already in the log: answer with the original offset, append nothing.
    return decision.offset.then(
      async (baseOffset) => {
        const o = await broker.log.offsets(tp);
        return { index, errorCode: ErrorCode.NONE, baseOffset, logAppendTimeMs: -1n, logStartOffset: o.logStart, errorMessage: null };
      },
      (err: unknown) => {
        const f = failureOf(err, broker.logger, `append to ${topic}-${index}`);
        return failed(index, f.code, f.message);
      },
    );
  }
  const appended = broker.log.append(tp, records, { acks });
  decision.settle(appended.then((r) => r.baseOffset));
  return appended.then(
    (r) => succeeded(index, r),
    (err: unknown) => {
      const f = failureOf(err, broker.logger, `append to ${topic}-${index}`);
      return failed(index, f.code, f.message);
    },
  );
}

export const produce = defineApi({
  spec: produceApi,
  advertised: { min: 0, max: 7 },
  handler: (req, ctx) => {
    const { broker } = ctx;
    const acks = req.acks;
    if (acks !== 0 && acks !== 1 && acks !== -1) {
      return {
        responses: req.topicData.map((t) => ({
          name: t.name,
          partitionResponses: t.partitionData.map((p) => failed(p.index, ErrorCode.INVALID_REQUIRED_ACKS, `acks=${acks}`)),
        })),
      };
    }
    const topics = req.topicData.map((t) => ({
      name: t.name,
      // acks=0 still waits for the append internally: the promise must say when the log is done with the bytes
      partitions: t.partitionData.map((p) => producePartition(broker, t.name, p.index, p.records, acks === 0 ? 1 : acks)),
    }));
    const settled = Promise.all(
      topics.map(async (t) => ({ name: t.name, partitionResponses: await Promise.all(t.partitions) })),
    );
    // acks=0: nothing is sent, but the request still ends when its appends have settled
    // (the connection reuses the frame's buffer after that)
    if (acks === 0) return settled.then(() => NO_RESPONSE);
    return settled.then((responses) => ({ responses, throttleTimeMs: 0 }));
  },
});
