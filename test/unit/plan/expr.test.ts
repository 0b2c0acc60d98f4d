/**
 * Compiled expressions agree with the front end's reference evaluator
 * (src/sql/eval.ts) on every row, NULLs and runtime errors included.
 */
import { describe, expect, it } from 'vitest';
import { analyzeScript, evaluate, type CheckedQuery, type Value } from '../../../src/sql/index.js';
import { compileCalc, compileExpr, compilePredicate, type ExprEnv } from '../../../src/plan/compile/expr.js';

const ENV: ExprEnv = { column: (_i, f) => f, variable: () => ({ value: 7 }), fn: { now: () => 1_700_000_000_000 } };

function queryOf(select: string): CheckedQuery {
  const r = analyzeScript(
    `CREATE INPUT STREAM s (i int, l long, d double, t string, b bool, ts timestamp) WITH (FILE = 'x.jsonl');\nDECLARE seven long DEFAULT 7;\n${select}`,
  );
  if (r.errors.length > 0) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.script.statements.find((s): s is CheckedQuery => s.kind === 'Query')!;
}

const EXPRS = [
  'i + l * 2', 'i / 3', 'l % 4', 'd / i', 'i / 0', 'l % 0', '-i', 'd * 1e308 * 10',
  'i > 2 AND d < 1.5', 'i > 2 OR b', 'NOT b', 't || i', 'coalesce(t, \'none\')',
  'CASE WHEN i > 3 THEN \'big\' WHEN i IS NULL THEN NULL ELSE \'small\' END',
  'i IN (1, 2, NULL)', 'i NOT IN (1, 2)', 'd BETWEEN 0.5 AND 2', 't LIKE \'a%\'', 't NOT LIKE \'_b%\'',
  'CAST(t AS long)', 'CAST(d AS int)', 'CAST(i AS string)', 'upper(t)', 'length(t)', 'abs(d)', 'round(d, 1)',
  'ts + INTERVAL \'1\' SECOND', 'ts - ts', 'greatest(i, l)', 'i * 2147483647', 'seven + i', 'if i > 1 then d else -d',
];

const ROWS: Value[][] = [
  [1, 10, 0.5, 'abc', true, 1_700_000_000_000],
  [4, -3, 2.25, 'xbz', false, 0],
  [null, 5, null, null, null, null],
  [0, null, -1.5, '12', true, 86_400_000],
  [2147483647, 9007199254740991, 1e308, 'a', false, 1],
  [3, 3, 3, 'not a number', true, 3],
];

function outcome(f: () => Value): Value | { error: string } {
  try {
    return f();
  } catch (e) {
    return { error: (e as { code?: string }).code ?? 'error' };
  }
}

describe('compiled expressions', () => {
  for (const text of EXPRS) {
    it(`${text}`, () => {
      const q = queryOf(`SELECT ${text} AS x FROM s;`);
      const e = q.columns[0]!.expr;
      const f = compileExpr(e, ENV);
      for (const row of ROWS) {
        const expected = outcome(() => evaluate(e, { rows: [row], variables: new Map([['seven', 7]]), context: ENV.fn }));
        expect(outcome(() => f(row)), `row ${JSON.stringify(row)}`).toEqual(expected);
      }
    });
  }

  it('a predicate passes only TRUE (FALSE and NULL do not)', () => {
    const q = queryOf('SELECT i FROM s WHERE d > 1;');
    const p = compilePredicate(q.where!, ENV);
    expect(ROWS.map((r) => p(r))).toEqual([false, true, false, false, true, true]);
  });

  it('the fused filter+projection loop sends a failing row to onError and carries on', () => {
    const q = queryOf('SELECT i, CAST(t AS long) AS n FROM s WHERE i IS NOT NULL;');
    const calc = compileCalc({ where: q.where, project: q.columns.map((c) => c.expr) }, ENV);
    const out: Value[][] = [];
    const errors: string[] = [];
    calc(ROWS, out, (err) => errors.push((err as { code: string }).code));
    expect(out).toEqual([[0, 12]]);
    expect(errors).toEqual(Array(4).fill('GALE_ERR_SQL_RUNTIME_BAD_CAST'));
  });
});
