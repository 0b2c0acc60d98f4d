/**
 * kafkajs ships only gzip; these register snappy, lz4 and zstd for it with
 * the packages Gale already depends on (snappy, lz4-napi, @mongodb-js/zstd).
 */
import { compress as zstdCompress, decompress as zstdDecompress } from '@mongodb-js/zstd';
import { CompressionTypes } from 'kafkajs';
import { compressFrameSync, decompressFrameSync } from 'lz4-napi';
import { compressSync as snappyCompress, uncompressSync as snappyUncompress } from 'snappy';

interface Codec {
  compress(encoder: { buffer: Buffer }): Promise<Buffer>;
  decompress(buffer: Buffer): Promise<Buffer>;
}

/** Java's xerial framing for snappy, which kafkajs and the JVM clients may send. */
const XERIAL = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00]);

function unsnappy(buf: Buffer): Buffer {
  if (buf.length < 16 || !buf.subarray(0, 8).equals(XERIAL)) return snappyUncompress(buf) as Buffer;
  const parts: Buffer[] = [];
  for (let at = 16; at < buf.length; ) {
    const n = buf.readInt32BE(at);
    parts.push(snappyUncompress(buf.subarray(at + 4, at + 4 + n)) as Buffer);
    at += 4 + n;
  }
  return Buffer.concat(parts);
}

export function registerKafkajsCodecs(codecs: Record<number, () => Codec>): void {
  codecs[CompressionTypes.Snappy] = () => ({
    compress: async (e) => snappyCompress(e.buffer),
    decompress: async (b) => unsnappy(b),
  });
  codecs[CompressionTypes.LZ4] = () => ({
    compress: async (e) => compressFrameSync(e.buffer),
    decompress: async (b) => decompressFrameSync(b),
  });
  codecs[CompressionTypes.ZSTD] = () => ({
    compress: async (e) => zstdCompress(e.buffer),
    decompress: async (b) => zstdDecompress(b),
  });
}
