/**
 * Records inside a v2 batch (after the 61-byte header, decompressed if the
 * batch is compressed). Every integer is a zig-zag varint:
 *
 *   length          VARINT   bytes of the rest of this record
 *   attributes      INT8     unused, 0
 *   timestampDelta  VARLONG  ms after the batch's baseTimestamp
 *   offsetDelta     VARINT   offset - the batch's baseOffset
 *   keyLength       VARINT   -1 = null key
 *   key             bytes
 *   valueLength     VARINT   -1 = null value (a tombstone)
 *   value           bytes
 *   headerCount     VARINT
 *   headers         headerCount × [ keyLength VARINT | key UTF-8 | valueLength VARINT (-1 = null) | value ]
 *
 * Decoded keys and values are Buffer *views* into the batch bytes (or into
 * the decompressed blob): no copy. Keep the batch alive as long as you keep them.
 */
import { LogError } from '../errors.js';
import { sizeOfVarint, sizeOfVarlong, VarintCursor, writeVarint, writeVarlong } from './varint.js';

export interface RecordHeader {
  readonly key: string;
  readonly value: Buffer | null;
}

export interface DecodedRecord {
  /** offset = batch baseOffset + BigInt(offsetDelta) */
  readonly offsetDelta: number;
  /** ms since the epoch; for LogAppendTime batches the batch's maxTimestamp */
  readonly timestamp: number;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: readonly RecordHeader[];
}

export type Bytes = Uint8Array | string;

export interface RecordHeaderInput {
  readonly key: string;
  readonly value: Bytes | null;
}

export interface RecordInput {
  readonly key?: Bytes | null;
  readonly value: Bytes | null;
  readonly headers?: readonly RecordHeaderInput[];
  /** ms since the epoch; defaults to the batch's timestamp (now) */
  readonly timestamp?: number;
  /** defaults to the record's index; compaction keeps original gaps */
  readonly offsetDelta?: number;
}

const NO_HEADERS: readonly RecordHeader[] = Object.freeze([]);

export interface DecodeRecordsParams {
  readonly data: Buffer;
  readonly start: number;
  readonly end: number;
  readonly count: number;
  readonly baseTimestamp: number;
  /** the batch's maxTimestamp when it is LogAppendTime, else undefined */
  readonly logAppendTime: number | undefined;
}

export function decodeRecords(p: DecodeRecordsParams): DecodedRecord[] {
  const { data } = p;
  const out: DecodedRecord[] = new Array<DecodedRecord>(p.count);
  const c = new VarintCursor(data, p.start, p.end);
  for (let i = 0; i < p.count; i++) {
    const length = c.varint();
    const bodyStart = c.pos;
    const bodyEnd = bodyStart + length;
    if (length < 0 || bodyEnd > p.end) throw bad(`record ${i} length ${length} runs past the batch`);
    c.int8(); // attributes, unused
    const tsDelta = c.varlong();
    const offsetDelta = c.varint();
    const keyLen = c.varint();
    const key = keyLen < 0 ? null : data.subarray(c.take(keyLen), c.pos);
    const valueLen = c.varint();
    const value = valueLen < 0 ? null : data.subarray(c.take(valueLen), c.pos);
    const headerCount = c.varint();
    let headers = NO_HEADERS;
    if (headerCount > 0) {
      const hs: RecordHeader[] = [];
      for (let h = 0; h < headerCount; h++) {
        const hkLen = c.varint();
        if (hkLen < 0) throw bad(`record ${i} header ${h} has a null key`);
        const hkAt = c.take(hkLen);
        const hk = data.toString('utf8', hkAt, c.pos);
        const hvLen = c.varint();
        hs.push({ key: hk, value: hvLen < 0 ? null : data.subarray(c.take(hvLen), c.pos) });
      }
      headers = hs;
    } else if (headerCount < 0) {
      throw bad(`record ${i} has a negative header count`);
    }
    if (c.pos !== bodyEnd) throw bad(`record ${i} says ${length} bytes but its fields take ${c.pos - bodyStart}`);
    out[i] = {
      offsetDelta,
      timestamp: p.logAppendTime ?? p.baseTimestamp + tsDelta,
      key,
      value,
      headers,
    };
  }
  if (c.pos !== p.end) throw bad(`${p.end - c.pos} bytes left after ${p.count} records`);
  return out;
}

function bad(what: string): LogError {
  return new LogError('GALE_ERR_LOG_CORRUPT_BATCH', `malformed record batch: ${what}`);
}

function byteLength(b: Bytes | null | undefined): number {
  if (b === null || b === undefined) return -1;
  return typeof b === 'string' ? Buffer.byteLength(b, 'utf8') : b.length;
}

function lengthPrefixed(len: number): number {
  return sizeOfVarint(len) + (len > 0 ? len : 0);
}

/** Per-record sizes computed once (pass 1) and reused when writing (pass 2). */
export interface RecordsLayout {
  readonly bodySizes: Int32Array;
  readonly keyLens: Int32Array;
  readonly valueLens: Int32Array;
  readonly totalBytes: number;
}

function headersSize(headers: readonly RecordHeaderInput[] | undefined): number {
  if (headers === undefined || headers.length === 0) return sizeOfVarint(0);
  let size = sizeOfVarint(headers.length);
  for (const h of headers) size += lengthPrefixed(Buffer.byteLength(h.key, 'utf8')) + lengthPrefixed(byteLength(h.value));
  return size;
}

export function layoutRecords(records: readonly RecordInput[], baseTimestamp: number, timestampDefault: number): RecordsLayout {
  const n = records.length;
  const bodySizes = new Int32Array(n);
  const keyLens = new Int32Array(n);
  const valueLens = new Int32Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const r = records[i]!;
    const kl = byteLength(r.key);
    const vl = byteLength(r.value);
    keyLens[i] = kl;
    valueLens[i] = vl;
    const body =
      1 +
      sizeOfVarlong((r.timestamp ?? timestampDefault) - baseTimestamp) +
      sizeOfVarint(r.offsetDelta ?? i) +
      lengthPrefixed(kl) +
      lengthPrefixed(vl) +
      headersSize(r.headers);
    bodySizes[i] = body;
    total += sizeOfVarint(body) + body;
  }
  return { bodySizes, keyLens, valueLens, totalBytes: total };
}

function writeBytes(out: Buffer, at: number, b: Bytes, len: number): number {
  if (typeof b === 'string') out.write(b, at, len, 'utf8');
  else out.set(b, at);
  return at + len;
}

function writeNullable(out: Buffer, at: number, b: Bytes | null | undefined, len: number): number {
  at = writeVarint(out, at, len);
  return len > 0 ? writeBytes(out, at, b!, len) : at;
}

/** Writes the records at `at` using the sizes from `layoutRecords`; returns the end position. */
export function writeRecords(
  out: Buffer,
  at: number,
  records: readonly RecordInput[],
  layout: RecordsLayout,
  baseTimestamp: number,
  timestampDefault: number,
): number {
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    at = writeVarint(out, at, layout.bodySizes[i]!);
    out[at++] = 0;
    at = writeVarlong(out, at, (r.timestamp ?? timestampDefault) - baseTimestamp);
    at = writeVarint(out, at, r.offsetDelta ?? i);
    at = writeNullable(out, at, r.key, layout.keyLens[i]!);
    at = writeNullable(out, at, r.value, layout.valueLens[i]!);
    const headers = r.headers;
    if (headers === undefined || headers.length === 0) {
      out[at++] = 0;
    } else {
      at = writeVarint(out, at, headers.length);
      for (const h of headers) {
        at = writeNullable(out, at, h.key, Buffer.byteLength(h.key, 'utf8'));
        at = writeNullable(out, at, h.value, byteLength(h.value));
      }
    }
  }
  return at;
}
