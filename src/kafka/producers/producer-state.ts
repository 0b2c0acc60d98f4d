/**
 * Idempotent-producer bookkeeping (KIP-98), per broker:
 * - producer ids handed out by InitProducerId, with their current epoch;
 * - per (partition, producer id): the epoch, the last sequence appended and
 *   the last five batches' sequence ranges with their offsets, so a retried
 *   batch is answered with its original offsets instead of being appended
 *   twice.
 *
 * Checks run synchronously when a Produce request is dispatched, before the
 * append is issued, and record the batch as in flight at once: pipelined
 * batches of one producer (librdkafka keeps up to 5 in flight) are judged in
 * the order they arrived, which is the order they are appended.
 *
 * State lives in memory. After a restart a producer's first batch on a
 * partition is accepted whatever its sequence (as Kafka does when it has no
 * state for the producer) and tracking starts from there.
 */
import { ErrorCode } from '../error-codes.js';

/** how many recent batches per (partition, producer) are kept for duplicate detection */
const RECENT = 5;
const MAX_SEQUENCE = 2147483647;

interface BatchEntry {
  readonly firstSeq: number;
  readonly lastSeq: number;
  /** base offset once the append completes */
  readonly offset: Promise<bigint>;
}

interface PartitionProducer {
  epoch: number;
  lastSeq: number;
  readonly recent: BatchEntry[];
}

export interface IdempotentBatch {
  readonly producerId: bigint;
  readonly producerEpoch: number;
  readonly baseSequence: number;
  /** records in the batch minus one */
  readonly lastOffsetDelta: number;
}

export type SequenceDecision =
  | { readonly kind: 'append'; readonly settle: (offset: Promise<bigint>) => void }
  | { readonly kind: 'duplicate'; readonly offset: Promise<bigint> }
  | { readonly kind: 'error'; readonly code: number; readonly message: string };

function nextSeq(seq: number, by: number): number {
  const n = seq + by;
  return n > MAX_SEQUENCE ? n - MAX_SEQUENCE - 1 : n;
}

export class ProducerStateTable {
  /** ids start at the clock so ids handed out after a restart do not collide with earlier ones */
  private nextId = BigInt(Date.now()) * 1000n;
  private readonly epochs = new Map<bigint, number>();
  private readonly partitions = new Map<string, Map<bigint, PartitionProducer>>();

  /** A fresh producer id at epoch 0. */
  allocate(): { producerId: bigint; producerEpoch: number } {
    const producerId = this.nextId++;
    this.epochs.set(producerId, 0);
    return { producerId, producerEpoch: 0 };
  }

  private stateFor(partitionKey: string): Map<bigint, PartitionProducer> {
    let m = this.partitions.get(partitionKey);
    if (m === undefined) this.partitions.set(partitionKey, (m = new Map()));
    return m;
  }

  /** Forget a partition's producers (topic deleted, records deleted). */
  forgetPartition(partitionKey: string): void {
    this.partitions.delete(partitionKey);
  }

  /** Judges one batch of an idempotent producer on one partition. */
  check(partitionKey: string, b: IdempotentBatch): SequenceDecision {
    const producers = this.stateFor(partitionKey);
    const lastSeq = nextSeq(b.baseSequence, b.lastOffsetDelta);
    let st = producers.get(b.producerId);
    const known = this.epochs.get(b.producerId);
    if (known !== undefined && b.producerEpoch < known) {
      return { kind: 'error', code: ErrorCode.INVALID_PRODUCER_EPOCH, message: `epoch ${b.producerEpoch} is older than ${known}` };
    }
    if (st !== undefined) {
      if (b.producerEpoch < st.epoch) {
        return { kind: 'error', code: ErrorCode.INVALID_PRODUCER_EPOCH, message: `epoch ${b.producerEpoch} is older than ${st.epoch}` };
      }
      if (b.producerEpoch === st.epoch) {
        const dup = st.recent.find((e) => e.firstSeq === b.baseSequence && e.lastSeq === lastSeq);
        if (dup !== undefined) return { kind: 'duplicate', offset: dup.offset };
        const expected = nextSeq(st.lastSeq, 1);
        if (b.baseSequence !== expected) {
          const older = st.recent.length > 0 && seqBefore(b.baseSequence, st.recent[0]!.firstSeq);
          return older
            ? { kind: 'error', code: ErrorCode.DUPLICATE_SEQUENCE_NUMBER, message: `sequence ${b.baseSequence} was already appended` }
            : {
                kind: 'error',
                code: ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER,
                message: `expected sequence ${expected}, got ${b.baseSequence}`,
              };
        }
      } else if (b.baseSequence !== 0) {
        return {
          kind: 'error',
          code: ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER,
          message: `a new epoch ${b.producerEpoch} must start at sequence 0, got ${b.baseSequence}`,
        };
      } else {
        st = undefined; // new epoch: start over
      }
    }
    if (st === undefined) {
      st = { epoch: b.producerEpoch, lastSeq: nextSeq(b.baseSequence, -1), recent: [] };
      producers.set(b.producerId, st);
    }
    const state = st;
    const prevLast = state.lastSeq;
    state.lastSeq = lastSeq;
    return {
      kind: 'append',
      settle: (offset) => {
        const entry: BatchEntry = { firstSeq: b.baseSequence, lastSeq, offset };
        state.recent.push(entry);
        if (state.recent.length > RECENT) state.recent.shift();
        offset.catch(() => {
          // The append failed: the batch is not in the log, so the client's
          // retry of the same sequence must be appended, not acknowledged.
          const i = state.recent.indexOf(entry);
          if (i >= 0) state.recent.splice(i, 1);
          if (state.lastSeq === lastSeq) state.lastSeq = prevLast;
        });
      },
    };
  }
}

/** a comes before b in sequence order (both within the recent window, no wrap handling needed beyond it) */
function seqBefore(a: number, b: number): boolean {
  return a < b;
}
