import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { HighWatermarkWaiters } from '../../../src/log/hw-waiters.js';

describe('high watermark waiters', () => {
  it('settle once by data, timeout, abort or close, and leave no waiter or abort listener behind', async () => {
    const w = new HighWatermarkWaiters();
    const ac = new AbortController();
    const byData = w.wait(5n, 5n, 60_000, ac.signal);
    const byTimeout = w.wait(50n, 5n, 10, ac.signal);
    expect(w.size).toBe(2);
    expect(getEventListeners(ac.signal, 'abort').length).toBe(2);
    w.advance(5n); // not past 5 yet
    expect(w.size).toBe(2);
    w.advance(6n);
    expect(await byData).toBe(true);
    expect(await byTimeout).toBe(false);
    expect(w.size).toBe(0);
    expect(getEventListeners(ac.signal, 'abort').length).toBe(0);

    const byAbort = w.wait(9n, 6n, 60_000, ac.signal);
    ac.abort();
    expect(await byAbort).toBe(false);
    const byClose = w.wait(9n, 6n, 60_000);
    w.closeAll();
    expect(await byClose).toBe(false);
    expect(w.size).toBe(0);
    // already satisfied, already aborted, zero timeout: no waiter is even created
    expect(await w.wait(1n, 6n, 60_000)).toBe(true);
    expect(await w.wait(9n, 6n, 60_000, ac.signal)).toBe(false);
    expect(await w.wait(9n, 6n, 0)).toBe(false);
    expect(w.size).toBe(0);
  });
});
