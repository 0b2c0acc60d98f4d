/**
 * The run-time meaning of the operators, specialised by operand types once
 * (when an expression is compiled), then applied per tuple:
 *  - NULL operands give NULL (AND/OR/NOT use three-valued logic instead);
 *  - int / long results outside their range raise GALE_ERR_SQL_RUNTIME_OVERFLOW;
 *  - `/` and `%` by zero give NULL; int / long division truncates toward zero;
 *  - double results that are not finite (overflow) give NULL;
 *  - timestamp ± int/long ms → timestamp; timestamp − timestamp → long ms.
 */
import type { ArithmeticOp, ComparisonOp } from '../ast/index.js';
import type { SqlType, Value } from '../types.js';
import { checkInt, checkLong, valueToString } from './convert.js';

export type Binary = (a: Value, b: Value) => Value;

function rangeCheck(resultType: SqlType, what: string): (n: number) => number | null {
  switch (resultType) {
    case 'int':
      return (n) => checkInt(n, what);
    case 'long':
    case 'timestamp':
      return (n) => checkLong(n, what);
    default:
      return (n) => (Number.isFinite(n) ? n : null);
  }
}

/** `a op b` for operands of the given types, producing `resultType` (as the checker typed it). */
export function arithmetic(op: ArithmeticOp, resultType: SqlType): Binary {
  const check = rangeCheck(resultType, `result of ${op}`);
  const integral = resultType === 'int' || resultType === 'long';
  switch (op) {
    case '+':
      return (a, b) => (a === null || b === null ? null : check((a as number) + (b as number)));
    case '-':
      return (a, b) => (a === null || b === null ? null : check((a as number) - (b as number)));
    case '*':
      return (a, b) => (a === null || b === null ? null : check((a as number) * (b as number)));
    case '/':
      return (a, b) => {
        if (a === null || b === null || b === 0) return null;
        const q = (a as number) / (b as number);
        return check(integral ? Math.trunc(q) : q);
      };
    case '%':
      return (a, b) => (a === null || b === null || b === 0 ? null : check((a as number) % (b as number)));
  }
}

/** Unary minus. */
export function negate(resultType: SqlType): (a: Value) => Value {
  const check = rangeCheck(resultType, 'result of unary -');
  return (a) => (a === null ? null : check(-(a as number)));
}

/** `a op b` → bool or NULL. Numbers and timestamps compare numerically, strings by UTF-16 code units, FALSE < TRUE. */
export function comparison(op: ComparisonOp): Binary {
  switch (op) {
    case '=':
      return (a, b) => (a === null || b === null ? null : a === b);
    case '<>':
      return (a, b) => (a === null || b === null ? null : a !== b);
    case '<':
      return (a, b) => (a === null || b === null ? null : a < b);
    case '<=':
      return (a, b) => (a === null || b === null ? null : a <= b);
    case '>':
      return (a, b) => (a === null || b === null ? null : a > b);
    case '>=':
      return (a, b) => (a === null || b === null ? null : a >= b);
  }
}

/** Three-valued AND: FALSE if either is FALSE, else NULL if either is NULL, else TRUE. */
export function and3(a: Value, b: Value): Value {
  if (a === false || b === false) return false;
  if (a === null || b === null) return null;
  return true;
}

/** Three-valued OR: TRUE if either is TRUE, else NULL if either is NULL, else FALSE. */
export function or3(a: Value, b: Value): Value {
  if (a === true || b === true) return true;
  if (a === null || b === null) return null;
  return false;
}

export function not3(a: Value): Value {
  return a === null ? null : !a;
}

/** `a || b` with each side converted to a string as `string(x)` does. */
export function concat(leftType: SqlType, rightType: SqlType): Binary {
  return (a, b) => (a === null || b === null ? null : valueToString(a, leftType) + valueToString(b, rightType));
}

const likeCache = new Map<string, RegExp>();

/** A LIKE pattern as a regular expression: `%` any run, `_` one character, everything else literal. */
export function likePattern(pattern: string): RegExp {
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

export function like(s: Value, pattern: Value): Value {
  if (s === null || pattern === null) return null;
  return likePattern(pattern as string).test(s as string);
}

/** `x IN (items)`: TRUE if equal to one, else NULL if x or an item is NULL, else FALSE. */
export function inList(x: Value, items: readonly Value[]): Value {
  if (x === null) return null;
  let sawNull = false;
  for (const v of items) {
    if (v === null) sawNull = true;
    else if (v === x) return true;
  }
  return sawNull ? null : false;
}
