/**
 * String functions. Positions are 1-based and count UTF-16 code units (as
 * JavaScript strings do). NULL in → NULL out unless stated otherwise.
 */
import { runtimeError } from '../errors.js';
import type { Value } from '../types.js';
import { valueToString } from './convert.js';
import { rule } from './signature.js';
import type { ScalarFunctionDef } from './types.js';

const NULL_IN_NULL_OUT = 'NULL if any argument is NULL.';

const regexCache = new Map<string, RegExp>();

/** A compiled regular expression (JavaScript syntax), cached by its source; a malformed one is a runtime error. */
export function compileRegex(pattern: string): RegExp {
  let re = regexCache.get(pattern);
  if (re === undefined) {
    try {
      re = new RegExp(pattern, 'u');
    } catch (e) {
      throw runtimeError('GALE_ERR_SQL_RUNTIME_BAD_ARGUMENT', `malformed regular expression ${JSON.stringify(pattern)}: ${(e as Error).message}`);
    }
    if (regexCache.size > 1000) regexCache.clear(); // bounded: patterns computed per tuple must not grow memory
    regexCache.set(pattern, re);
  }
  return re;
}

/** substr with 1-based start (negative counts from the end, 0 acts as 1) and optional length. */
export function substr(s: string, start: number, length?: number): string {
  let from = start > 0 ? start - 1 : start < 0 ? Math.max(s.length + start, 0) : 0;
  from = Math.min(from, s.length);
  if (length === undefined) return s.slice(from);
  if (length <= 0) return '';
  return s.slice(from, from + length);
}

/** format('%s has %d items, %.2f each', ...): %s any value, %d integer, %f / %.Nf fixed-point, %% a percent sign. */
export function formatString(fmt: string, args: readonly Value[]): string {
  let next = 0;
  return fmt.replace(/%(%|s|d|(?:\.(\d+))?f)/g, (_m, spec: string, digits: string | undefined) => {
    if (spec === '%') return '%';
    const v = args[next++];
    if (v === undefined) {
      throw runtimeError('GALE_ERR_SQL_RUNTIME_BAD_ARGUMENT', `format: not enough arguments for ${JSON.stringify(fmt)}`);
    }
    if (v === null) return 'NULL';
    if (spec === 's') return valueToString(v, typeof v === 'number' ? 'double' : typeof v === 'boolean' ? 'bool' : 'string');
    if (typeof v !== 'number') {
      throw runtimeError('GALE_ERR_SQL_RUNTIME_BAD_ARGUMENT', `format: %${spec} needs a number, got ${JSON.stringify(v)}`);
    }
    if (spec === 'd') return String(Math.trunc(v));
    return v.toFixed(digits === undefined ? 6 : Math.min(Number(digits), 100));
  });
}

export const STRING_FUNCTIONS: readonly ScalarFunctionDef[] = [
  {
    kind: 'scalar', name: 'length', category: 'string',
    signatures: ['length(s: string) → int'],
    description: 'Number of characters (UTF-16 code units).', nulls: NULL_IN_NULL_OUT, minArgs: 1, maxArgs: 1,
    returnType: rule({ params: ['string'], result: 'int' }),
    impl: (_c, s: string | null) => (s === null ? null : s.length),
  },
  {
    kind: 'scalar', name: 'lower', category: 'string',
    signatures: ['lower(s: string) → string'],
    description: 'Lower case.', nulls: NULL_IN_NULL_OUT, minArgs: 1, maxArgs: 1,
    returnType: rule({ params: ['string'], result: 'string' }),
    impl: (_c, s: string | null) => (s === null ? null : s.toLowerCase()),
  },
  {
    kind: 'scalar', name: 'upper', category: 'string',
    signatures: ['upper(s: string) → string'],
    description: 'Upper case.', nulls: NULL_IN_NULL_OUT, minArgs: 1, maxArgs: 1,
    returnType: rule({ params: ['string'], result: 'string' }),
    impl: (_c, s: string | null) => (s === null ? null : s.toUpperCase()),
  },
  {
    kind: 'scalar', name: 'substr', category: 'string',
    signatures: ['substr(s: string, start: int) → string', 'substr(s: string, start: int, length: int) → string'],
    description:
      'The part of s from position start (1-based; negative counts from the end, −1 = last character) of at most length characters; a length ≤ 0 gives \'\'.',
    nulls: NULL_IN_NULL_OUT, minArgs: 2, maxArgs: 3,
    returnType: rule({ params: ['string', 'integral'], optional: ['integral'], result: 'string' }),
    impl: (_c, s: string | null, start: number | null, length?: number | null) =>
      s === null || start === null || length === null ? null : substr(s, start, length),
  },
  {
    kind: 'scalar', name: 'trim', category: 'string',
    signatures: ['trim(s: string) → string'],
    description: 's without leading and trailing white space.', nulls: NULL_IN_NULL_OUT, minArgs: 1, maxArgs: 1,
    returnType: rule({ params: ['string'], result: 'string' }),
    impl: (_c, s: string | null) => (s === null ? null : s.trim()),
  },
  {
    kind: 'scalar', name: 'strpos', category: 'string',
    signatures: ['strpos(s: string, sub: string) → int'],
    description: '1-based position of the first occurrence of sub in s, 0 if none.', nulls: NULL_IN_NULL_OUT,
    minArgs: 2, maxArgs: 2,
    returnType: rule({ params: ['string', 'string'], result: 'int' }),
    impl: (_c, s: string | null, sub: string | null) => (s === null || sub === null ? null : s.indexOf(sub) + 1),
  },
  {
    kind: 'scalar', name: 'replace', category: 'string',
    signatures: ['replace(s: string, from: string, to: string) → string'],
    description: "Every occurrence of from replaced by to (from = '' leaves s unchanged).", nulls: NULL_IN_NULL_OUT,
    minArgs: 3, maxArgs: 3,
    returnType: rule({ params: ['string', 'string', 'string'], result: 'string' }),
    impl: (_c, s: string | null, from: string | null, to: string | null) =>
      s === null || from === null || to === null ? null : from === '' ? s : s.split(from).join(to),
  },
  {
    kind: 'scalar', name: 'regexp_match', category: 'string',
    signatures: ['regexp_match(s: string, pattern: string) → bool'],
    description:
      'TRUE if the regular expression (JavaScript syntax) matches somewhere in s; anchor with ^ and $ for a whole-string match. A malformed pattern is a check error when it is a literal, a runtime error otherwise.',
    nulls: NULL_IN_NULL_OUT, minArgs: 2, maxArgs: 2,
    returnType: rule({ params: ['string', 'string'], result: 'bool' }),
    impl: (_c, s: string | null, p: string | null) => (s === null || p === null ? null : compileRegex(p).test(s)),
  },
  {
    kind: 'scalar', name: 'split_part', category: 'string',
    signatures: ['split_part(s: string, delimiter: string, n: int) → string'],
    description: "The n-th (1-based) piece of s split at delimiter; '' when there are fewer pieces; NULL when n < 1.",
    nulls: NULL_IN_NULL_OUT, minArgs: 3, maxArgs: 3,
    returnType: rule({ params: ['string', 'string', 'integral'], result: 'string' }),
    impl: (_c, s: string | null, d: string | null, n: number | null) => {
      if (s === null || d === null || n === null || n < 1) return null;
      if (d === '') return n === 1 ? s : '';
      return s.split(d)[n - 1] ?? '';
    },
  },
  {
    kind: 'scalar', name: 'format', category: 'string',
    signatures: ['format(fmt: string, args...) → string'],
    description: 'printf-style: %s any value, %d integer part, %f or %.Nf fixed-point (6 or N decimals), %% a percent sign.',
    nulls: "NULL if fmt is NULL; a NULL argument prints as 'NULL'.", minArgs: 1, maxArgs: Infinity,
    returnType: rule({ params: ['string'], rest: 'any', result: 'string' }),
    impl: (_c, fmt: string | null, ...args: Value[]) => (fmt === null ? null : formatString(fmt, args)),
  },
];
