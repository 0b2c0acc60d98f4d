/**
 * A FIFO of pane states that answers "combine everything inside" in
 * amortized O(1) merges per push/evict (the Two-Stacks sliding aggregation):
 * the front stack holds older panes with suffix aggregates, the back stack
 * newer panes with one running aggregate. Only `merge` is needed, so it
 * works for every algebraic aggregate, including non-invertible ones (min,
 * max) and order-sensitive ones (firstval, lastval), with no floating-point
 * drift from subtracting.
 */
interface FrontEntry<S> {
  readonly pane: number;
  readonly val: S;
  /** this entry merged with every newer entry below it */
  readonly agg: S;
}

export interface TwoStackState<S> {
  readonly front: readonly { readonly pane: number; readonly val: S; readonly agg: S }[];
  readonly back: readonly { readonly pane: number; readonly val: S }[];
  readonly backAgg: S;
}

export class TwoStack<S> {
  private front: FrontEntry<S>[] = [];
  private back: { pane: number; val: S }[] = [];
  private backAgg: S;

  constructor(
    private readonly merge: (older: S, newer: S) => S,
    private readonly empty: () => S,
  ) {
    this.backAgg = empty();
  }

  get size(): number {
    return this.front.length + this.back.length;
  }

  push(pane: number, val: S): void {
    this.back.push({ pane, val });
    this.backAgg = this.merge(this.backAgg, val);
  }

  /** Evicts the oldest panes while their index is below `minPane`; `onEvict` sees each one. */
  evictBelow(minPane: number, onEvict?: (pane: number, val: S) => void): void {
    for (;;) {
      if (this.front.length === 0) {
        if (this.back.length === 0) return;
        this.flip();
      }
      const top = this.front[this.front.length - 1]!;
      if (top.pane >= minPane) return;
      this.front.pop();
      onEvict?.(top.pane, top.val);
    }
  }

  /**
   * The stacks exactly as they are (checkpoints): restoring them rather than
   * re-pushing the panes keeps every later result bit-for-bit the same
   * (floating-point merges are not associative).
   */
  exportState(): TwoStackState<S> {
    return { front: this.front.map((e) => ({ ...e })), back: this.back.map((e) => ({ ...e })), backAgg: this.backAgg };
  }

  importState(s: TwoStackState<S>): void {
    this.front = s.front.map((e) => ({ ...e }));
    this.back = s.back.map((e) => ({ ...e }));
    this.backAgg = s.backAgg;
  }

  /** The panes inside, oldest first. */
  entries(): { pane: number; val: S }[] {
    const out: { pane: number; val: S }[] = [];
    for (let i = this.front.length - 1; i >= 0; i--) out.push({ pane: this.front[i]!.pane, val: this.front[i]!.val });
    for (const e of this.back) out.push({ pane: e.pane, val: e.val });
    return out;
  }

  /** All panes inside, combined oldest to newest. */
  query(): S {
    const f = this.front[this.front.length - 1];
    if (f === undefined) return this.backAgg;
    return this.back.length === 0 ? f.agg : this.merge(f.agg, this.backAgg);
  }

  private flip(): void {
    for (let i = this.back.length - 1; i >= 0; i--) {
      const e = this.back[i]!;
      const below = this.front[this.front.length - 1];
      this.front.push({ pane: e.pane, val: e.val, agg: below === undefined ? e.val : this.merge(e.val, below.agg) });
    }
    this.back = [];
    this.backAgg = this.empty();
  }
}
