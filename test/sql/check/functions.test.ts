/**
 * The run-time meaning of operators and library functions, through the same
 * path the planner uses: SQL → checked expression → evaluate. Expected values
 * follow the rules documented in grammar/README.md.
 */
import { describe, expect, it } from 'vitest';
import { analyzeScript, evaluate, SqlRuntimeError } from '../../../src/sql/index.js';
import type { CheckedQuery, Value } from '../../../src/sql/index.js';

const DECL = 'CREATE INPUT STREAM e (i int, l long, d double, s string, b bool, t timestamp, n int);\n';
const ROW: Value[] = [7, 10_000_000_000, 2.5, 'Hello, World', true, Date.UTC(2024, 1, 29, 13, 45, 30, 123), null];
const CLOCK = { now: () => Date.UTC(2030, 0, 1) };

function run(expr: string): { value: Value; type: string } {
  const r = analyzeScript(`${DECL}SELECT ${expr} AS v FROM e;`);
  if (r.errors.length > 0) throw new Error(`${expr}: ${r.errors[0]!.message}`);
  const q = r.script.statements[1] as CheckedQuery;
  return { value: evaluate(q.columns[0]!.expr, { rows: [ROW], context: CLOCK }), type: q.columns[0]!.type };
}

const v = (expr: string): Value => run(expr).value;

describe('operators', () => {
  it.each([
    ['i + l', 10_000_000_007, 'long'],
    ['7 / 2', 3, 'int'],
    ['-7 / 2', -3, 'int'],
    ['7 / 2.0', 3.5, 'double'],
    ['-7 % 3', -1, 'int'],
    ['i / 0', null, 'int'],
    ['d % 0', null, 'double'],
    ['n + 1', null, 'int'],
    ["s || '!' || i", 'Hello, World!7', 'string'],
    ["'t=' || t", 't=2024-02-29T13:45:30.123Z', 'string'],
    ['n || s', null, 'string'],
    ['t + INTERVAL 1 DAY - t', 86_400_000, 'long'],
    ['t + 1', Date.UTC(2024, 1, 29, 13, 45, 30, 124), 'timestamp'],
    ['i BETWEEN 1 AND 7', true, 'bool'],
    ['i NOT IN (1, 2)', true, 'bool'],
    ['i IN (1, n)', null, 'bool'],
    ['i IN (7, n)', true, 'bool'],
    ['n > 1 AND FALSE', false, 'bool'],
    ['n > 1 OR TRUE', true, 'bool'],
    ['NOT (n > 1)', null, 'bool'],
    ['n IS NULL', true, 'bool'],
    ["s LIKE 'Hell_,%'", true, 'bool'],
    ["s LIKE 'hello%'", false, 'bool'],
    ["s LIKE '%.%'", false, 'bool'],
    ["CASE WHEN n > 0 THEN 'a' WHEN i > 0 THEN 'b' END", 'b', 'string'],
    ["CASE i WHEN 1 THEN 'one' WHEN 7 THEN 'seven' ELSE 'other' END", 'seven', 'string'],
    ['if b then i else d', 7, 'double'],
    ['-2147483648', -2147483648, 'int'],
    ["t > TIMESTAMP '2024-02-29 13:45:30'", true, 'bool'],
    ['t = 1709214330123', true, 'bool'],
  ])('%s = %j (%s)', (expr, value, type) => {
    expect(run(expr)).toEqual({ value, type });
  });

  it('integer overflow is a runtime error, not a wrong number', () => {
    expect(() => v('i * 1000000000')).toThrow(SqlRuntimeError);
    expect(() => v('l * l')).toThrow(/does not fit in long/);
    expect(v('d * 1e308 * 10')).toBeNull();
  });
});

describe('functions', () => {
  it.each([
    ['abs(-i)', 7], ['ceil(d)', 3], ['floor(-d)', -3], ['round(d)', 3], ['round(-d)', -3], ['round(2.345, 2)', 2.35],
    ['sqrt(-1)', null], ['power(2, 10)', 1024], ['ln(0)', null], ['log10(1000)', 3], ['exp(0)', 1], ['sign(-d)', -1],
    ['mod(17, 5)', 2], ['mod(i, 0)', null], ['greatest(1, n, 3)', 3], ['least(d, i)', 2.5], ['greatest(n, n)', null],
    ['length(s)', 12], ['lower(s)', 'hello, world'], ['upper(s)', 'HELLO, WORLD'], ['substr(s, 8)', 'World'],
    ['substr(s, 1, 5)', 'Hello'], ['substr(s, -5, 3)', 'Wor'], ['substr(s, 3, 0)', ''], ["trim('  x ')", 'x'],
    ["strpos(s, 'World')", 8], ["strpos(s, 'z')", 0], ["replace(s, 'l', 'L')", 'HeLLo, WorLd'],
    ["regexp_match(s, '^H.*d$')", true], ["regexp_match(s, '[0-9]')", false], ["split_part(s, ', ', 2)", 'World'],
    ["split_part(s, ',', 5)", ''], ["format('%s=%d (%.1f%%)', s, i, d)", 'Hello, World=7 (2.5%)'], ["format('%s', n)", 'NULL'],
    ['now()', Date.UTC(2030, 0, 1)], ["timestamp('2024-01-02 03:04:05.5')", Date.UTC(2024, 0, 2, 3, 4, 5, 500)],
    ["timestamp('2024-01-02T00:00:00+02:00')", Date.UTC(2024, 0, 1, 22)], ['timestamp(1000)', 1000],
    ['from_unixtime(1.5)', 1500], ['to_milliseconds(t)', Date.UTC(2024, 1, 29, 13, 45, 30, 123)],
    ["date_part('year', t)", 2024], ["date_part('month', t)", 2], ["date_part('day', t)", 29], ["date_part('dow', t)", 4],
    ["date_part('doy', t)", 60], ["date_part('week', t)", 9], ["date_part('quarter', t)", 1], ['EXTRACT(HOUR FROM t)', 13],
    ['EXTRACT(millisecond FROM t)', 123], ["date_part('epoch', t)", 1709214330],
    ["date_trunc('hour', t)", Date.UTC(2024, 1, 29, 13)], ["date_trunc('week', t)", Date.UTC(2024, 1, 26)],
    ["date_trunc('month', t)", Date.UTC(2024, 1, 1)], ["date_trunc('year', t)", Date.UTC(2024, 0, 1)],
    ["format_time(t, 'yyyy-MM-dd''T''HH:mm:ss.SSS')", '2024-02-29T13:45:30.123'], ["format_time(t, 'dd/MM HH''h''')", '29/02 13h'],
    ['int(d)', 2], ['int(-d)', -2], ["int(' 42 ')", 42], ['long(t)', 1709214330123], ["double('1e3')", 1000], ['double(b)', 1],
    ['string(d)', '2.5'], ['string(t)', '2024-02-29T13:45:30.123Z'], ['string(b)', 'true'], ["bool('FALSE')", false],
    ['bool(0)', false], ['CAST(i AS double)', 7], ["CAST('2024-01-01' AS timestamp)", Date.UTC(2024, 0, 1)],
    ['coalesce(n, i)', 7], ['coalesce(n, n)', null], ['nullif(i, 7)', null], ['nullif(i, n)', 7], ['isnull(n)', true],
    ['int(n)', null], ['upper(CAST(NULL AS string))', null], ["substr(s, n)", null],
  ])('%s = %j', (expr, value) => {
    expect(v(expr)).toEqual(value);
  });

  it('bad casts and bad arguments are runtime errors with a code', () => {
    for (const expr of ["int('4.5')", "int('abc')", "bool('maybe')", "timestamp('soon')", 'int(l)', "date_part(s, t)", "regexp_match(s, s || '(')"]) {
      let err: unknown;
      try {
        v(expr);
      } catch (e) {
        err = e;
      }
      expect(err, expr).toBeInstanceOf(SqlRuntimeError);
      expect((err as SqlRuntimeError).code, expr).toMatch(/^GALE_ERR_SQL_RUNTIME_/);
    }
  });

  it('aggregate and window-bound return types follow their signatures', () => {
    const r = analyzeScript(`${DECL}SELECT count(*) AS c1, count(n) AS c2, count_distinct(s) AS c3, sum(i) AS s1, sum(d) AS s2,
      avg(i) AS a, min(s) AS mn, max(t) AS mx, stdev(i) AS sd, variance(d) AS va, firstval(b) AS f, lastval(t) AS lv,
      median(l) AS md, percentile(d, 0.25) AS p, window_start() AS ws, closeval() AS ce FROM e[SIZE 5 TIME];`);
    expect(r.errors).toEqual([]);
    const q = r.script.statements[1] as CheckedQuery;
    expect(Object.fromEntries(q.output.map((f) => [f.name, f.type]))).toEqual({
      c1: 'long', c2: 'long', c3: 'long', s1: 'long', s2: 'double', a: 'double', mn: 'string', mx: 'timestamp', sd: 'double',
      va: 'double', f: 'bool', lv: 'timestamp', md: 'double', p: 'double', ws: 'timestamp', ce: 'timestamp',
    });
  });
});
