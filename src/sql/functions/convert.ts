/**
 * Conversions between the six types: the meaning of CAST(x AS t), of the
 * conversion functions int() long() double() string() bool() timestamp(), and
 * of the implicit string conversion in `||`. NULL converts to NULL. A value
 * that does not convert raises GALE_ERR_SQL_RUNTIME_BAD_CAST; a number out of
 * the target's range raises GALE_ERR_SQL_RUNTIME_OVERFLOW.
 */
import { runtimeError } from '../errors.js';
import type { FieldType, SqlType, Value } from '../types.js';
import { formatTimestampIso, parseTimestamp } from './time-text.js';

export const INT_MIN = -2147483648;
export const INT_MAX = 2147483647;
export const LONG_MIN = Number.MIN_SAFE_INTEGER;
export const LONG_MAX = Number.MAX_SAFE_INTEGER;

const INTEGER_TEXT = /^\s*[+-]?\d+\s*$/;
const NUMBER_TEXT = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

/** Which casts the checker accepts (the rest are type errors before anything runs). */
export function castAllowed(from: SqlType, to: FieldType): boolean {
  if (from === 'null' || from === to || to === 'string') return true;
  switch (to) {
    case 'bool':
      return from === 'string' || from === 'int' || from === 'long' || from === 'double';
    case 'int':
    case 'long':
    case 'double':
      return true;
    case 'timestamp':
      return from === 'string' || from === 'int' || from === 'long' || from === 'double';
  }
}

export function checkInt(n: number, what: string): number {
  if (n < INT_MIN || n > INT_MAX || !Number.isFinite(n)) {
    throw runtimeError('GALE_ERR_SQL_RUNTIME_OVERFLOW', `${what} does not fit in int`);
  }
  return n;
}

export function checkLong(n: number, what: string): number {
  if (n < LONG_MIN || n > LONG_MAX || !Number.isFinite(n)) {
    throw runtimeError('GALE_ERR_SQL_RUNTIME_OVERFLOW', `${what} does not fit in long (±2^53-1)`);
  }
  return n;
}

function badCast(v: Value, to: string): never {
  throw runtimeError('GALE_ERR_SQL_RUNTIME_BAD_CAST', `cannot convert ${JSON.stringify(v)} to ${to}`);
}

function integral(v: Value, from: SqlType, to: 'int' | 'long'): number {
  let n: number;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) badCast(v, to);
    n = Math.trunc(v); // doubles truncate toward zero; timestamps give epoch ms
  } else if (typeof v === 'boolean') {
    n = v ? 1 : 0;
  } else if (typeof v === 'string') {
    if (!INTEGER_TEXT.test(v)) badCast(v, to);
    n = Number(v);
  } else {
    return badCast(v, `${to} (from ${from})`);
  }
  return to === 'int' ? checkInt(n, String(v)) : checkLong(n, String(v));
}

/** Any value to a string, as `string(x)` does: timestamps in ISO-8601 UTC with ms. */
export function valueToString(v: Exclude<Value, null>, from: SqlType): string {
  if (from === 'timestamp' && typeof v === 'number') return formatTimestampIso(v);
  return String(v);
}

/** Convert a non-NULL-or-NULL value of type `from` to type `to`. */
export function castValue(v: Value, from: SqlType, to: FieldType): Value {
  if (v === null) return null;
  switch (to) {
    case 'string':
      return valueToString(v, from);
    case 'int':
    case 'long':
      return integral(v, from, to);
    case 'double':
      if (typeof v === 'number') return v;
      if (typeof v === 'boolean') return v ? 1 : 0;
      if (!NUMBER_TEXT.test(v)) return badCast(v, 'double');
      return Number(v);
    case 'bool':
      if (typeof v === 'boolean') return v;
      if (typeof v === 'number') {
        if (Number.isNaN(v)) return badCast(v, 'bool');
        return v !== 0;
      }
      switch (v.trim().toLowerCase()) {
        case 'true':
        case '1':
          return true;
        case 'false':
        case '0':
          return false;
        default:
          return badCast(v, 'bool');
      }
    case 'timestamp': {
      if (typeof v === 'number') {
        if (!Number.isFinite(v)) return badCast(v, 'timestamp');
        return checkLong(Math.trunc(v), String(v));
      }
      if (typeof v === 'boolean') return badCast(v, 'timestamp');
      if (INTEGER_TEXT.test(v)) return checkLong(Number(v), v); // epoch ms as text
      const ms = parseTimestamp(v);
      return ms === undefined ? badCast(v, 'timestamp') : ms;
    }
  }
}

/** A cast specialised to its types, for compiled expressions. */
export function castFunction(from: SqlType, to: FieldType): (v: Value) => Value {
  if (from === to) return (v) => v;
  return (v) => castValue(v, from, to);
}
