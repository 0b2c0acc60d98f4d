/**
 * What compiled expressions call at run time: checked integer arithmetic,
 * three-valued helpers, LIKE. Kept tiny so V8 inlines them into the
 * generated code.
 */
import { runtimeError } from '../../sql/errors.js';
import { formatTimestampIso } from '../../sql/functions/index.js';

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

// IN and LIKE are the front end's own operators (one definition of their NULL rules).
export { inList, like, likePattern as likeRegex } from '../../sql/functions/operators.js';
