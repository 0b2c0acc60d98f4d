/**
 * Aggregates and window-bound functions: signatures, return types and NULL
 * rules. The runtime's accumulators implement them to these rules:
 * every aggregate ignores NULL inputs (except count(*), firstval, lastval);
 * over no (non-NULL) input it gives NULL, except the counts, which give 0.
 */
import type { SqlType } from '../types.js';
import { rule, sameAsFirst } from './signature.js';
import type { AggregateFunctionDef, WindowFunctionDef } from './types.js';

const IGNORES_NULLS = 'NULL inputs are ignored; NULL when there are no non-NULL inputs.';

const sumType = (args: readonly SqlType[]): SqlType => (args[0] === 'double' ? 'double' : 'long');

function agg(
  d: Omit<AggregateFunctionDef, 'kind' | 'category' | 'acceptsStar' | 'constantArgs'> &
    Partial<Pick<AggregateFunctionDef, 'acceptsStar' | 'constantArgs'>>,
): AggregateFunctionDef {
  return { kind: 'aggregate', category: 'aggregate', acceptsStar: false, constantArgs: [], ...d };
}

export const AGGREGATE_FUNCTIONS: readonly AggregateFunctionDef[] = [
  agg({
    name: 'count', signatures: ['count(*) → long', 'count(x) → long'],
    description: 'count(*): the number of tuples; count(x): the number of tuples where x is not NULL.',
    nulls: 'count(x) skips NULLs; 0 for no input, never NULL.', minArgs: 0, maxArgs: 1, acceptsStar: true,
    returnType: rule({ params: [], result: 'long' }, { params: ['any'], result: 'long' }),
  }),
  agg({
    name: 'count_distinct', signatures: ['count_distinct(x) → long'],
    description: 'The number of distinct non-NULL values of x.', nulls: 'NULLs are not counted; 0 for no input.',
    minArgs: 1, maxArgs: 1, returnType: rule({ params: ['any'], result: 'long' }),
  }),
  agg({
    name: 'sum', signatures: ['sum(x: int | long) → long', 'sum(x: double) → double'],
    description: 'The sum (a long sum beyond ±2^53−1 is an overflow error).', nulls: IGNORES_NULLS, minArgs: 1, maxArgs: 1,
    returnType: rule({ params: ['numeric'], result: sumType }),
  }),
  agg({
    name: 'avg', signatures: ['avg(x: numeric) → double'],
    description: 'The arithmetic mean.', nulls: IGNORES_NULLS, minArgs: 1, maxArgs: 1,
    returnType: rule({ params: ['numeric'], result: 'double' }),
  }),
  agg({
    name: 'min', signatures: ['min(x) → type of x'],
    description: 'The smallest value (numbers, strings by UTF-16 code units, timestamps, FALSE < TRUE).',
    nulls: IGNORES_NULLS, minArgs: 1, maxArgs: 1, returnType: rule({ params: ['orderable'], result: sameAsFirst }),
  }),
  agg({
    name: 'max', signatures: ['max(x) → type of x'],
    description: 'The largest value (same order as min).', nulls: IGNORES_NULLS, minArgs: 1, maxArgs: 1,
    returnType: rule({ params: ['orderable'], result: sameAsFirst }),
  }),
  agg({
    name: 'stdev', signatures: ['stdev(x: numeric) → double'],
    description: 'Sample standard deviation (divides by n − 1).', nulls: `${IGNORES_NULLS} NULL with fewer than 2 values.`,
    minArgs: 1, maxArgs: 1, returnType: rule({ params: ['numeric'], result: 'double' }),
  }),
  agg({
    name: 'variance', signatures: ['variance(x: numeric) → double'],
    description: 'Sample variance (divides by n − 1).', nulls: `${IGNORES_NULLS} NULL with fewer than 2 values.`,
    minArgs: 1, maxArgs: 1, returnType: rule({ params: ['numeric'], result: 'double' }),
  }),
  agg({
    name: 'firstval', signatures: ['firstval(x) → type of x'],
    description: 'x of the first tuple (in arrival order) of the window or group.',
    nulls: 'Takes the first tuple even when x is NULL there; NULL for no input.', minArgs: 1, maxArgs: 1,
    returnType: rule({ params: ['any'], result: sameAsFirst }),
  }),
  agg({
    name: 'lastval', signatures: ['lastval(x) → type of x'],
    description: 'x of the last tuple (in arrival order) of the window or group.',
    nulls: 'Takes the last tuple even when x is NULL there; NULL for no input.', minArgs: 1, maxArgs: 1,
    returnType: rule({ params: ['any'], result: sameAsFirst }),
  }),
  agg({
    name: 'median', signatures: ['median(x: numeric) → double'],
    description: 'The median (the mean of the two middle values for an even count).', nulls: IGNORES_NULLS,
    minArgs: 1, maxArgs: 1, returnType: rule({ params: ['numeric'], result: 'double' }),
  }),
  agg({
    name: 'percentile', signatures: ['percentile(x: numeric, p: double) → double'],
    description:
      'The p-th quantile, p a constant in [0, 1], interpolated linearly between the closest ranks (as percentile_cont); percentile(x, 0.5) = median(x).',
    nulls: IGNORES_NULLS, minArgs: 2, maxArgs: 2, constantArgs: [1],
    returnType: rule({ params: ['numeric', 'numeric'], result: 'double' }),
  }),
];

function bound(name: string, b: 'start' | 'end', text: string): WindowFunctionDef {
  return {
    kind: 'window', name, category: 'window', bound: b,
    signatures: [`${name}() → timestamp | window field type | long`],
    description: text,
    nulls: 'Never NULL.', minArgs: 0, maxArgs: 0,
    // The checker replaces 'timestamp' by the real bound type of the query's window.
    returnType: rule({ params: [], result: 'timestamp' }),
  };
}

export const WINDOW_FUNCTIONS: readonly WindowFunctionDef[] = [
  bound('window_start', 'start', 'Start of the window being emitted (inclusive): a timestamp for TIME and ON-timestamp windows, the ON field\'s type for numeric fields, the first tuple\'s position (long, from 0) for TUPLES.'),
  bound('window_end', 'end', 'End of the window being emitted (exclusive: start + SIZE), in the same type as window_start().'),
  bound('openval', 'start', "StreamBase's name for window_start()."),
  bound('closeval', 'end', "StreamBase's name for window_end()."),
];
