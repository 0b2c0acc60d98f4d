/**
 * parse → format → parse gives the same AST (ignoring spans), and the
 * canonical text is a fixed point, for every statement of our valid corpus
 * (one file per statement family) and of every file under queries/.
 */
import { describe, expect, it } from 'vitest';
import { astEqual, formatScript, formatStatement, parseScript, stripLoc } from '../../src/sql/index.js';
import { QUERY_FILES, VALID_CORPUS } from './corpus.js';

function roundTrip(name: string, text: string): void {
  const first = parseScript(text, { file: name });
  expect(first.errors.map((e) => `${e.span.line}:${e.span.column} ${e.message}`)).toEqual([]);
  expect(first.statements.length).toBeGreaterThan(0);
  for (const stmt of first.statements) {
    const printed = formatStatement(stmt);
    const again = parseScript(printed);
    expect(again.errors.map((e) => e.message), printed).toEqual([]);
    expect(again.statements).toHaveLength(1);
    if (!astEqual(stmt, again.statements[0])) {
      expect(stripLoc(again.statements[0]), printed).toEqual(stripLoc(stmt));
    }
    expect(formatStatement(again.statements[0]!)).toBe(printed);
  }
  // the whole script prints and re-parses statement for statement
  const script = formatScript(first.statements);
  expect(astEqual(parseScript(script).statements, first.statements)).toBe(true);
}

describe('AST printer round trip: our corpus', () => {
  it.each(VALID_CORPUS.map((f) => [f.name, f.text] as const))('%s', (name, text) => roundTrip(name, text));

  it('covers every statement kind', () => {
    const kinds = new Set(VALID_CORPUS.flatMap((f) => parseScript(f.text).statements.map((s) => s.kind)));
    expect([...kinds].sort()).toEqual(
      [
        'CreateSchema', 'CreateStream', 'CreateWindow', 'CreateTable', 'Select', 'Union', 'InsertSelect', 'ReplaceSelect',
        'Update', 'Delete', 'InsertValues', 'Declare', 'Explain', 'Show', 'Describe', 'Terminate', 'SetProperty', 'RunScript',
      ].sort(),
    );
  });
});

describe('AST printer round trip: queries/', () => {
  it('round-trips every file under queries/ (passes when there are none)', () => {
    for (const f of QUERY_FILES) roundTrip(f.name, f.text);
  });
});

describe('canonical text', () => {
  it.each([
    ['select a from s where x=1 and (y=2 or z=3)', 'SELECT a FROM s WHERE x = 1 AND (y = 2 OR z = 3);'],
    ['SELECT (a + b) * c, a - (b - c), - -a FROM s', 'SELECT (a + b) * c, a - (b - c), - -a FROM s;'],
    ['SELECT (if a then 1 else 2) + 1 FROM s', 'SELECT (IF a THEN 1 ELSE 2) + 1 FROM s;'],
    ['SELECT "select", "a b", x."y""z" FROM "from"', 'SELECT "select", "a b", x."y""z" FROM "from";'],
    ['select 5.0, 1e21, 7l from s', 'SELECT 5.0, 1e+21, 7L FROM s;'],
    ['SELECT a FROM s[SIZE 5 TUPLES] x, t[w] AS y WHERE x.k != y.k', 'SELECT a FROM s[SIZE 5 TUPLES] AS x, t[w] AS y WHERE x.k <> y.k;'],
    ['SELECT a FROM PATTERN (a THEN b) OR c WITHIN 5 TIME', 'SELECT a FROM PATTERN (a THEN b) OR c WITHIN 5 TIME;'],
    ['create table t (a int, primary key (a))', 'CREATE MEMORY TABLE t (a int, PRIMARY KEY (a));'],
    ['CREATE STREAM s WITH (timestamp = \'ts\', "select" = 1)', "CREATE STREAM s WITH (timestamp = 'ts', 'select' = 1);"],
  ])('%s', (input, canonical) => {
    const r = parseScript(`${input};`);
    expect(r.errors).toEqual([]);
    expect(formatStatement(r.statements[0]!)).toBe(canonical);
  });
});
