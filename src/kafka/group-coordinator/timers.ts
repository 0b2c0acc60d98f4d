/**
 * Time as the coordinator sees it. Every timeout (session, rebalance, initial
 * delay) goes through `Timers`, so tests drive a virtual clock instead of
 * sleeping, and the server uses the real one.
 */
export type CancelTimer = () => void;

export interface Timers {
  /** milliseconds since the epoch */
  now(): number;
  /** run `task` once after `delayMs`; the returned function cancels it (idempotent) */
  schedule(delayMs: number, task: () => void): CancelTimer;
}

export const systemTimers: Timers = {
  now: () => Date.now(),
  schedule(delayMs, task) {
    const t = setTimeout(task, Math.max(0, delayMs));
    // group timers alone must not keep a process alive (the sockets do)
    t.unref();
    return () => clearTimeout(t);
  },
};
