/** Small combinators that build the return-type rules of the function library. */
import { commonType, isIntegral, isNumeric, widerNumeric } from '../types.js';
import type { FieldType, SqlType } from '../types.js';
import type { TypeRule } from './types.js';

/** What an argument position accepts (NULL is accepted everywhere). */
export type ParamKind = 'any' | 'numeric' | 'integral' | 'string' | 'timestamp' | 'bool' | 'orderable';

const KIND_TEXT: Record<ParamKind, string> = {
  any: 'any type',
  numeric: 'int, long or double',
  integral: 'int or long',
  string: 'string',
  timestamp: 'timestamp',
  bool: 'bool',
  orderable: 'int, long, double, string, timestamp or bool',
};

export function accepts(kind: ParamKind, t: SqlType): boolean {
  if (t === 'null') return true;
  switch (kind) {
    case 'any':
    case 'orderable':
      return true;
    case 'numeric':
      return isNumeric(t);
    case 'integral':
      return isIntegral(t);
    default:
      return t === kind;
  }
}

/** How the result type is found: a fixed type, or computed from the argument types. */
export type ResultRule = FieldType | ((args: readonly SqlType[]) => SqlType | { readonly error: string });

export interface Shape {
  /** required parameters */
  readonly params: readonly ParamKind[];
  /** optional trailing parameters */
  readonly optional?: readonly ParamKind[];
  /** any number of further arguments of this kind */
  readonly rest?: ParamKind;
  readonly result: ResultRule;
}

/** A type rule from one or more accepted shapes (the first shape whose arity fits decides). */
export function rule(...shapes: readonly Shape[]): TypeRule {
  return (args) => {
    let lastError = 'wrong number of arguments';
    for (const s of shapes) {
      const min = s.params.length;
      const max = s.rest === undefined ? min + (s.optional?.length ?? 0) : Infinity;
      if (args.length < min || args.length > max) continue;
      const kinds = [...s.params, ...(s.optional ?? [])];
      let bad: string | undefined;
      args.forEach((t, i) => {
        const k = kinds[i] ?? s.rest ?? 'any';
        if (bad === undefined && !accepts(k, t)) bad = `argument ${i + 1} must be ${KIND_TEXT[k]}, not ${t}`;
      });
      if (bad !== undefined) {
        lastError = bad;
        continue;
      }
      return typeof s.result === 'function' ? s.result(args) : s.result;
    }
    return { error: lastError };
  };
}

/** Result = the first argument's type (int stays int). */
export const sameAsFirst = (args: readonly SqlType[]): SqlType => args[0] ?? 'null';

/** Result = the wider numeric type of all arguments (NULLs ignored). */
export const widestNumeric = (args: readonly SqlType[]): SqlType => {
  let t: SqlType = 'null';
  for (const a of args) {
    if (a === 'null') continue;
    t = t === 'null' ? a : isNumeric(t) && isNumeric(a) ? widerNumeric(t, a) : t;
  }
  return t;
};

/** Result = the common type of all arguments (numerics widen), or an error if they do not mix. */
export const commonOfAll = (args: readonly SqlType[]): SqlType | { error: string } => {
  let t: SqlType = 'null';
  for (const a of args) {
    const c = commonType(t, a);
    if (c === undefined) return { error: `arguments of types ${t} and ${a} do not mix` };
    t = c;
  }
  return t;
};
