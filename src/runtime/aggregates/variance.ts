/**
 * stdev and variance (sample: divide by n − 1; NULL below 2 values).
 * Welford's update per value and Chan et al.'s pairwise merge, which stay
 * accurate where the naive sum-of-squares formula cancels catastrophically.
 */
import type { AlgebraicAggregate } from './aggregate.js';

/** [n, mean, M2] */
type Moments = [number, number, number];

function moments(name: string, finish: (m: Moments) => number | null): AlgebraicAggregate<Moments> {
  return {
    shape: 'algebraic',
    name,
    init: () => [0, 0, 0],
    add: (s, v) => {
      if (v === null) return s;
      const x = v as number;
      const n = s[0] + 1;
      const d = x - s[1];
      const mean = s[1] + d / n;
      s[0] = n;
      s[1] = mean;
      s[2] += d * (x - mean);
      return s;
    },
    merge: (a, b) => {
      if (a[0] === 0) return [b[0], b[1], b[2]];
      if (b[0] === 0) return [a[0], a[1], a[2]];
      const n = a[0] + b[0];
      const d = b[1] - a[1];
      return [n, a[1] + (d * b[0]) / n, a[2] + b[2] + (d * d * a[0] * b[0]) / n];
    },
    result: finish,
  };
}

export const variance = moments('variance', (m) => (m[0] < 2 ? null : Math.max(0, m[2] / (m[0] - 1))));
export const stdev = moments('stdev', (m) => (m[0] < 2 ? null : Math.sqrt(Math.max(0, m[2] / (m[0] - 1)))));
