import { createRequire } from 'node:module';
import * as snappy from 'snappy';
import { describe, expect, it } from 'vitest';
import {
  HEADER_SIZE,
  assignBaseOffset,
  compressionCodecs,
  decodeRecordBatch,
  decodeRecordBatches,
  decodeRecordBatchesAsync,
  encodeRecordBatch,
  encodeRecordBatchAsync,
  iterateBatches,
  readBatchHeader,
  splitBatches,
  stampLogAppendTime,
  validateBatch,
} from '../../../src/log/record-batch/index.js';
import type { RecordInput } from '../../../src/log/record-batch/index.js';
import { isLogError } from '../../../src/log/errors.js';

const require = createRequire(import.meta.url);

const T0 = 1_700_000_000_000;

function sampleRecords(n: number): RecordInput[] {
  const out: RecordInput[] = [];
  for (let i = 0; i < n; i++) {
    out.push({
      key: i % 5 === 0 ? null : `key-${i}`,
      value: i % 7 === 3 ? null : Buffer.from(`value-${i}-${'x'.repeat(i * 13)}`),
      // out of order on purpose: deltas may be negative
      timestamp: T0 + ((i * 37) % 11) - 5,
      headers: i % 3 === 0 ? [{ key: 'h', value: `hv${i}` }, { key: 'ü', value: null }] : [],
    });
  }
  return out;
}

function bytes(b: string | Uint8Array | null | undefined): string | null {
  if (b === null || b === undefined) return null;
  return typeof b === 'string' ? b : Buffer.from(b).toString('utf8');
}

function expectSameRecords(actual: ReturnType<typeof decodeRecordBatch>['records'], expected: RecordInput[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((r, i) => {
    const e = expected[i]!;
    expect(r.offsetDelta).toBe(i);
    expect(r.timestamp).toBe(e.timestamp);
    expect(bytes(r.key)).toBe(bytes(e.key));
    expect(bytes(r.value)).toBe(bytes(e.value));
    expect(r.headers.map((h) => [h.key, bytes(h.value)])).toEqual((e.headers ?? []).map((h) => [h.key, bytes(h.value)]));
  });
}

describe('record batch v2', () => {
  it.each(compressionCodecs)('round-trips %s through encode and decode', async (codec) => {
    const records = sampleRecords(40);
    const batch = await encodeRecordBatchAsync({ records, compression: codec, baseOffset: 100n, producerId: 7n, producerEpoch: 2, baseSequence: 9 });
    const h = readBatchHeader(batch);
    expect(h).toMatchObject({ baseOffset: 100n, magic: 2, compression: codec, recordCount: 40, lastOffsetDelta: 39, producerId: 7n, producerEpoch: 2, baseSequence: 9 });
    expect(h.baseTimestamp).toBe(records[0]!.timestamp);
    expect(h.maxTimestamp).toBe(Math.max(...records.map((r) => r.timestamp!)));
    expect(validateBatch(batch, 0)).toBe(batch.length);
    const [decoded] = await decodeRecordBatchesAsync(batch);
    expectSameRecords(decoded!.records, records);
    if (codec !== 'zstd') {
      expect(encodeRecordBatch({ records, compression: codec }).length).toBeGreaterThan(HEADER_SIZE);
      expectSameRecords(decodeRecordBatches(batch)[0]!.records, records);
    }
  });

  it('sync APIs refuse zstd with a typed error pointing at the async variant', async () => {
    expect(() => encodeRecordBatch({ records: sampleRecords(1), compression: 'zstd' })).toThrow(/asynchronous/);
    const z = await encodeRecordBatchAsync({ records: sampleRecords(3), compression: 'zstd' });
    try {
      decodeRecordBatches(z);
      expect.unreachable();
    } catch (e) {
      expect(isLogError(e) && e.code).toBe('GALE_ERR_LOG_CODEC_NEEDS_ASYNC');
    }
  });

  it('uncompressed keys and values are views into the input, not copies', () => {
    const batch = encodeRecordBatch({ records: [{ key: 'k', value: 'v' }] });
    const r = decodeRecordBatch(batch).records[0]!;
    expect(r.value!.buffer).toBe(batch.buffer);
  });

  it('assigning the base offset in place keeps the CRC valid', () => {
    const batch = encodeRecordBatch({ records: sampleRecords(3), timestamp: T0 });
    assignBaseOffset(batch, 0, 123_456_789_012n);
    expect(validateBatch(batch, 0)).toBe(batch.length);
    expect(readBatchHeader(batch).baseOffset).toBe(123_456_789_012n);
  });

  it('LogAppendTime stamping rewrites attributes and maxTimestamp and recomputes the CRC', () => {
    const batch = encodeRecordBatch({ records: sampleRecords(4) });
    stampLogAppendTime(batch, 0, T0 + 99_000);
    expect(validateBatch(batch, 0)).toBe(batch.length);
    const d = decodeRecordBatch(batch);
    expect(d.header.timestampType).toBe('LogAppendTime');
    expect(d.header.maxTimestamp).toBe(T0 + 99_000);
    expect(d.records.every((r) => r.timestamp === T0 + 99_000)).toBe(true);
  });

  it('rejects a flipped byte, a bad magic, a short buffer and an oversized batch with typed errors', () => {
    const batch = encodeRecordBatch({ records: sampleRecords(5) });
    const codeOf = (f: () => unknown): string => {
      try {
        f();
        return 'no error';
      } catch (e) {
        return isLogError(e) ? e.code : String(e);
      }
    };
    const flipped = Buffer.from(batch);
    flipped[flipped.length - 3]! ^= 0x01;
    expect(codeOf(() => validateBatch(flipped, 0))).toBe('GALE_ERR_LOG_CORRUPT_BATCH');
    const magic = Buffer.from(batch);
    magic[16] = 1;
    expect(codeOf(() => validateBatch(magic, 0))).toBe('GALE_ERR_LOG_CORRUPT_BATCH');
    expect(codeOf(() => validateBatch(batch.subarray(0, batch.length - 1), 0))).toBe('GALE_ERR_LOG_CORRUPT_BATCH');
    expect(codeOf(() => validateBatch(batch.subarray(0, 7), 0))).toBe('GALE_ERR_LOG_CORRUPT_BATCH');
    expect(codeOf(() => validateBatch(batch, 0, { maxBatchBytes: batch.length - 1 }))).toBe('GALE_ERR_LOG_BATCH_TOO_LARGE');
    const codec = Buffer.from(batch);
    codec[22] = (codec[22]! & ~7) | 6;
    expect(codeOf(() => validateBatch(codec, 0))).toBe('GALE_ERR_LOG_UNSUPPORTED_COMPRESSION');
  });

  it('iterates concatenated batches and can stop at a partial tail', () => {
    const a = encodeRecordBatch({ records: sampleRecords(2) });
    const b = encodeRecordBatch({ records: sampleRecords(3), compression: 'lz4' });
    const both = Buffer.concat([a, b]);
    expect(splitBatches(both)).toEqual([
      { at: 0, size: a.length },
      { at: a.length, size: b.length },
    ]);
    const cut = both.subarray(0, both.length - 10);
    expect([...iterateBatches(cut, { allowPartialTail: true })]).toEqual([{ at: 0, size: a.length }]);
    expect(() => [...iterateBatches(cut)]).toThrow(/truncated/);
    expect(decodeRecordBatches(cut, { allowPartialTail: true })).toHaveLength(1);
  });

  it('decodes snappy in the xerial/Java framing the Java producer writes', () => {
    const records = sampleRecords(12);
    const plain = encodeRecordBatch({ records });
    const raw = plain.subarray(HEADER_SIZE);
    // xerial: magic, version 1, compatible 1, then [int32 len][snappy block] × n (two blocks here)
    const half = raw.length >> 1;
    const blocks = [raw.subarray(0, half), raw.subarray(half)].map((part) => {
      const c = snappy.compressSync(part);
      const len = Buffer.alloc(4);
      len.writeUInt32BE(c.length);
      return Buffer.concat([len, c]);
    });
    const xerial = Buffer.concat([Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00, 0, 0, 0, 1, 0, 0, 0, 1]), ...blocks]);
    const batch = Buffer.concat([plain.subarray(0, HEADER_SIZE), xerial]);
    batch.writeInt32BE(batch.length - 12, 8);
    batch.writeInt16BE(2, 21); // codec snappy
    const { crc32c } = require('@node-rs/crc32') as { crc32c(b: Uint8Array): number };
    batch.writeUInt32BE(crc32c(batch.subarray(21)) >>> 0, 17);
    expectSameRecords(decodeRecordBatch(batch).records, records);
  });

  it('reads batches written by kafkajs, and kafkajs reads ours (pinned to a real client encoder)', async () => {
    const { RecordBatch: KjsRecordBatch } = require('kafkajs/src/protocol/recordBatch/v0/index.js') as {
      RecordBatch(o: object): Promise<{ buffer: Buffer }>;
    };
    const KjsRecord = require('kafkajs/src/protocol/recordBatch/record/v0/index.js') as (o: object) => unknown;
    const KjsDecoder = require('kafkajs/src/protocol/decoder.js') as new (b: Buffer) => unknown;
    const kjsDecodeBatch = require('kafkajs/src/protocol/recordBatch/v0/decoder.js') as (d: unknown) => Promise<{
      records: { key: Buffer | null; value: Buffer | null; timestamp: string; offset: string; headers: Record<string, Buffer> }[];
    }>;
    const { Types } = require('kafkajs/src/protocol/message/compression/index.js') as { Types: { GZIP: number } };

    const theirs = await KjsRecordBatch({
      compression: Types.GZIP,
      firstTimestamp: T0,
      maxTimestamp: T0 + 2,
      lastOffsetDelta: 2,
      records: [0, 1, 2].map((i) =>
        KjsRecord({ offsetDelta: i, timestampDelta: i, key: Buffer.from(`k${i}`), value: Buffer.from(`v${i}`), headers: { a: Buffer.from('b') } }),
      ),
    });
    const d = decodeRecordBatch(theirs.buffer);
    expect(d.header.compression).toBe('gzip');
    expect(d.records.map((r) => [r.key!.toString(), r.value!.toString(), r.timestamp, r.headers[0]?.key])).toEqual([
      ['k0', 'v0', T0, 'a'],
      ['k1', 'v1', T0 + 1, 'a'],
      ['k2', 'v2', T0 + 2, 'a'],
    ]);

    const ours = encodeRecordBatch({ records: sampleRecords(6), compression: 'gzip', baseOffset: 50n });
    const back = await kjsDecodeBatch(new KjsDecoder(ours));
    expect(back.records.map((r) => [r.offset, r.key?.toString() ?? null, r.value?.toString() ?? null, Number(r.timestamp)])).toEqual(
      sampleRecords(6).map((r, i) => [String(50 + i), bytes(r.key), bytes(r.value), r.timestamp]),
    );
  });

  it('keeps explicit offset deltas and lastOffsetDelta (as compaction needs)', () => {
    const batch = encodeRecordBatch({
      records: [
        { key: 'a', value: '1', offsetDelta: 2, timestamp: T0 },
        { key: 'b', value: null, offsetDelta: 7, timestamp: T0 + 1 },
      ],
      lastOffsetDelta: 9,
      baseOffset: 10n,
    });
    const d = decodeRecordBatch(batch);
    expect(d.header.lastOffsetDelta).toBe(9);
    expect(d.records.map((r) => r.offsetDelta)).toEqual([2, 7]);
    expect(d.records[1]!.value).toBeNull();
  });

  it('rejects a record whose length lies, with a typed error', () => {
    const batch = encodeRecordBatch({ records: [{ key: 'k', value: 'value' }] });
    batch[HEADER_SIZE] = 0x7e; // record length varint: 63, much longer than the batch
    batch.writeUInt32BE(require('@node-rs/crc32').crc32c(batch.subarray(21)) >>> 0, 17);
    expect(() => decodeRecordBatch(batch)).toThrow(/malformed record batch/);
  });
});
