/**
 * The processing clock, injected everywhere time matters (TIME windows,
 * TIMEOUT, idle detection, rate limiting). Production uses the system clock;
 * tests use a VirtualClock or an RxJS scheduler (TestScheduler.run) so that
 * time-driven behaviour is tested with no sleeps.
 */
import type { SchedulerLike } from 'rxjs';

export type Cancel = () => void;

export interface Clock {
  /** milliseconds since the epoch (or since the virtual origin) */
  now(): number;
  /** Runs `fn` once the clock reaches `at` (ms); returns a function that cancels it. */
  schedule(at: number, fn: () => void): Cancel;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  schedule(at, fn) {
    // not unref'd: a pending window close or paced generator is work the process waits for
    const t = setTimeout(fn, Math.max(0, at - Date.now()));
    return () => clearTimeout(t);
  },
};

/** A clock driven by an RxJS scheduler, e.g. the TestScheduler inside `run()` (virtual time). */
export function schedulerClock(scheduler: SchedulerLike): Clock {
  return {
    now: () => scheduler.now(),
    schedule(at, fn) {
      const sub = scheduler.schedule(fn, Math.max(0, at - scheduler.now()));
      return () => sub.unsubscribe();
    },
  };
}

interface Timer {
  readonly at: number;
  readonly seq: number;
  readonly fn: () => void;
  cancelled: boolean;
}

/** A clock that moves only when told to; due timers fire in time order, ties in scheduling order. */
export class VirtualClock implements Clock {
  private time: number;
  private seq = 0;
  private timers: Timer[] = [];

  constructor(start = 0) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  schedule(at: number, fn: () => void): Cancel {
    const t: Timer = { at, seq: this.seq++, fn, cancelled: false };
    this.timers.push(t);
    return () => {
      t.cancelled = true;
    };
  }

  /** Moves time to `to`, firing every timer due on the way (at its own time). */
  advanceTo(to: number): void {
    for (;;) {
      const due = this.nextDue(to);
      if (due === undefined) break;
      this.time = Math.max(this.time, due.at);
      due.fn();
    }
    this.time = Math.max(this.time, to);
  }

  advanceBy(ms: number): void {
    this.advanceTo(this.time + ms);
  }

  get pending(): number {
    return this.timers.filter((t) => !t.cancelled).length;
  }

  private nextDue(limit: number): Timer | undefined {
    let best: Timer | undefined;
    let bestIdx = -1;
    this.timers.forEach((t, i) => {
      if (t.cancelled || t.at > limit) return;
      if (best === undefined || t.at < best.at || (t.at === best.at && t.seq < best.seq)) {
        best = t;
        bestIdx = i;
      }
    });
    if (bestIdx >= 0) this.timers.splice(bestIdx, 1);
    this.timers = this.timers.filter((t) => !t.cancelled);
    return best;
  }
}
