/**
 * Session liveness (ZooKeeper's SessionTrackerImpl): each live session has
 * an expiry time rounded up to the next tick; any packet from the session
 * moves it to `now + timeout` (rounded). Once per tick every session whose
 * time has come is marked closing and handed to `onExpire`, which logs the
 * closeSession txn that deletes its ephemerals.
 *
 * Which sessions exist is durable state (createSession/closeSession txns);
 * this tracker is rebuilt from it at start, each session getting a full
 * timeout from the restart, as ZooKeeper does.
 */
export interface LiveSession {
  readonly id: bigint;
  timeoutMs: number;
  readonly passwd: Uint8Array;
  /** expiry instant (ms, a multiple of the tick) */
  expireAt: number;
  /** closeSession prepared: every further request gets SESSIONEXPIRED */
  closing: boolean;
}

export class SessionTracker {
  private readonly sessions = new Map<bigint, LiveSession>();
  private readonly buckets = new Map<number, Set<bigint>>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly tickMs: number,
    private readonly onExpire: (id: bigint) => void,
    private readonly now: () => number = Date.now,
  ) {}

  private roundUp(t: number): number {
    return (Math.floor(t / this.tickMs) + 1) * this.tickMs;
  }

  start(): void {
    this.timer ??= setInterval(() => this.expireDue(), this.tickMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  get size(): number {
    return this.sessions.size;
  }

  ids(): IterableIterator<bigint> {
    return this.sessions.keys();
  }

  get(id: bigint): LiveSession | undefined {
    return this.sessions.get(id);
  }

  isLive(id: bigint): boolean {
    const s = this.sessions.get(id);
    return s !== undefined && !s.closing;
  }

  add(id: bigint, timeoutMs: number, passwd: Uint8Array): LiveSession {
    const s: LiveSession = { id, timeoutMs, passwd, expireAt: 0, closing: false };
    this.sessions.set(id, s);
    this.touch(id);
    return s;
  }

  /** Pushes the expiry out; false if the session is gone or closing. */
  touch(id: bigint, timeoutMs?: number): boolean {
    const s = this.sessions.get(id);
    if (s === undefined || s.closing) return false;
    if (timeoutMs !== undefined) s.timeoutMs = timeoutMs;
    const at = this.roundUp(this.now() + s.timeoutMs);
    if (at === s.expireAt) return true;
    this.unbucket(s);
    s.expireAt = at;
    let b = this.buckets.get(at);
    if (b === undefined) this.buckets.set(at, (b = new Set()));
    b.add(id);
    return true;
  }

  setClosing(id: bigint): void {
    const s = this.sessions.get(id);
    if (s === undefined) return;
    s.closing = true;
    this.unbucket(s);
  }

  remove(id: bigint): void {
    const s = this.sessions.get(id);
    if (s === undefined) return;
    this.unbucket(s);
    this.sessions.delete(id);
  }

  private unbucket(s: LiveSession): void {
    const b = this.buckets.get(s.expireAt);
    b?.delete(s.id);
    if (b?.size === 0) this.buckets.delete(s.expireAt);
  }

  /** Expires every session whose time has passed (called each tick; tests may call it directly). */
  expireDue(): void {
    const now = this.now();
    for (const [at, ids] of [...this.buckets]) {
      if (at > now) continue;
      this.buckets.delete(at);
      for (const id of ids) {
        const s = this.sessions.get(id);
        if (s === undefined || s.closing) continue;
        s.closing = true;
        this.onExpire(id);
      }
    }
  }
}

/** ZooKeeper's first session id: time-based, server id 0 in the top byte. */
export function initialSessionId(nowMs: number): bigint {
  const mask = (1n << 64n) - 1n;
  return ((BigInt(nowMs) << 24n) & mask) >> 8n;
}
