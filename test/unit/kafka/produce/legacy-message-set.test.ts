/**
 * Legacy message sets (magic 0/1, as sarama for Kafka 0.10 sends them) are
 * up-converted to one v2 batch: keys, values, null values, timestamps,
 * compressed wrappers (inner messages kept in order, LogAppendTime wrapper
 * timestamps), and bad input refused as CORRUPT_MESSAGE (zstd: UNSUPPORTED_COMPRESSION_TYPE).
 */
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import snappy from 'snappy';
import { isLogError } from '../../../../src/log/errors.js';
import { decodeRecordBatches, MAGIC_V2 } from '../../../../src/log/record-batch/index.js';
import { isLegacyMessageSet, upConvertMessageSet } from '../../../../src/kafka/apis/produce/legacy-message-set.js';
import { legacyMessage as message } from '../../../wire/kafka/legacy-messages.js';

const decode = (b: Buffer) => {
  const batches = decodeRecordBatches(b);
  expect(batches).toHaveLength(1);
  return batches[0]!;
};

describe('legacy message set up-conversion', () => {
  it('magic 1 uncompressed: keys, values, null value, timestamps', () => {
    const set = Buffer.concat([
      message({ magic: 1, timestamp: 1000, key: 'a', value: 'one' }),
      message({ magic: 1, timestamp: 2000, key: null, value: 'two', offset: 1 }),
      message({ magic: 1, timestamp: 3000, key: 'c', value: null, offset: 2 }),
    ]);
    expect(isLegacyMessageSet(set)).toBe(true);
    const batch = decode(upConvertMessageSet(set, 99));
    expect(batch.header.magic).toBe(MAGIC_V2);
    expect(batch.header.compression).toBe('none');
    expect(batch.records.map((r) => [r.key?.toString() ?? null, r.value?.toString() ?? null, r.timestamp, r.offsetDelta])).toEqual([
      ['a', 'one', 1000, 0],
      [null, 'two', 2000, 1],
      ['c', null, 3000, 2],
    ]);
    expect(isLegacyMessageSet(upConvertMessageSet(set))).toBe(false);
  });

  it('magic 0 gets the append time', () => {
    const batch = decode(upConvertMessageSet(message({ magic: 0, key: 'k', value: 'v' }), 12345));
    expect(batch.records.map((r) => [r.key?.toString(), r.value?.toString(), r.timestamp])).toEqual([['k', 'v', 12345]]);
  });

  it('gzip and snappy wrappers: inner messages in order, codec kept, LogAppendTime wrapper time applied', () => {
    const inner = Buffer.concat([
      message({ magic: 1, timestamp: 10, key: 'x', value: 'first' }),
      message({ magic: 1, timestamp: 20, key: 'y', value: 'second', offset: 1 }),
    ]);
    const gz = decode(upConvertMessageSet(message({ magic: 1, attributes: 1, timestamp: 20, key: null, value: gzipSync(inner), offset: 1 }), 5));
    expect(gz.header.compression).toBe('gzip');
    expect(gz.records.map((r) => [r.key?.toString(), r.value?.toString(), r.timestamp])).toEqual([
      ['x', 'first', 10],
      ['y', 'second', 20],
    ]);
    const sn = decode(upConvertMessageSet(message({ magic: 1, attributes: 2 | 0x08, timestamp: 777, key: null, value: snappy.compressSync(inner) }), 5));
    expect(sn.header.compression).toBe('snappy');
    expect(sn.records.map((r) => [r.value?.toString(), r.timestamp])).toEqual([
      ['first', 777],
      ['second', 777],
    ]);
  });

  it('a v2 batch is not legacy; bad CRC, truncation and unknown codecs are CORRUPT_MESSAGE', () => {
    const good = message({ magic: 1, timestamp: 1, key: 'k', value: 'v' });
    const v2 = upConvertMessageSet(good);
    expect(isLegacyMessageSet(v2)).toBe(false);
    const badCrc = Buffer.from(good);
    badCrc.writeUInt8(badCrc.readUInt8(badCrc.length - 1) ^ 0xff, badCrc.length - 1);
    const truncated = good.subarray(0, good.length - 2);
    const unknownCodec = message({ magic: 1, attributes: 5, timestamp: 1, key: null, value: 'zz' });
    for (const bad of [badCrc, truncated, unknownCodec]) {
      let caught: unknown;
      try {
        upConvertMessageSet(bad);
      } catch (e) {
        caught = e;
      }
      expect(isLogError(caught) && caught.kafkaCode).toBe(2);
    }
  });

  it('zstd in a legacy message set is UNSUPPORTED_COMPRESSION_TYPE, as from Kafka (sarama set to 0.10 with zstd)', () => {
    let caught: unknown;
    try {
      upConvertMessageSet(message({ magic: 1, attributes: 4, timestamp: 1, key: null, value: 'zz' }));
    } catch (e) {
      caught = e;
    }
    expect(isLogError(caught) && caught.kafkaCode).toBe(76);
  });
});
