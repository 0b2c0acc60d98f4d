/**
 * What compiled expressions call at run time: checked integer arithmetic,
 * three-valued helpers, LIKE. Kept tiny so V8 inlines them into the
 * generated code.
 */
import { runtimeError } from '../../sql/errors.js';
import { formatTimestampIso } from '../../sql/functions/index.js';
import type { Value } from '../../sql/types.js';

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;
const LONG_MAX = Number.MAX_SAFE_INTEGER;

function overflow(type: string, what: string): never {
  throw runtimeError('GALE_ERR_SQL_RUNTIME_OVERFLOW', `${type} overflow in ${what}`);
}

export function int(n: number, what: string): number {
  if (n > INT_MAX || n < INT_MIN) overflow('int', what);
  return n;
}

export function long(n: number, what: string): number {
  if (n > LONG_MAX || n < -LONG_MAX || n !== n) overflow('long', what);
  return n;
}

/** Integer division truncating toward zero (the caller has ruled out a zero divisor). */
export function idiv(a: number, b: number): number {
  return Math.trunc(a / b);
}

/** A double result that is not finite (1e308 * 10) is NULL, as in the math functions. */
export function finite(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

export function iso(ms: number): string {
  return formatTimestampIso(ms);
}

/** x IN (items): TRUE if equal to some item, else NULL if an item is NULL, else FALSE. */
export function inList(x: Value, items: readonly Value[]): boolean | null {
  let sawNull = false;
  for (let i = 0; i < items.length; i++) {
    const v = items[i];
    if (v === null) sawNull = true;
    else if (v === x) return true;
  }
  return sawNull ? null : false;
}

const likeCache = new Map<string, RegExp>();

/** A LIKE pattern as an anchored regular expression (`%` any run, `_` one character, case-sensitive). */
export function likeRegex(pattern: string): RegExp {
  let re = likeCache.get(pattern);
  if (re === undefined) {
    let src = '^';
    for (const ch of pattern) {
      if (ch === '%') src += '[\\s\\S]*';
      else if (ch === '_') src += '[\\s\\S]';
      else src += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    }
    re = new RegExp(`${src}$`, 'u');
    if (likeCache.size > 1000) likeCache.clear();
    likeCache.set(pattern, re);
  }
  return re;
}

export function like(s: string, pattern: string): boolean {
  return likeRegex(pattern).test(s);
}
