/**
 * The compression codecs of record batch v2. When a batch's codec is not
 * `none`, everything after `recordCount` is one compressed blob of the records.
 *
 *   gzip    node:zlib (RFC 1952)
 *   snappy  'snappy' (napi). Written as raw snappy (what librdkafka and kafkajs
 *           write); read both raw and the xerial/Java framing the Java producer
 *           writes: magic 82 'SNAPPY' 00, int32 version, int32 min-compatible
 *           version, then blocks of [int32 length][raw snappy block].
 *   lz4     the LZ4 *frame* format (lz4-napi), as Kafka uses since KIP-57
 *   zstd    @mongodb-js/zstd, which is asynchronous only: the sync entry points
 *           throw CODEC_NEEDS_ASYNC for it, the *Async ones handle every codec.
 */
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import * as snappy from 'snappy';
import { compressFrame, compressFrameSync, decompressFrame, decompressFrameSync } from 'lz4-napi';
import { compress as zstdCompress, decompress as zstdDecompress } from '@mongodb-js/zstd';
import { LogError } from '../errors.js';
import type { CompressionCodec } from './header.js';

const gzipAsync = promisify(zlib.gzip);
const gunzipAsync = promisify(zlib.gunzip);

const XERIAL_MAGIC = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00]);
const XERIAL_HEADER_SIZE = 16;

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function corrupt(codec: CompressionCodec, cause: unknown): LogError {
  return new LogError('GALE_ERR_LOG_CORRUPT_BATCH', `cannot decompress ${codec} records: ${String((cause as Error)?.message ?? cause)}`, { cause });
}

function needsAsync(): LogError {
  return new LogError(
    'GALE_ERR_LOG_CODEC_NEEDS_ASYNC',
    'zstd batches need the asynchronous API (decodeRecordBatchesAsync / encodeRecordBatchAsync)',
  );
}

export function isXerialSnappy(bytes: Uint8Array): boolean {
  if (bytes.length < XERIAL_HEADER_SIZE) return false;
  for (let i = 0; i < XERIAL_MAGIC.length; i++) if (bytes[i] !== XERIAL_MAGIC[i]) return false;
  return true;
}

function unxerial(bytes: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = XERIAL_HEADER_SIZE;
  while (at < bytes.length) {
    if (at + 4 > bytes.length) throw new Error('truncated xerial block length');
    const len = bytes.readUInt32BE(at);
    at += 4;
    if (at + len > bytes.length) throw new Error('truncated xerial block');
    parts.push(snappy.uncompressSync(bytes.subarray(at, at + len), { asBuffer: true }) as Buffer);
    at += len;
  }
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
}

function snappyDecompress(bytes: Buffer): Buffer {
  return isXerialSnappy(bytes) ? unxerial(bytes) : (snappy.uncompressSync(bytes, { asBuffer: true }) as Buffer);
}

export function compressSync(codec: CompressionCodec, bytes: Uint8Array): Buffer {
  const b = asBuffer(bytes);
  switch (codec) {
    case 'none':
      return b;
    case 'gzip':
      return zlib.gzipSync(b);
    case 'snappy':
      return snappy.compressSync(b);
    case 'lz4':
      return compressFrameSync(b);
    case 'zstd':
      throw needsAsync();
  }
}

export async function compressAsync(codec: CompressionCodec, bytes: Uint8Array): Promise<Buffer> {
  const b = asBuffer(bytes);
  switch (codec) {
    case 'gzip':
      return gzipAsync(b);
    case 'lz4':
      return compressFrame(b);
    case 'zstd':
      return zstdCompress(b, 3);
    default:
      return compressSync(codec, b);
  }
}

export function decompressSync(codec: CompressionCodec, bytes: Uint8Array): Buffer {
  const b = asBuffer(bytes);
  if (codec === 'none') return b;
  if (codec === 'zstd') throw needsAsync();
  try {
    switch (codec) {
      case 'gzip':
        return zlib.gunzipSync(b);
      case 'snappy':
        return snappyDecompress(b);
      case 'lz4':
        return decompressFrameSync(b);
    }
  } catch (e) {
    throw corrupt(codec, e);
  }
}

export async function decompressAsync(codec: CompressionCodec, bytes: Uint8Array): Promise<Buffer> {
  const b = asBuffer(bytes);
  try {
    switch (codec) {
      case 'gzip':
        return await gunzipAsync(b);
      case 'lz4':
        return await decompressFrame(b);
      case 'zstd':
        return await zstdDecompress(b);
      default:
        return decompressSync(codec, b);
    }
  } catch (e) {
    if (e instanceof LogError) throw e;
    throw corrupt(codec, e);
  }
}
