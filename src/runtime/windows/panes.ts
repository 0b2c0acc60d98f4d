/**
 * Window geometry over panes. Windows are aligned: window k covers
 * [k·ADVANCE + OFFSET, k·ADVANCE + OFFSET + SIZE). Cutting the axis into
 * panes of width g = gcd(SIZE, ADVANCE), window k is exactly panes
 * [k·a, k·a + s) with a = ADVANCE/g and s = SIZE/g, so a tuple is added to
 * ONE pane and a sliding window is a combination of s panes — the cost per
 * tuple does not grow with SIZE/ADVANCE.
 */
export class PaneGeometry {
  /** pane width */
  readonly g: number;
  /** panes per window */
  readonly s: number;
  /** panes per advance */
  readonly a: number;

  constructor(
    readonly size: number,
    readonly advance: number,
    readonly offset: number,
  ) {
    if (!(size > 0) || !(advance > 0)) throw new RangeError('window SIZE and ADVANCE must be positive');
    this.g = gcdOf(size, advance);
    this.s = Math.round(size / this.g);
    this.a = Math.round(advance / this.g);
  }

  get tumbling(): boolean {
    return this.s === this.a && this.s === 1;
  }

  paneOf(v: number): number {
    return Math.floor((v - this.offset) / this.g);
  }

  /** the first (oldest) window that contains pane p */
  firstWindowOf(p: number): number {
    return Math.floor((p - this.s) / this.a) + 1;
  }

  startPane(k: number): number {
    return k * this.a;
  }

  endPane(k: number): number {
    return k * this.a + this.s;
  }

  windowStart(k: number): number {
    return k * this.advance + this.offset;
  }

  windowEnd(k: number): number {
    return k * this.advance + this.offset + this.size;
  }

  /** the first window whose end is after `w` (windows before it have closed at event time w) */
  firstWindowEndingAfter(w: number): number {
    if (w === -Infinity) return -Infinity;
    if (w === Infinity) return Infinity;
    return Math.floor((w - this.offset - this.size) / this.advance) + 1;
  }
}

function gcdOf(x: number, y: number): number {
  // scale decimals to integers (SIZE 0.5 ON price), then Euclid
  let scale = 1;
  while (scale < 1e9 && (!Number.isInteger(x * scale) || !Number.isInteger(y * scale))) scale *= 10;
  let a = Math.round(x * scale);
  let b = Math.round(y * scale);
  while (b !== 0) [a, b] = [b, a % b];
  return a / scale;
}
