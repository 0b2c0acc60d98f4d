/** What the checked result gives the planner: types, resolved columns, windows in native units, INTO. */
import { describe, expect, it } from 'vitest';
import { analyzeScript, createCatalog, evaluate } from '../../../src/sql/index.js';
import type { CheckedQuery, CheckedStatement, TExpr } from '../../../src/sql/index.js';

const BIDS = `CREATE INPUT STREAM bids (auction long, bidder long, price long, channel string, ts timestamp)
  WITH (TOPIC = 'bids', PARTITIONS = 3, KEY = 'auction', TIMESTAMP = 'ts');\n`;

function check(sql: string): CheckedStatement[] {
  const r = analyzeScript(sql, { file: 't.sql' });
  expect(r.errors.map((e) => `${e.span.line}:${e.span.column} ${e.message}`)).toEqual([]);
  return [...r.script.statements];
}

function lastQuery(sql: string): CheckedQuery {
  const q = check(sql).at(-1);
  if (q?.kind !== 'Query') throw new Error('not a query');
  return q;
}

describe('checked queries', () => {
  it('resolves columns to (input, field) and types every expression', () => {
    const q = lastQuery(`${BIDS}SELECT b.price * 2 AS p2, upper(channel) AS ch, price / 3 AS third, price / 2.0 AS half FROM bids AS b WHERE price > 10;`);
    expect(q.inputs).toHaveLength(1);
    expect(q.inputs[0]).toMatchObject({ alias: 'b', name: 'bids', source: 'stream', eventTime: 4 });
    expect(q.output).toEqual([
      { name: 'p2', type: 'long' },
      { name: 'ch', type: 'string' },
      { name: 'third', type: 'long' },
      { name: 'half', type: 'double' },
    ]);
    const p2 = q.columns[0]!.expr as Extract<TExpr, { kind: 'Arithmetic' }>;
    expect(p2.left).toMatchObject({ kind: 'Column', input: 0, field: 2, type: 'long' });
    expect(q.where).toMatchObject({ kind: 'Comparison', op: '>', operandType: 'long', type: 'bool' });
    expect(evaluate(q.columns[2]!.expr, { rows: [[1, 2, 10, 'web', 0]] })).toBe(3);
  });

  it('folds windows into native units: TIME and ON-timestamp in ms, TUPLES in tuples, numeric ON in field units', () => {
    const sql = `${BIDS}CREATE STREAM nums (k int, v double, seq long);
SELECT count(*) AS n FROM bids[SIZE 10 ADVANCE 5 ON ts PARTITION BY auction OFFSET 1 TIMEOUT 2];
SELECT count(*) AS n FROM bids[SIZE INTERVAL '1' MINUTE ADVANCE INTERVAL '30' SECOND TIME];
SELECT count(*) AS n FROM bids[SIZE 100 ADVANCE 10 TUPLES];
SELECT count(*) AS n, window_start() AS ws FROM nums[SIZE 50 ADVANCE 25 ON seq];`;
    const qs = check(sql).filter((s): s is CheckedQuery => s.kind === 'Query');
    expect(qs[0]!.inputs[0]!.window).toMatchObject({ dimension: 'field', size: 10_000, advance: 5_000, offset: 1_000, timeoutMs: 2_000, field: { name: 'ts', index: 4, type: 'timestamp' }, partitionBy: [{ name: 'auction', index: 0 }] });
    expect(qs[1]!.inputs[0]!.window).toMatchObject({ dimension: 'time', size: 60_000, advance: 30_000, offset: 0 });
    expect(qs[2]!.inputs[0]!.window).toMatchObject({ dimension: 'tuples', size: 100, advance: 10 });
    expect(qs[3]!.inputs[0]!.window).toMatchObject({ dimension: 'field', size: 50, advance: 25, field: { name: 'seq', type: 'long' } });
    expect(qs[3]!.output).toEqual([{ name: 'n', type: 'long' }, { name: 'ws', type: 'long' }]);
    expect(qs.every((q) => q.aggregation === 'windowed')).toBe(true);
  });

  it('collects aggregates into slots (equal calls share one) and allows PARTITION BY fields as keys', () => {
    const q = lastQuery(`${BIDS}SELECT auction, sum(price) AS s, sum(price) / count(*) AS mean, window_end() AS we
      FROM bids[SIZE 10 ON ts PARTITION BY auction] HAVING sum(price) > 100;`);
    expect(q.aggregation).toBe('windowed');
    expect(q.aggregates.map((a) => `${a.fn}${a.star ? '(*)' : ''}:${a.slot}:${a.type}`)).toEqual(['sum:0:long', 'count(*):1:long']);
    expect(q.columns.map((c) => `${c.name}:${c.type}`)).toEqual(['auction:long', 's:long', 'mean:long', 'we:timestamp']);
    expect(q.having).toMatchObject({ kind: 'Comparison', left: { kind: 'Aggregate', slot: 0 } });
  });

  it('an aggregate without a window is a changelog; ORDER BY an alias uses that column', () => {
    const q = lastQuery(`${BIDS}SELECT channel, count(*) AS n FROM bids GROUP BY channel;`);
    expect(q.aggregation).toBe('changelog');
    const w = lastQuery(`${BIDS}SELECT channel, count(*) AS n FROM bids[SIZE 5 TUPLES] GROUP BY channel ORDER BY n DESC LIMIT 3;`);
    expect(w.orderBy[0]).toMatchObject({ descending: true, expr: { kind: 'Aggregate', fn: 'count' } });
    expect(w.limit).toBe(3);
  });

  it('INTO declares a new stream with the output schema, and reorders columns to a declared stream', () => {
    const r = analyzeScript(`${BIDS}SELECT auction, price FROM bids INTO pricey;
CREATE OUTPUT STREAM out (price long, auction long, note string);
SELECT 'x' AS note, auction, price FROM bids INTO out;`);
    expect(r.errors).toEqual([]);
    const pricey = r.catalog.relations.get('pricey');
    expect(pricey).toMatchObject({ kind: 'stream', implicit: true, direction: 'intermediate', fields: [{ name: 'auction', type: 'long' }, { name: 'price', type: 'long' }] });
    const q = r.script.statements.at(-1) as CheckedQuery;
    expect(q.into).toMatchObject({ stream: 'out', implicit: false });
    expect(q.columns.map((c) => c.name)).toEqual(['price', 'auction', 'note']);
  });

  it('joins record which side is a table lookup; patterns record WITHIN in ms', () => {
    const sql = `${BIDS}CREATE MEMORY TABLE auctions (id long, seller long, PRIMARY KEY (id) USING BTREE);
SELECT b.price, a.seller FROM bids AS b LEFT JOIN auctions AS a ON b.auction = a.id;
SELECT x.price FROM PATTERN bids AS x THEN NOT bids AS y WITHIN 2 TIME WHERE x.auction = y.auction;`;
    const [, table, join, pattern] = check(sql);
    expect(table).toMatchObject({ kind: 'CreateTable', table: { index: 'btree', primaryKey: [{ name: 'id', index: 0 }] } });
    expect(join).toMatchObject({ kind: 'Query', from: { kind: 'Join', joinType: 'left', lookup: 'right-table', right: 1 } });
    expect(pattern).toMatchObject({ from: { kind: 'Pattern', within: { kind: 'time', ms: 2000 }, pattern: { kind: 'Binary', op: 'then', right: { kind: 'Not' } } } });
  });

  it('keeps a given catalog unchanged and returns an extended copy (REPL use)', () => {
    const first = analyzeScript(BIDS);
    const before = first.catalog.relations.size;
    const second = analyzeScript('SELECT auction FROM bids INTO a2;', { catalog: first.catalog });
    expect(second.errors).toEqual([]);
    expect(first.catalog.relations.size).toBe(before);
    expect(second.catalog.relations.has('a2')).toBe(true);
    expect(analyzeScript('SELECT auction FROM bids;', { catalog: createCatalog() }).errors[0]?.code).toBe('GALE_ERR_SQL_UNKNOWN_STREAM');
  });

  it('VALUES rows come out in field order with NULLs for missing columns and timestamps from text', () => {
    const [, ins] = check(`${BIDS}INSERT INTO bids (price, ts, auction) VALUES (5, '2024-01-01T00:00:01Z', 7);`);
    if (ins?.kind !== 'InsertValues') throw new Error('expected InsertValues');
    expect(ins.rows[0]!.map((e) => evaluate(e))).toEqual([7, null, 5, null, Date.UTC(2024, 0, 1, 0, 0, 1)]);
  });

  it('the stream binding is validated and exposed', () => {
    const [s] = check(BIDS);
    expect(s).toMatchObject({ kind: 'CreateStream', stream: { binding: { topic: 'bids', partitions: 3, key: ['auction'], timestamp: 'ts' }, eventTime: { name: 'ts', index: 4 } } });
  });

  it('reports a named window misused at its use, with the window name', () => {
    const r = analyzeScript(`CREATE WINDOW w (SIZE 10 ON missing);\n${BIDS}SELECT count(*) AS n FROM bids[w];`);
    expect(r.errors.map((e) => `${e.code} ${e.span.line}:${e.span.column} ${e.message}`)).toEqual([
      "GALE_ERR_SQL_UNKNOWN_FIELD 4:32 window w: bids has no field 'missing' to window ON",
    ]);
  });

  it('reports every error of a file, syntax and semantic, in source order', () => {
    const r = analyzeScript(`${BIDS}SELECT nope FROM bids;\nSELECT FROM bids;\nSELECT price FROM bids WHERE channel > 1;\nSELECT a FROM;`);
    expect(r.errors.map((e) => `${e.span.line}:${e.span.column} ${e.code}`)).toEqual([
      '3:8 GALE_ERR_SQL_UNKNOWN_FIELD',
      '4:8 GALE_ERR_SQL_UNEXPECTED_TOKEN',
      '5:30 GALE_ERR_SQL_TYPE_MISMATCH',
      '6:14 GALE_ERR_SQL_UNEXPECTED_TOKEN',
    ]);
  });
});

describe('no cascades', () => {
  it('a declaration with a syntax error does not make every later use an error too', () => {
    const r = analyzeScript(`CREATE INPUT STREAM s (a int, b) WITH (TOPIC = 's');
CREATE WINDOW w (SIZE 10 ADVANCE TUPLES);
SELECT a FROM s INTO t o;
SELECT a FROM s;
SELECT count(*) AS n FROM s[w];
SELECT a FROM t;
SELECT a FROM nowhere;`);
    expect(r.errors.map((e) => `${e.span.line}:${e.span.column} ${e.code}`)).toEqual([
      '1:32 GALE_ERR_SQL_UNEXPECTED_TOKEN',
      '2:40 GALE_ERR_SQL_UNEXPECTED_TOKEN', // TUPLES was read as the ADVANCE amount (a name)
      '3:24 GALE_ERR_SQL_UNEXPECTED_TOKEN',
      '7:15 GALE_ERR_SQL_UNKNOWN_STREAM',
    ]);
    expect(r.script.statements).toEqual([]);
  });
});

describe('splitStatements (REPL input)', () => {
  it('cuts at ; outside strings, quoted names and comments', async () => {
    const { splitStatements } = await import('../../../src/sql/index.js');
    expect(splitStatements("SELECT 'a;b' FROM s; -- c;\nSELECT \"x;\" /* ; */ FROM t;\nSELECT 1")).toEqual({
      complete: ["SELECT 'a;b' FROM s;", ' -- c;\nSELECT "x;" /* ; */ FROM t;'],
      rest: '\nSELECT 1',
      restIsEmpty: false,
    });
    expect(splitStatements('SHOW STREAMS; -- done\n').restIsEmpty).toBe(true);
    expect(splitStatements("SELECT 'open").complete).toEqual([]);
    expect(splitStatements('SELECT a /* open').restIsEmpty).toBe(false);
  });
});
