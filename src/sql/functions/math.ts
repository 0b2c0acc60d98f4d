/**
 * Math functions. NULL in → NULL out for every one (greatest/least ignore
 * NULL arguments). Results that are not finite numbers (sqrt of a negative,
 * ln of 0, overflow of a double) are NULL; int/long results that leave their
 * range raise GALE_ERR_SQL_RUNTIME_OVERFLOW; mod by zero is NULL.
 */
import type { ScalarFunctionDef } from './types.js';
import { commonOfAll, rule, sameAsFirst, widestNumeric } from './signature.js';
import type { Value } from '../types.js';

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** Round half away from zero (Math.round rounds half toward +∞). */
export function roundHalfAway(x: number, digits = 0): number {
  const f = 10 ** digits;
  const r = Math.round(Math.abs(x) * f) / f;
  return x < 0 ? -r : r;
}

function orderValues(a: Value, b: Value): number {
  return a! < b! ? -1 : a! > b! ? 1 : 0;
}

const NULL_IN_NULL_OUT = 'NULL if any argument is NULL.';

export const MATH_FUNCTIONS: readonly ScalarFunctionDef[] = [
  {
    kind: 'scalar', name: 'abs', category: 'math',
    signatures: ['abs(x: numeric) → type of x'],
    description: 'Absolute value.', nulls: NULL_IN_NULL_OUT, minArgs: 1, maxArgs: 1,
    returnType: rule({ params: ['numeric'], result: sameAsFirst }),
    impl: (_c, x: number | null) => (x === null ? null : Math.abs(x)),
  },
  {
    kind: 'scalar', name: 'ceil', category: 'math',
    signatures: ['ceil(x: numeric) → type of x'],
    description: 'Smallest integral value ≥ x (a double stays a double).', nulls: NULL_IN_NULL_OUT, minArgs: 1, maxArgs: 1,
    returnType: rule({ params: ['numeric'], result: sameAsFirst }),
    impl: (_c, x: number | null) => (x === null ? null : Math.ceil(x)),
  },
  {
    kind: 'scalar', name: 'floor', category: 'math',
    signatures: ['floor(x: numeric) → type of x'],
    description: 'Largest integral value ≤ x (a double stays a double).', nulls: NULL_IN_NULL_OUT, minArgs: 1, maxArgs: 1,
    returnType: rule({ params: ['numeric'], result: sameAsFirst }),
    impl: (_c, x: number | null) => (x === null ? null : Math.floor(x)),
  },
  {
    kind: 'scalar', name: 'round', category: 'math',
    signatures: ['round(x: numeric) → type of x', 'round(x: numeric, digits: int) → double'],
    description: 'Round half away from zero, to `digits` decimal places (default 0).', nulls: NULL_IN_NULL_OUT,
    minArgs: 1, maxArgs: 2,
    returnType: rule({ params: ['numeric'], result: sameAsFirst }, { params: ['numeric', 'integral'], result: 'double' }),
    impl: (_c, x: number | null, digits?: number | null) =>
      x === null || digits === null ? null : finite(roundHalfAway(x, digits ?? 0)),
  },
  {
    kind: 'scalar', name: 'sqrt', category: 'math',
    signatures: ['sqrt(x: numeric) → double'],
    description: 'Square root; NULL for a negative x.', nulls: NULL_IN_NULL_OUT, minArgs: 1, maxArgs: 1,
    returnType: rule({ params: ['numeric'], result: 'double' }),
    impl: (_c, x: number | null) => (x === null ? null : finite(Math.sqrt(x))),
  },
  {
    kind: 'scalar', name: 'power', category: 'math',
    signatures: ['power(x: numeric, y: numeric) → double'],
    description: 'x raised to the power y; NULL when the result is not a finite number.', nulls: NULL_IN_NULL_OUT,
    minArgs: 2, maxArgs: 2,
    returnType: rule({ params: ['numeric', 'numeric'], result: 'double' }),
    impl: (_c, x: number | null, y: number | null) => (x === null || y === null ? null : finite(x ** y)),
  },
  {
    kind: 'scalar', name: 'ln', category: 'math',
    signatures: ['ln(x: numeric) → double'],
    description: 'Natural logarithm; NULL for x ≤ 0.', nulls: NULL_IN_NULL_OUT, minArgs: 1, maxArgs: 1,
    returnType: rule({ params: ['numeric'], result: 'double' }),
    impl: (_c, x: number | null) => (x === null ? null : finite(Math.log(x))),
  },
  {
    kind: 'scalar', name: 'log10', category: 'math',
    signatures: ['log10(x: numeric) → double'],
    description: 'Base-10 logarithm; NULL for x ≤ 0.', nulls: NULL_IN_NULL_OUT, minArgs: 1, maxArgs: 1,
    returnType: rule({ params: ['numeric'], result: 'double' }),
    impl: (_c, x: number | null) => (x === null ? null : finite(Math.log10(x))),
  },
  {
    kind: 'scalar', name: 'exp', category: 'math',
    signatures: ['exp(x: numeric) → double'],
    description: 'e raised to the power x; NULL on overflow.', nulls: NULL_IN_NULL_OUT, minArgs: 1, maxArgs: 1,
    returnType: rule({ params: ['numeric'], result: 'double' }),
    impl: (_c, x: number | null) => (x === null ? null : finite(Math.exp(x))),
  },
  {
    kind: 'scalar', name: 'sign', category: 'math',
    signatures: ['sign(x: numeric) → int'],
    description: '−1, 0 or 1.', nulls: NULL_IN_NULL_OUT, minArgs: 1, maxArgs: 1,
    returnType: rule({ params: ['numeric'], result: 'int' }),
    impl: (_c, x: number | null) => (x === null ? null : x > 0 ? 1 : x < 0 ? -1 : 0),
  },
  {
    kind: 'scalar', name: 'mod', category: 'math',
    signatures: ['mod(a: numeric, b: numeric) → wider type of a and b'],
    description: 'Remainder of a / b with the sign of a (same as a % b); NULL when b is 0.', nulls: NULL_IN_NULL_OUT,
    minArgs: 2, maxArgs: 2,
    returnType: rule({ params: ['numeric', 'numeric'], result: widestNumeric }),
    impl: (_c, a: number | null, b: number | null) => (a === null || b === null || b === 0 ? null : a % b),
  },
  {
    kind: 'scalar', name: 'greatest', category: 'math',
    signatures: ['greatest(x, y, ...) → common type'],
    description: 'The largest argument (numbers, strings, timestamps or bools of one kind).',
    nulls: 'NULL arguments are ignored; NULL only when all are NULL.', minArgs: 1, maxArgs: Infinity,
    returnType: rule({ params: ['orderable'], rest: 'orderable', result: commonOfAll }),
    impl: (_c, ...xs: Value[]) => {
      let best: Value = null;
      for (const x of xs) if (x !== null && (best === null || orderValues(x, best) > 0)) best = x;
      return best;
    },
  },
  {
    kind: 'scalar', name: 'least', category: 'math',
    signatures: ['least(x, y, ...) → common type'],
    description: 'The smallest argument (numbers, strings, timestamps or bools of one kind).',
    nulls: 'NULL arguments are ignored; NULL only when all are NULL.', minArgs: 1, maxArgs: Infinity,
    returnType: rule({ params: ['orderable'], rest: 'orderable', result: commonOfAll }),
    impl: (_c, ...xs: Value[]) => {
      let best: Value = null;
      for (const x of xs) if (x !== null && (best === null || orderValues(x, best) < 0)) best = x;
      return best;
    },
  },
];
