/**
 * A small, fast, seedable PRNG (a Mulberry32-style 32-bit mixer). Generators
 * reseed it per EVENT NUMBER from (seed, n), so event n is the same whichever
 * stream asks for it and in whatever order: the bid, auction and person
 * streams of one NEXMark run agree on ids without sharing state.
 */
export class Rng {
  private s = 0;

  /** Positions the generator at event n of run `seed`. */
  at(seed: number, n: number): this {
    const lo = n % 4294967296;
    const hi = Math.floor(n / 4294967296);
    this.s = mix(seed ^ mix(lo ^ mix(hi + 0x9e3779b9)));
    return this;
  }

  /** uniform in [0, 1) */
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** uniform integer in [0, n) */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
}

function mix(x: number): number {
  let h = x | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** `count` pseudo-random lowercase words of 3–10 letters (pools keep per-event work to picking one). */
export function wordPool(seed: number, count: number): string[] {
  const r = new Rng().at(seed, 0x51ed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const len = 3 + r.int(8);
    let w = '';
    for (let j = 0; j < len; j++) w += String.fromCharCode(97 + r.int(26));
    out.push(w);
  }
  return out;
}

/** A version-4-shaped UUID string from the generator (deterministic). */
export function uuid(r: Rng): string {
  const hex = (n: number): string => {
    let s = '';
    for (let i = 0; i < n; i++) s += '0123456789abcdef'[r.int(16)];
    return s;
  };
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[r.int(4)]}${hex(3)}-${hex(12)}`;
}
