/**
 * The idempotent-producer table on its own: in-flight duplicates wait for
 * the original offset, a failed append is forgotten so the retry is
 * appended, epochs fence, sequences wrap at int32 max.
 */
import { describe, expect, it } from 'vitest';
import { ProducerStateTable } from '../../../../src/kafka/producers/producer-state.js';

const TP = 'topic\u00000';

describe('ProducerStateTable', () => {
  it('answers a duplicate of an in-flight batch with the offset once it lands', async () => {
    const t = new ProducerStateTable();
    const { producerId } = t.allocate();
    const first = t.check(TP, { producerId, producerEpoch: 0, baseSequence: 0, lastOffsetDelta: 4 });
    expect(first.kind).toBe('append');
    let land!: (o: bigint) => void;
    if (first.kind === 'append') first.settle(new Promise<bigint>((r) => (land = r)));
    const dup = t.check(TP, { producerId, producerEpoch: 0, baseSequence: 0, lastOffsetDelta: 4 });
    expect(dup.kind).toBe('duplicate');
    land(42n);
    if (dup.kind === 'duplicate') expect(await dup.offset).toBe(42n);
    expect(t.check(TP, { producerId, producerEpoch: 0, baseSequence: 5, lastOffsetDelta: 0 }).kind).toBe('append');
  });

  it('forgets a batch whose append failed, so the retry is appended', async () => {
    const t = new ProducerStateTable();
    const { producerId } = t.allocate();
    const d = t.check(TP, { producerId, producerEpoch: 0, baseSequence: 0, lastOffsetDelta: 0 });
    if (d.kind !== 'append') throw new Error('expected append');
    const failed = Promise.reject(new Error('disk full'));
    d.settle(failed);
    await failed.catch(() => {});
    await new Promise((r) => setImmediate(r));
    expect(t.check(TP, { producerId, producerEpoch: 0, baseSequence: 0, lastOffsetDelta: 0 }).kind).toBe('append');
  });

  it('fences older epochs, wants sequence 0 in a new epoch, and wraps sequences', () => {
    const t = new ProducerStateTable();
    const { producerId } = t.allocate();
    const max = 2147483647;
    const ok = t.check(TP, { producerId, producerEpoch: 0, baseSequence: max - 1, lastOffsetDelta: 1 });
    if (ok.kind === 'append') ok.settle(Promise.resolve(0n));
    expect(t.check(TP, { producerId, producerEpoch: 0, baseSequence: 0, lastOffsetDelta: 0 }).kind).toBe('append');
    // a batch in a newer epoch (a Java client bumps its epoch itself) starts the partition over
    expect(t.check(TP, { producerId, producerEpoch: 1, baseSequence: 0, lastOffsetDelta: 0 }).kind).toBe('append');
    expect(t.check(TP, { producerId, producerEpoch: 0, baseSequence: 1, lastOffsetDelta: 0 })).toMatchObject({ kind: 'error', code: 47 });
    expect(t.check(TP, { producerId, producerEpoch: 1, baseSequence: 3, lastOffsetDelta: 0 })).toMatchObject({ kind: 'error', code: 45 });
    expect(t.check(TP, { producerId, producerEpoch: 1, baseSequence: 1, lastOffsetDelta: 0 }).kind).toBe('append');
  });
});
