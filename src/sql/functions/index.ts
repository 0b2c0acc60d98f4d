/**
 * The function library: every built-in scalar function (with its runtime
 * implementation), aggregate and window-bound function, by lower-case name.
 */
import { AGGREGATE_FUNCTIONS, WINDOW_FUNCTIONS } from './aggregate.js';
import { CONVERSION_FUNCTIONS } from './conversion.js';
import { MATH_FUNCTIONS } from './math.js';
import { NULL_FUNCTIONS } from './null.js';
import { STRING_FUNCTIONS } from './string.js';
import { TIME_FUNCTIONS } from './time.js';
import type { FunctionDef } from './types.js';

export type * from './types.js';
export { castAllowed, castFunction, castValue, valueToString } from './convert.js';
export { parseTimestamp, formatTimestampIso } from './time-text.js';
export { compileRegex } from './string.js';

const ALL: readonly FunctionDef[] = [
  ...MATH_FUNCTIONS,
  ...STRING_FUNCTIONS,
  ...TIME_FUNCTIONS,
  ...CONVERSION_FUNCTIONS,
  ...NULL_FUNCTIONS,
  ...WINDOW_FUNCTIONS,
  ...AGGREGATE_FUNCTIONS,
];

export const BUILTIN_FUNCTIONS: ReadonlyMap<string, FunctionDef> = new Map(ALL.map((f) => [f.name, f]));
