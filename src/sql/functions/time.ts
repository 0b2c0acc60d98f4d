/**
 * Time functions. Timestamps are epoch milliseconds, interpreted in UTC.
 * NULL in → NULL out, except now().
 */
import { runtimeError } from '../errors.js';
import { castValue, checkLong } from './convert.js';
import { rule } from './signature.js';
import { DATE_PART_FIELDS, TIME_UNITS, dateTrunc, datePart, formatTime } from './time-text.js';
import type { ScalarFunctionDef } from './types.js';

const NULL_IN_NULL_OUT = 'NULL if any argument is NULL.';

function unknownUnit(what: string, unit: string, known: readonly string[]): never {
  throw runtimeError('GALE_ERR_SQL_RUNTIME_BAD_ARGUMENT', `${what}: unknown unit '${unit}' (one of ${known.join(', ')})`);
}

export const TIME_FUNCTIONS: readonly ScalarFunctionDef[] = [
  {
    kind: 'scalar', name: 'now', category: 'time', volatile: true,
    signatures: ['now() → timestamp'],
    description: 'The processing clock when the tuple is evaluated.', nulls: 'Never NULL.', minArgs: 0, maxArgs: 0,
    returnType: rule({ params: [], result: 'timestamp' }),
    impl: (c) => c.now(),
  },
  {
    kind: 'scalar', name: 'timestamp', category: 'time',
    signatures: ['timestamp(x: string | numeric | timestamp) → timestamp'],
    description:
      "A timestamp from an ISO-8601 string ('2024-01-02 03:04:05', 'T' separator, optional fraction and Z/±hh:mm offset; UTC by default) or from epoch milliseconds. Same as CAST(x AS timestamp).",
    nulls: NULL_IN_NULL_OUT, minArgs: 1, maxArgs: 1,
    returnType: rule(
      { params: ['string'], result: 'timestamp' },
      { params: ['numeric'], result: 'timestamp' },
      { params: ['timestamp'], result: 'timestamp' },
    ),
    impl: (_c, x: string | number | null) => castValue(x, typeof x === 'string' ? 'string' : 'long', 'timestamp'),
  },
  {
    kind: 'scalar', name: 'from_unixtime', category: 'time',
    signatures: ['from_unixtime(seconds: numeric) → timestamp'],
    description: 'The timestamp `seconds` after 1970-01-01T00:00:00Z (fractions kept to the millisecond).',
    nulls: NULL_IN_NULL_OUT, minArgs: 1, maxArgs: 1,
    returnType: rule({ params: ['numeric'], result: 'timestamp' }),
    impl: (_c, s: number | null) => (s === null ? null : checkLong(Math.round(s * 1000), `from_unixtime(${s})`)),
  },
  {
    kind: 'scalar', name: 'to_milliseconds', category: 'time',
    signatures: ['to_milliseconds(t: timestamp) → long'],
    description: 'Epoch milliseconds of t.', nulls: NULL_IN_NULL_OUT, minArgs: 1, maxArgs: 1,
    returnType: rule({ params: ['timestamp'], result: 'long' }),
    impl: (_c, t: number | null) => t,
  },
  {
    kind: 'scalar', name: 'date_part', category: 'time',
    signatures: ["date_part(field: string, t: timestamp) → long"],
    description: `A field of t in UTC: ${DATE_PART_FIELDS.join(', ')} (dow: 0 = Sunday; week: ISO week; epoch: seconds). EXTRACT(field FROM t) is the same.`,
    nulls: NULL_IN_NULL_OUT, minArgs: 2, maxArgs: 2,
    returnType: rule({ params: ['string', 'timestamp'], result: 'long' }),
    impl: (_c, f: string | null, t: number | null) => {
      if (f === null || t === null) return null;
      return datePart(f, t) ?? unknownUnit('date_part', f, DATE_PART_FIELDS);
    },
  },
  {
    kind: 'scalar', name: 'date_trunc', category: 'time',
    signatures: ['date_trunc(unit: string, t: timestamp) → timestamp'],
    description: `t truncated to the start of its ${TIME_UNITS.join(' | ')} (UTC; weeks start on Monday).`,
    nulls: NULL_IN_NULL_OUT, minArgs: 2, maxArgs: 2,
    returnType: rule({ params: ['string', 'timestamp'], result: 'timestamp' }),
    impl: (_c, u: string | null, t: number | null) => {
      if (u === null || t === null) return null;
      return dateTrunc(u, t) ?? unknownUnit('date_trunc', u, TIME_UNITS);
    },
  },
  {
    kind: 'scalar', name: 'format_time', category: 'time',
    signatures: ['format_time(t: timestamp, pattern: string) → string'],
    description: "t as text in UTC: yyyy MM dd HH mm ss SSS are replaced, 'quoted text' is copied, other characters are kept.",
    nulls: NULL_IN_NULL_OUT, minArgs: 2, maxArgs: 2,
    returnType: rule({ params: ['timestamp', 'string'], result: 'string' }),
    impl: (_c, t: number | null, p: string | null) => (t === null || p === null ? null : formatTime(t, p)),
  },
];
