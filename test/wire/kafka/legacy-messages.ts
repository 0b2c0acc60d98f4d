/**
 * Builds legacy Kafka message sets (magic 0/1) for tests, byte for byte as
 * pre-0.11 clients (sarama for Kafka 0.10, old Java) send them.
 */
import { crc32 } from 'node:zlib';

export interface LegacyMessage {
  readonly magic: 0 | 1;
  /** bits 0-2 codec, bit 3 LogAppendTime (magic 1) */
  readonly attributes?: number;
  readonly timestamp?: number;
  readonly key: string | null;
  readonly value: Buffer | string | null;
  readonly offset?: number;
}

function bytesField(v: Buffer | string | null): Buffer {
  if (v === null) return Buffer.from([0xff, 0xff, 0xff, 0xff]);
  const b = Buffer.from(v);
  const len = Buffer.alloc(4);
  len.writeInt32BE(b.length);
  return Buffer.concat([len, b]);
}

/** offset | size | crc | magic | attributes | [timestamp] | key | value */
export function legacyMessage(m: LegacyMessage): Buffer {
  const head = Buffer.from([m.magic, m.attributes ?? 0]);
  const ts = Buffer.alloc(m.magic === 1 ? 8 : 0);
  if (m.magic === 1) ts.writeBigInt64BE(BigInt(m.timestamp ?? -1));
  const body = Buffer.concat([head, ts, bytesField(m.key), bytesField(m.value)]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  const envelope = Buffer.alloc(12);
  envelope.writeBigInt64BE(BigInt(m.offset ?? 0));
  envelope.writeInt32BE(body.length + 4, 8);
  return Buffer.concat([envelope, crc, body]);
}
