/**
 * Walks the record batches of a segment file in order, reading it in large
 * chunks (never one read per batch). Used to recover the active segment's
 * tail, to rebuild indexes, and by compaction and lookups by time.
 *
 * `next()` returns the next whole batch, or undefined at the end of the
 * range or at the first bytes that are not a batch; `problem` then says why
 * (torn length, truncated batch, CRC or magic mismatch, offsets going
 * backwards), and `position` is where the valid prefix ends.
 */
import type { FileHandle } from 'node:fs/promises';
import { isLogError } from './errors.js';
import {
  BATCH_LENGTH_AT,
  HEADER_SIZE,
  LOG_OVERHEAD,
  readBaseOffset,
  readLastOffsetDelta,
} from './record-batch/header.js';
import { validateBatch } from './record-batch/validate.js';

export interface ScannedBatch {
  /** byte position of the batch in the file */
  readonly position: number;
  /** the whole batch (a view into the scanner's chunk: copy it to keep it past the next call) */
  readonly bytes: Buffer;
  readonly baseOffset: bigint;
  readonly lastOffset: bigint;
}

export interface ScanOptions {
  readonly start?: number;
  readonly end: number;
  /** check magic, codec and CRC of every batch (recovery); else lengths only */
  readonly validate: boolean;
  readonly chunkBytes?: number;
}

const DEFAULT_CHUNK = 1 << 20;

export class BatchScanner {
  position: number;
  problem: string | undefined;
  private readonly end: number;
  private readonly validate: boolean;
  private readonly chunkBytes: number;
  private chunk: Buffer = Buffer.alloc(0);
  private chunkStart = 0;
  private expectedNext = -1n;

  constructor(
    private readonly fh: FileHandle,
    opts: ScanOptions,
  ) {
    this.position = opts.start ?? 0;
    this.end = opts.end;
    this.validate = opts.validate;
    this.chunkBytes = opts.chunkBytes ?? DEFAULT_CHUNK;
  }

  private async ensure(bytes: number): Promise<boolean> {
    const at = this.position - this.chunkStart;
    if (at >= 0 && at + bytes <= this.chunk.length) return true;
    const want = Math.min(Math.max(this.chunkBytes, bytes), this.end - this.position);
    if (want < bytes) return false;
    const buf = Buffer.allocUnsafe(want);
    let got = 0;
    while (got < want) {
      const { bytesRead } = await this.fh.read(buf, got, want - got, this.position + got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    this.chunk = buf.subarray(0, got);
    this.chunkStart = this.position;
    return got >= bytes;
  }

  async next(): Promise<ScannedBatch | undefined> {
    if (this.problem !== undefined || this.position >= this.end) return undefined;
    const left = this.end - this.position;
    if (!(await this.ensure(Math.min(LOG_OVERHEAD, left))) || left < LOG_OVERHEAD) {
      this.problem = `torn batch header (${left} bytes)`;
      return undefined;
    }
    const lengthAt = this.position - this.chunkStart + BATCH_LENGTH_AT;
    const size = LOG_OVERHEAD + this.chunk.readInt32BE(lengthAt);
    if (size < HEADER_SIZE) {
      this.problem = `impossible batch length ${size - LOG_OVERHEAD}`;
      return undefined;
    }
    if (size > left || !(await this.ensure(size))) {
      this.problem = `truncated batch (${left} of ${size} bytes)`;
      return undefined;
    }
    const at = this.position - this.chunkStart;
    const bytes = this.chunk.subarray(at, at + size);
    if (this.validate) {
      try {
        validateBatch(bytes, 0);
      } catch (e) {
        if (!isLogError(e)) throw e;
        this.problem = e.message;
        return undefined;
      }
    }
    const baseOffset = readBaseOffset(bytes, 0);
    if (baseOffset < this.expectedNext) {
      this.problem = `offset ${baseOffset} goes backwards (expected >= ${this.expectedNext})`;
      return undefined;
    }
    const lastOffset = baseOffset + BigInt(readLastOffsetDelta(bytes, 0));
    this.expectedNext = lastOffset + 1n;
    const position = this.position;
    this.position += size;
    return { position, bytes, baseOffset, lastOffset };
  }
}
