import { describe, expect, it } from 'vitest';
import { initialSessionId, SessionTracker } from '../../../src/coord/sessions.js';

describe('session expiry', () => {
  it('expires on the tick after lastTouch + timeout, and touching pushes it out', () => {
    let now = 1_000;
    const expired: bigint[] = [];
    const t = new SessionTracker(100, (id) => expired.push(id), () => now);
    t.add(1n, 300, new Uint8Array(16));
    t.add(2n, 300, new Uint8Array(16));
    now = 1_250;
    t.touch(2n);
    now = 1_399;
    t.expireDue();
    expect(expired).toEqual([]);
    now = 1_400;
    t.expireDue();
    expect(expired).toEqual([1n]);
    expect(t.isLive(1n)).toBe(false);
    expect(t.touch(1n)).toBe(false);
    now = 1_600;
    t.expireDue();
    expect(expired).toEqual([1n, 2n]);
  });

  it('closing sessions are not live and never expire twice', () => {
    let now = 0;
    const expired: bigint[] = [];
    const t = new SessionTracker(50, (id) => expired.push(id), () => now);
    t.add(7n, 100, new Uint8Array(16));
    t.setClosing(7n);
    expect(t.isLive(7n)).toBe(false);
    now = 1_000;
    t.expireDue();
    expect(expired).toEqual([]);
    t.remove(7n);
    expect(t.get(7n)).toBeUndefined();
  });

  it('session ids are time-based with server id 0 in the top byte', () => {
    const id = initialSessionId(Date.UTC(2025, 0, 1));
    expect(id >> 56n).toBe(0n);
    expect(id > 0n).toBe(true);
  });
});
