/**
 * A sorted multiset of numbers as a list of sorted chunks (at most 2·B
 * values each): insert, remove and rank lookup cost O(log n + B + n/B)
 * instead of the O(n) of one sorted array, so median and percentile over a
 * sliding window stay cheap per tuple as the window grows.
 */
const B = 256;

export class SortedMultiset {
  private chunks: number[][] = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** A multiset holding `values`, which must be in ascending order (as toArray() gives them). */
  static fromSorted(values: readonly number[]): SortedMultiset {
    const m = new SortedMultiset();
    for (let i = 0; i < values.length; i += B) m.chunks.push(values.slice(i, i + B));
    m.count = values.length;
    return m;
  }

  /** Every value, ascending. */
  toArray(): number[] {
    return this.chunks.flat();
  }

  insert(v: number): void {
    this.count++;
    if (this.chunks.length === 0) {
      this.chunks.push([v]);
      return;
    }
    const ci = this.chunkFor(v);
    const c = this.chunks[ci]!;
    c.splice(upperBound(c, v), 0, v);
    if (c.length > 2 * B) this.chunks.splice(ci, 1, c.slice(0, B), c.slice(B));
  }

  /** Removes one occurrence of v; false if it was not there. */
  remove(v: number): boolean {
    if (this.chunks.length === 0) return false;
    // the first chunk whose last value is >= v holds the first occurrence
    let lo = 0;
    let hi = this.chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const c = this.chunks[mid]!;
      if (c[c.length - 1]! < v) lo = mid + 1;
      else hi = mid;
    }
    const c = this.chunks[lo]!;
    const i = lowerBound(c, v);
    if (i >= c.length || c[i] !== v) return false;
    c.splice(i, 1);
    this.count--;
    if (c.length === 0) this.chunks.splice(lo, 1);
    return true;
  }

  /** The k-th smallest value (0-based). */
  at(k: number): number {
    for (const c of this.chunks) {
      if (k < c.length) return c[k]!;
      k -= c.length;
    }
    throw new RangeError('rank out of range');
  }

  /** percentile_cont: linear interpolation between the closest ranks; undefined when empty. */
  quantile(p: number): number | undefined {
    if (this.count === 0) return undefined;
    const pos = p * (this.count - 1);
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    const a = this.at(lo);
    if (hi === lo) return a;
    const b = this.at(hi);
    return a + (pos - lo) * (b - a);
  }

  private chunkFor(v: number): number {
    let lo = 0;
    let hi = this.chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const c = this.chunks[mid]!;
      if (c[c.length - 1]! < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function lowerBound(a: number[], v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function upperBound(a: number[], v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
