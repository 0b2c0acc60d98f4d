/**
 * Group and join keys as Map keys. One key expression: the value itself
 * (numbers, strings, booleans and null are fine Map keys, no allocation).
 * Several: one string with a type tag per part, so 1 and '1' differ.
 */
import type { Row, Value } from './message.js';

export type KeyPart = (r: Row) => Value;
export type KeyFn = (r: Row) => unknown;

export function encodeKeyPart(v: Value): string {
  if (v === null) return '\u0002';
  switch (typeof v) {
    case 'string':
      return `s${v}`;
    case 'number':
      return `n${v}`;
    default:
      return v ? 'T' : 'F';
  }
}

/** A Map key for the given parts (a constant key when there are none). */
export function makeKeyFn(parts: readonly KeyPart[]): KeyFn {
  if (parts.length === 0) return () => '';
  if (parts.length === 1) return parts[0]!;
  if (parts.length === 2) {
    const [a, b] = parts as [KeyPart, KeyPart];
    return (r) => `${encodeKeyPart(a(r))}\u0000${encodeKeyPart(b(r))}`;
  }
  return (r) => {
    let s = encodeKeyPart(parts[0]!(r));
    for (let i = 1; i < parts.length; i++) s += `\u0000${encodeKeyPart(parts[i]!(r))}`;
    return s;
  };
}

/** The parts' values as a new array (kept once per group, for output). */
export function makeKeyValuesFn(parts: readonly KeyPart[]): (r: Row) => Value[] {
  return (r) => parts.map((p) => p(r));
}

/** A key part reading field i of the row. */
export function fieldPart(i: number): KeyPart {
  return (r) => r[i] ?? null;
}

/** A join key: like makeKeyFn, but NULL when any part is NULL (NULL equals nothing in a join). */
export function makeJoinKeyFn(parts: readonly KeyPart[]): KeyFn {
  if (parts.length === 1) return parts[0]!;
  const key = makeKeyFn(parts);
  return (r) => {
    for (let i = 0; i < parts.length; i++) if (parts[i]!(r) === null) return null;
    return key(r);
  };
}
