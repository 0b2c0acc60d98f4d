/**
 * Long-poll support: callers wait until a partition's high watermark passes
 * an offset. Each waiter owns one timer and (optionally) one abort listener,
 * both removed when it settles, whichever way: data, timeout, abort, or the
 * partition closing. Nothing leaks however a fetch ends.
 */
interface Waiter {
  readonly offset: bigint;
  settle(hasData: boolean): void;
}

export class HighWatermarkWaiters {
  private readonly waiters = new Set<Waiter>();

  get size(): number {
    return this.waiters.size;
  }

  wait(offset: bigint, highWatermark: bigint, timeoutMs: number, signal?: AbortSignal): Promise<boolean> {
    if (highWatermark > offset) return Promise.resolve(true);
    if (signal?.aborted === true || timeoutMs <= 0) return Promise.resolve(false);
    return new Promise<boolean>((resolve) => {
      const waiters = this.waiters;
      const onAbort = (): void => waiter.settle(false);
      const timer = setTimeout(() => waiter.settle(false), timeoutMs);
      const waiter: Waiter = {
        offset,
        settle(hasData) {
          if (!waiters.delete(waiter)) return;
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          resolve(hasData);
        },
      };
      waiters.add(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Wakes everyone waiting below the new high watermark. */
  advance(highWatermark: bigint): void {
    if (this.waiters.size === 0) return;
    for (const w of [...this.waiters]) if (highWatermark > w.offset) w.settle(true);
  }

  /** The partition is closing or deleted: every waiter gets "no data". */
  closeAll(): void {
    for (const w of [...this.waiters]) w.settle(false);
  }
}
