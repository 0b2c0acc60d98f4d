/**
 * Down-conversion for Fetch v0-3: those versions predate record batches, so
 * a client that asks with them may only understand legacy message sets —
 * magic 0 for v0-1, magic 1 for v2-3 (segmentio/kafka-go 0.2, Debian's
 * golang-github-segmentio-kafka-go-dev, reads Fetch v2 and fails on magic 2).
 * Kafka down-converts the same way. Messages are written uncompressed;
 * headers, which the old formats cannot carry, are dropped (as in Kafka);
 * control records are left out; records before the fetch offset are skipped
 * (a batch may start before it).
 */
import { crc32 } from 'node:zlib';
import { decodeRecordBatchesAsync } from '../../../log/record-batch/index.js';

/** The newest message format a Fetch version can carry. */
export function messageFormatForFetch(version: number): 0 | 1 | 2 {
  return version <= 1 ? 0 : version <= 3 ? 1 : 2;
}

const NULL_LENGTH = -1;

function legacyMessage(magic: 0 | 1, offset: bigint, r: { timestamp: number; key: Buffer | null; value: Buffer | null }, logAppendTime: boolean): Buffer {
  const keyLen = r.key?.length ?? 0;
  const valueLen = r.value?.length ?? 0;
  const bodyLen = 1 + 1 + (magic === 1 ? 8 : 0) + 4 + keyLen + 4 + valueLen;
  const out = Buffer.alloc(8 + 4 + 4 + bodyLen);
  out.writeBigInt64BE(offset, 0);
  out.writeInt32BE(4 + bodyLen, 8);
  let at = 16;
  out.writeInt8(magic, at++);
  out.writeInt8(magic === 1 && logAppendTime ? 0x08 : 0, at++);
  if (magic === 1) {
    out.writeBigInt64BE(BigInt(r.timestamp), at);
    at += 8;
  }
  out.writeInt32BE(r.key === null ? NULL_LENGTH : keyLen, at);
  at += 4;
  if (r.key !== null) at += r.key.copy(out, at);
  out.writeInt32BE(r.value === null ? NULL_LENGTH : valueLen, at);
  at += 4;
  if (r.value !== null) r.value.copy(out, at);
  out.writeUInt32BE(crc32(out.subarray(16)), 12);
  return out;
}

/** The v2 batches read from the log as a legacy message set of `magic`, from `fetchOffset` on. */
export async function downConvertBatches(records: Uint8Array, magic: 0 | 1, fetchOffset: bigint): Promise<Buffer> {
  if (records.length === 0) return Buffer.alloc(0);
  const parts: Buffer[] = [];
  for (const batch of await decodeRecordBatchesAsync(records, { verifyCrc: false })) {
    if (batch.header.isControl) continue;
    const logAppendTime = batch.header.timestampType === 'LogAppendTime';
    for (const r of batch.records) {
      const offset = batch.header.baseOffset + BigInt(r.offsetDelta);
      if (offset < fetchOffset) continue;
      parts.push(legacyMessage(magic, offset, r, logAppendTime));
    }
  }
  return Buffer.concat(parts);
}
