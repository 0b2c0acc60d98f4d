/**
 * Splits a TCP byte stream into int32-length-prefixed frames (Kafka and
 * ZooKeeper both frame this way: a big-endian int32 size, then `size` bytes).
 *
 * Chunks are kept in a list and only joined when a frame spans several of
 * them, so large fetches and many small pipelined requests both stay cheap.
 * A frame whose declared size is negative or above `maxFrameBytes` raises
 * FrameError; the caller closes that one connection (see connection.ts).
 */
import { GaleError } from '../errors.js';

export class FrameError extends GaleError<'GALE_ERR_WIRE_FRAME_TOO_LARGE' | 'GALE_ERR_WIRE_BAD_FRAME'> {
  override readonly name = 'FrameError';
}

export class FrameReader {
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** size of the frame being assembled, or -1 while its 4-byte header is incomplete */
  private need = -1;

  /**
   * `allocate` supplies the buffer for a frame that spans several chunks (the
   * one case that copies); a server may hand out recycled buffers there.
   */
  constructor(
    private readonly maxFrameBytes: number,
    private readonly allocate: (size: number) => Buffer = Buffer.allocUnsafe,
  ) {}

  /** Bytes received but not yet returned as a frame. */
  get pendingBytes(): number {
    return this.buffered;
  }

  /** Returns the first `n` buffered bytes without consuming them (n <= pendingBytes). */
  peek(n: number): Buffer {
    return this.take(n, false);
  }

  /** Feeds one chunk; returns the complete frames it finished, payload only (no size prefix). */
  push(chunk: Buffer): Buffer[] {
    if (chunk.length > 0) {
      this.chunks.push(chunk);
      this.buffered += chunk.length;
    }
    const frames: Buffer[] = [];
    for (;;) {
      if (this.need < 0) {
        if (this.buffered < 4) break;
        const size = this.take(4, true).readInt32BE(0);
        if (size < 0) {
          throw new FrameError('GALE_ERR_WIRE_BAD_FRAME', `negative frame size ${size}`);
        }
        if (size > this.maxFrameBytes) {
          throw new FrameError(
            'GALE_ERR_WIRE_FRAME_TOO_LARGE',
            `frame of ${size} bytes exceeds the limit of ${this.maxFrameBytes}`,
            { details: { size, limit: this.maxFrameBytes } },
          );
        }
        this.need = size;
      }
      if (this.buffered < this.need) break;
      frames.push(this.take(this.need, true));
      this.need = -1;
    }
    return frames;
  }

  private take(n: number, consume: boolean): Buffer {
    const first = this.chunks[0];
    if (first !== undefined && first.length >= n) {
      const out = first.subarray(0, n);
      if (consume) {
        if (first.length === n) this.chunks.shift();
        else this.chunks[0] = first.subarray(n);
        this.buffered -= n;
      }
      return out;
    }
    const out = consume ? this.allocate(n) : Buffer.allocUnsafe(n);
    let filled = 0;
    let i = 0;
    while (filled < n) {
      const c = this.chunks[i]!;
      const used = Math.min(c.length, n - filled);
      c.copy(out, filled, 0, used);
      filled += used;
      if (consume) {
        if (used === c.length) {
          this.chunks.shift();
        } else {
          this.chunks[0] = c.subarray(used);
          i++;
        }
      } else {
        i++;
      }
    }
    if (consume) this.buffered -= n;
    return out;
  }
}
