/**
 * Conversion functions: int(x), long(x), double(x), string(x), bool(x) —
 * each the same as CAST(x AS type) (see convert.ts; the checker turns calls
 * into Cast nodes, so the runtime sees the source type). NULL → NULL.
 */
import type { FieldType, SqlType, Value } from '../types.js';
import { castAllowed, castValue } from './convert.js';
import type { ScalarFunctionDef, TypeRule } from './types.js';

function castRule(to: FieldType): TypeRule {
  return (args: readonly SqlType[]) => {
    if (args.length !== 1) return { error: 'takes exactly one argument' };
    const from = args[0]!;
    return castAllowed(from, to) ? to : { error: `cannot convert ${from} to ${to}` };
  };
}

/** The source type of a JS value when the checker's type is not at hand. */
function jsType(v: Value): SqlType {
  return typeof v === 'string' ? 'string' : typeof v === 'boolean' ? 'bool' : v === null ? 'null' : 'double';
}

const DESCRIPTIONS: Record<Exclude<FieldType, 'timestamp'>, string> = {
  int: "To int: doubles truncate toward zero, bools give 0/1, strings must be integers ('42'), timestamps give epoch ms; out of range is an overflow error, other strings a bad-cast error.",
  long: "To long: as int, within ±(2^53 − 1).",
  double: "To double: strings must be numbers ('4.2', '1e3'), bools give 0/1, timestamps give epoch ms.",
  string: "To string: numbers as JavaScript prints them, bools as 'true'/'false', timestamps as ISO-8601 UTC with milliseconds ('2024-01-02T03:04:05.000Z').",
  bool: "To bool: numbers are TRUE unless 0; strings 'true'/'false'/'1'/'0' (any case).",
};

export const CONVERSION_FUNCTIONS: readonly ScalarFunctionDef[] = (['int', 'long', 'double', 'string', 'bool'] as const).map(
  (to): ScalarFunctionDef => ({
    kind: 'scalar',
    name: to,
    category: 'conversion',
    signatures: [`${to}(x) → ${to}`],
    description: `${DESCRIPTIONS[to]} Same as CAST(x AS ${to}).`,
    nulls: 'NULL → NULL.',
    minArgs: 1,
    maxArgs: 1,
    returnType: castRule(to),
    impl: (_c, x: Value) => castValue(x, jsType(x), to),
  }),
);
