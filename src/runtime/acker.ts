/**
 * Storm's XOR acker, per spout BATCH rather than per row.
 *
 * Every batch in a tuple tree has a random 32-bit id. When a batch is emitted
 * its id is XORed into the root's ack value; when it is acked, XORed again.
 * The tree is complete when the value returns to 0 (each id went in exactly
 * twice), whatever the tree's size — a few words of state per spout batch.
 * A root not completed within the timeout is failed (its spout replays it).
 * Only sources that can replay (log spouts) register roots; file and
 * generator batches are unanchored.
 */
import type { Clock } from './clock.js';

interface Pending {
  value: number;
  readonly task: number;
  readonly deadline: number;
  readonly onComplete: () => void;
  readonly onFail: () => void;
}

export class Acker {
  private readonly roots = new Map<number, Pending>();
  private readonly pendingPerTask = new Map<number, number>();

  constructor(
    private readonly clock: Clock,
    private readonly timeoutMs = 30_000,
  ) {}

  /** A random non-zero 32-bit id. */
  static newId(): number {
    let id = 0;
    while (id === 0) id = (Math.random() * 0x100000000) | 0;
    return id;
  }

  /** Starts tracking a spout batch; `firstId` is the id of the batch the spout emits for it. */
  init(root: number, firstId: number, h: { task: number; onComplete: () => void; onFail: () => void }): void {
    this.roots.set(root, {
      value: firstId,
      task: h.task,
      deadline: this.clock.now() + this.timeoutMs,
      onComplete: h.onComplete,
      onFail: h.onFail,
    });
    this.pendingPerTask.set(h.task, (this.pendingPerTask.get(h.task) ?? 0) + 1);
  }

  /** XORs an id into a root (on emit of a child batch, and on ack of any batch). */
  xor(root: number, id: number): void {
    const p = this.roots.get(root);
    if (p === undefined) return;
    p.value ^= id;
    if (p.value === 0) this.finish(root, p, true);
  }

  /** Fails a root explicitly (a bolt could not process one of its batches). */
  fail(root: number): void {
    const p = this.roots.get(root);
    if (p !== undefined) this.finish(root, p, false);
  }

  /** Fails every root past its deadline; returns how many. */
  expire(): number {
    const now = this.clock.now();
    let n = 0;
    for (const [root, p] of this.roots) {
      if (p.deadline <= now) {
        this.finish(root, p, false);
        n++;
      }
    }
    return n;
  }

  /** Batches of spout task `task` still in flight (for max-spout-pending). */
  pending(task: number): number {
    return this.pendingPerTask.get(task) ?? 0;
  }

  get size(): number {
    return this.roots.size;
  }

  private finish(root: number, p: Pending, ok: boolean): void {
    this.roots.delete(root);
    this.pendingPerTask.set(p.task, (this.pendingPerTask.get(p.task) ?? 1) - 1);
    if (ok) p.onComplete();
    else p.onFail();
  }
}
