/**
 * SQL types and values as the analyzer and the runtime see them.
 *
 * Representation at run time (plain JS values, no boxing):
 *   bool → boolean; int, long, double → number; timestamp → number (epoch ms);
 *   string → string; NULL → null.
 * int is a 32-bit signed integer, long an integer exact up to ±(2^53 − 1)
 * (JS safe integers), double an IEEE double. Arithmetic whose exact result
 * leaves the type's range is a runtime error (`GALE_ERR_SQL_RUNTIME_OVERFLOW`).
 */

/** The six types a field can have. */
export const FIELD_TYPES = ['bool', 'int', 'long', 'double', 'string', 'timestamp'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** A field type, or `null` for the type of an untyped NULL literal. */
export type SqlType = FieldType | 'null';

/** A JS value of some SqlType (see the table above). */
export type Value = number | string | boolean | null;

/** One named, typed column of a row (a stream's, table's or query output's). */
export interface Field {
  readonly name: string;
  readonly type: FieldType;
}

export function isFieldType(name: string): name is FieldType {
  return (FIELD_TYPES as readonly string[]).includes(name);
}

export function isNumeric(t: SqlType): t is 'int' | 'long' | 'double' {
  return t === 'int' || t === 'long' || t === 'double';
}

export function isIntegral(t: SqlType): t is 'int' | 'long' {
  return t === 'int' || t === 'long';
}

const NUMERIC_RANK = { int: 0, long: 1, double: 2 } as const;

/** Implicit widening int → long → double: the wider of two numeric types. */
export function widerNumeric(a: 'int' | 'long' | 'double', b: 'int' | 'long' | 'double'): 'int' | 'long' | 'double' {
  return NUMERIC_RANK[a] >= NUMERIC_RANK[b] ? a : b;
}

/**
 * The common type of two types (for CASE arms, IN lists, UNION, comparisons),
 * or undefined when they do not mix. NULL mixes with anything; numerics widen.
 */
export function commonType(a: SqlType, b: SqlType): SqlType | undefined {
  if (a === b) return a;
  if (a === 'null') return b;
  if (b === 'null') return a;
  if (isNumeric(a) && isNumeric(b)) return widerNumeric(a, b);
  return undefined;
}

/** Whether a value of type `from` may be stored in a field of type `to` without a CAST. */
export function assignable(from: SqlType, to: FieldType): boolean {
  if (from === 'null' || from === to) return true;
  if (isNumeric(from) && isNumeric(to)) return widerNumeric(from, to) === to;
  return false;
}
