/**
 * Up-conversion of legacy message sets (magic 0 and 1) to one magic-2 record
 * batch, as Kafka does on produce when the log's format is v2. Clients that
 * still send them: sarama configured for Kafka 0.10.x (Produce v2, magic 1),
 * old Java and kafka-python setups that pin an old api_version. Without this
 * their batches were read as magic 2 and refused as CORRUPT_MESSAGE.
 *
 * Layout (A1.4 of the protocol reference): offset INT64 | size INT32 | crc
 * INT32 | magic INT8 | attributes INT8 (bits 0-2 codec, bit 3 LogAppendTime in
 * v1) | timestamp INT64 (v1 only) | key BYTES | value BYTES. A compressed
 * message is a wrapper whose value holds the inner (uncompressed) messages.
 *
 * Runs synchronously (produce issues its appends in arrival order); zstd never
 * occurs in these formats. Each message's CRC-32 (IEEE, magic..end) is
 * checked; the v2 batch written gets its own CRC-32C. Magic-0 messages carry
 * no timestamp and get the append time.
 */
import { crc32 } from 'node:zlib';
import { LogError } from '../../../log/errors.js';
import { decompressSync, encodeRecordBatch, MAGIC_AT } from '../../../log/record-batch/index.js';
import type { CompressionCodec, RecordInput } from '../../../log/record-batch/index.js';

const CODECS: readonly (CompressionCodec | undefined)[] = ['none', 'gzip', 'snappy', 'lz4'];
const LOG_OVERHEAD = 12; // offset + size
const LAST_V0_HEADER = 4 + 1 + 1; // crc + magic + attributes

/** True when the produce payload starts with a magic 0 or 1 message (not a v2 batch). */
export function isLegacyMessageSet(records: Buffer): boolean {
  return records.length > MAGIC_AT && records[MAGIC_AT]! < 2;
}

function corrupt(message: string): LogError {
  return new LogError('GALE_ERR_LOG_CORRUPT_BATCH', `legacy message set: ${message}`);
}

interface Collected {
  readonly records: RecordInput[];
  /** codec of the first compressed wrapper: the converted batch keeps it */
  codec: CompressionCodec;
}

function readBytes(buf: Buffer, at: number, end: number): { value: Buffer | null; next: number } {
  if (at + 4 > end) throw corrupt('truncated length');
  const len = buf.readInt32BE(at);
  if (len < 0) return { value: null, next: at + 4 };
  if (at + 4 + len > end) throw corrupt('truncated key or value');
  return { value: buf.subarray(at + 4, at + 4 + len), next: at + 4 + len };
}

function collect(buf: Buffer, out: Collected, nowMs: number, depth: number): void {
  let pos = 0;
  while (pos < buf.length) {
    if (pos + LOG_OVERHEAD > buf.length) throw corrupt('truncated message header');
    const size = buf.readInt32BE(pos + 8);
    const start = pos + LOG_OVERHEAD;
    const end = start + size;
    if (size < LAST_V0_HEADER + 8 || end > buf.length) throw corrupt(`message size ${size} does not fit`);
    if (crc32(buf.subarray(start + 4, end)) !== buf.readUInt32BE(start)) throw corrupt('message CRC-32 does not match');
    const magic = buf[start + 4]!;
    const attributes = buf[start + 5]!;
    if (magic > 1) throw corrupt(`magic ${magic} inside a legacy message set`);
    let at = start + LAST_V0_HEADER;
    let timestamp = nowMs;
    if (magic === 1) {
      if (at + 8 > end) throw corrupt('truncated timestamp');
      const ts = Number(buf.readBigInt64BE(at));
      if (ts >= 0) timestamp = ts;
      at += 8;
    }
    const key = readBytes(buf, at, end);
    const value = readBytes(buf, key.next, end);
    const codec = CODECS[attributes & 0x07];
    if (codec === undefined) {
      // zstd (4) needs record batches (Produce v7+), as in Kafka; anything else is not a codec
      if ((attributes & 0x07) === 4) throw new LogError('GALE_ERR_LOG_UNSUPPORTED_COMPRESSION', 'legacy message set: zstd needs record batches (magic 2, Produce v7+)');
      throw corrupt(`unknown compression codec ${attributes & 0x07}`);
    }
    if (codec === 'none') {
      out.records.push({ key: key.value, value: value.value, timestamp });
    } else {
      if (depth > 0) throw corrupt('nested compressed message');
      if (value.value === null) throw corrupt('compressed message without a value');
      if (out.codec === 'none') out.codec = codec;
      const before = out.records.length;
      collect(decompressSync(codec, value.value), out, nowMs, depth + 1);
      // LogAppendTime on the wrapper (v1): its timestamp stands for every inner message
      if (magic === 1 && (attributes & 0x08) !== 0) {
        for (let i = before; i < out.records.length; i++) out.records[i] = { ...out.records[i]!, timestamp };
      }
    }
    pos = end;
  }
}

/** One magic-2 batch holding every message of a legacy message set, in order. */
export function upConvertMessageSet(records: Buffer, nowMs: number = Date.now()): Buffer {
  const out: Collected = { records: [], codec: 'none' };
  collect(records, out, nowMs, 0);
  if (out.records.length === 0) throw corrupt('no messages');
  return encodeRecordBatch({ records: out.records, compression: out.codec, timestamp: nowMs });
}
