/**
 * Fetch v0-3 down-conversion: v2 batches become legacy messages of the magic
 * the version can carry, with offsets, keys, values (null too), timestamps
 * (magic 1), records before the fetch offset skipped, control batches left
 * out, and valid CRC-32s (checked by parsing them back with the produce-side
 * up-converter, which verifies every CRC).
 */
import { describe, expect, it } from 'vitest';
import { assignBaseOffset, decodeRecordBatches, encodeRecordBatch } from '../../../../src/log/record-batch/index.js';
import { downConvertBatches, messageFormatForFetch } from '../../../../src/kafka/apis/fetch/down-convert.js';
import { upConvertMessageSet } from '../../../../src/kafka/apis/produce/legacy-message-set.js';

function batchAt(base: bigint, b: Buffer): Buffer {
  assignBaseOffset(b, 0, base);
  return b;
}

const log = Buffer.concat([
  batchAt(10n, encodeRecordBatch({
    compression: 'gzip',
    records: [
      { key: 'a', value: 'one', timestamp: 1000, headers: [{ key: 'h', value: 'dropped' }] },
      { key: null, value: 'two', timestamp: 2000 },
    ],
  })),
  batchAt(12n, encodeRecordBatch({ isControl: true, records: [{ key: Buffer.from([0, 0, 0, 1]), value: Buffer.from([0, 0, 0, 0, 0, 0]) }] })),
  batchAt(13n, encodeRecordBatch({ records: [{ key: 'c', value: null, timestamp: 3000 }] })),
]);

/** offset | size per message, read straight from the legacy bytes */
function offsetsAndMagics(set: Buffer): [bigint, number][] {
  const out: [bigint, number][] = [];
  for (let at = 0; at < set.length; at += 12 + set.readInt32BE(at + 8)) out.push([set.readBigInt64BE(at), set[at + 16]!]);
  return out;
}

describe('fetch down-conversion', () => {
  it('maps versions to formats', () => {
    expect([0, 1, 2, 3, 4, 11, 12].map(messageFormatForFetch)).toEqual([0, 0, 1, 1, 2, 2, 2]);
  });

  it('magic 1: offsets, keys, values, timestamps, control batch left out, valid CRCs', async () => {
    const set = await downConvertBatches(log, 1, 10n);
    expect(offsetsAndMagics(set)).toEqual([[10n, 1], [11n, 1], [13n, 1]]);
    const back = decodeRecordBatches(upConvertMessageSet(set))[0]!;
    expect(back.records.map((r) => [r.key?.toString() ?? null, r.value?.toString() ?? null, r.timestamp, r.headers.length])).toEqual([
      ['a', 'one', 1000, 0],
      [null, 'two', 2000, 0],
      ['c', null, 3000, 0],
    ]);
  });

  it('magic 0 from the middle of a batch', async () => {
    const set = await downConvertBatches(log, 0, 11n);
    expect(offsetsAndMagics(set)).toEqual([[11n, 0], [13n, 0]]);
    const back = decodeRecordBatches(upConvertMessageSet(set, 42))[0]!;
    expect(back.records.map((r) => [r.value?.toString() ?? null, r.timestamp])).toEqual([['two', 42], [null, 42]]);
  });

  it('nothing read, nothing sent', async () => {
    expect((await downConvertBatches(new Uint8Array(0), 1, 0n)).length).toBe(0);
  });
});
