/** FramePool hands out exact-size views, recycles only its own buffers, and caps what it keeps idle. */
import { describe, expect, it } from 'vitest';
import { FramePool } from '../../../src/kafka/frame-pool.js';

describe('FramePool', () => {
  it('recycles a large frame buffer and ignores buffers it did not make', () => {
    const pool = new FramePool(4 * 1024 * 1024);
    const a = pool.take(1_000_123);
    expect(a.length).toBe(1_000_123);
    pool.give(a);
    const b = pool.take(900_000);
    expect(b.buffer).toBe(a.buffer); // same backing memory, new exact view
    expect(b.length).toBe(900_000);
    pool.give(Buffer.alloc(2_000_000)); // not ours: ignored
    pool.give(b.subarray(10)); // not the start of a pooled buffer: ignored
    expect(pool.take(2_000_000).buffer).not.toBe(a.buffer);
    expect(pool.take(100).length).toBe(100); // small sizes are plain allocations
  });

  it('keeps at most its idle limit', () => {
    const pool = new FramePool(2 * 1024 * 1024);
    const frames = [pool.take(1_500_000), pool.take(1_500_000)]; // two 2 MiB buffers
    for (const f of frames) pool.give(f);
    const again = [pool.take(1_500_000), pool.take(1_500_000)];
    expect(again.filter((f) => frames.some((g) => g.buffer === f.buffer))).toHaveLength(1);
  });
});
