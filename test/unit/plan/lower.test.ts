/** Planning: shared spouts, groupings on keys, parallelism rules, EXPLAIN labels for every operator. */
import { describe, expect, it } from 'vitest';
import { OPERATOR_KINDS } from '../../../src/plan/logical/node.js';
import { explain, planText, type ComponentView, type Topology } from '../../../src/plan/index.js';

const STREAMS = `
CREATE INPUT STREAM trades (ts timestamp, sym string, price double, qty long) WITH (FILE = 'trades.jsonl', TIMESTAMP = ts);
CREATE INPUT STREAM quotes (ts timestamp, sym string, bid double) WITH (FILE = 'a.jsonl, b.jsonl', TIMESTAMP = ts);
CREATE INPUT STREAM refs (sym string, sector string) WITH (FILE = 'refs.csv');
CREATE MEMORY TABLE sectors (sym string, sector string, PRIMARY KEY (sym));
`;

function plan(sql: string, parallelism = 4): Topology {
  const r = planText(STREAMS + sql, { file: 't.sql', baseDir: '/nonexistent', parallelism, requireInputFiles: false });
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.topology;
}

function component(t: Topology, id: string): ComponentView {
  const c = t.queries.flatMap((q) => q.components).find((x) => x.id === id);
  if (c === undefined) throw new Error(`no component ${id}: ${t.queries.flatMap((q) => q.components.map((x) => x.id)).join(', ')}`);
  return c;
}

describe('planning', () => {
  it('queries of one file share their input spouts; a spout has a task per file', () => {
    const t = plan('SELECT sym FROM quotes; SELECT bid FROM quotes WHERE bid > 1;');
    expect(t.spouts.map((s) => s.id)).toEqual(['quotes']);
    expect(component(t, 'quotes').parallelism).toBe(2);
    expect(component(t, 'q1.calc').inputs[0]!.from).toBe('quotes');
    expect(component(t, 'q2.calc').inputs[0]!.from).toBe('quotes');
  });

  it('a grouped window aggregate gets a fields grouping on its key and the parallelism option', () => {
    const t = plan('SELECT sym, sum(qty) AS v FROM trades[SIZE 10 ADVANCE 5 ON ts] GROUP BY sym;');
    const w = component(t, 'q1.window-aggregate');
    expect(w.parallelism).toBe(4);
    expect(w.inputs[0]!.grouping).toEqual({ kind: 'fields', fields: [1], names: ['sym'], types: ['string'] });
    expect(component(t, 'q1.sink').inputs[0]!.grouping.kind).toBe('global');
  });

  it('a global aggregate, ORDER BY/LIMIT and TUPLES windows without PARTITION BY run on one task with a global grouping', () => {
    for (const sql of [
      'SELECT count(*) AS n FROM trades[SIZE 10 ADVANCE 10 ON ts];',
      'SELECT sym, count(*) AS n FROM trades[SIZE 10 ADVANCE 10 ON ts] GROUP BY sym ORDER BY n DESC LIMIT 1;',
      'SELECT sym, count(*) AS n FROM trades[SIZE 10 ADVANCE 10 TUPLES] GROUP BY sym;',
    ]) {
      const w = component(plan(sql), 'q1.window-aggregate');
      expect(w.parallelism).toBe(1);
      expect(w.inputs[0]!.grouping.kind).toBe('global');
    }
  });

  it('a join gets fields groupings on its equality keys on both inputs', () => {
    const t = plan('SELECT t.sym, q.bid FROM trades[SIZE 5 ADVANCE 5 ON ts] AS t, quotes[SIZE 5 ADVANCE 5 ON ts] AS q WHERE t.sym = q.sym AND t.price > q.bid;');
    const j = component(t, 'q1.join');
    expect(j.inputs.map((i) => [i.from, i.port, i.grouping.kind === 'fields' ? i.grouping.names : i.grouping.kind])).toEqual([
      ['trades', 0, ['sym']],
      ['quotes', 1, ['sym']],
    ]);
  });

  it('a stream–table join is a lookup; the table is written by a single task', () => {
    const t = plan('INSERT INTO sectors SELECT sym, sector FROM refs; SELECT t.sym, s.sector FROM trades AS t JOIN sectors AS s ON t.sym = s.sym;');
    expect(component(t, 'q1.table-write').parallelism).toBe(1);
    const l = component(t, 'q2.lookup-join');
    expect(l.kind).toBe('LookupJoin');
    expect(l.describe).toMatch(/lookup in table sectors \(by primary key\)/);
  });

  it('a WHERE conjunct on one side of a join is applied before the join', () => {
    const t = plan("SELECT t.sym, s.sector FROM trades AS t JOIN sectors AS s ON t.sym = s.sym WHERE t.qty > 10 AND s.sector <> 'x';");
    const pushed = component(t, 'q1.calc');
    expect(pushed.describe).toMatch(/WHERE \(qty > 10\) \(before the join\)/);
    expect(component(t, 'q1.lookup-join').inputs[0]!.from).toBe('q1.calc');
  });

  it('a keyed component that feeds an order-sensitive operator keeps one task (results never depend on parallelism)', () => {
    const t = plan('SELECT sym, count(*) AS n FROM trades GROUP BY sym INTO counts; SELECT firstval(n) AS f FROM counts[SIZE 3 ADVANCE 3 TUPLES];');
    expect(component(t, 'q1.aggregate').parallelism).toBe(1);
  });

  it('every operator kind has an EXPLAIN label and appears in text output', () => {
    const t = plan(`
      INSERT INTO sectors SELECT sym, sector FROM refs;
      SELECT sym, sum(qty) AS v FROM trades[SIZE 10 ADVANCE 5 ON ts] GROUP BY sym INTO vols;
      SELECT sym, count(*) AS n FROM trades GROUP BY sym;
      SELECT t.sym FROM trades[SIZE 5 ADVANCE 5 ON ts] AS t, quotes[SIZE 5 ADVANCE 5 ON ts] AS q WHERE t.sym = q.sym;
      SELECT t.sym, s.sector FROM trades AS t JOIN sectors AS s ON t.sym = s.sym;
      SELECT a.sym FROM PATTERN trades AS a THEN trades AS b WITHIN 10 ON ts WHERE a.sym = b.sym;
      SELECT sym, ts FROM trades INTO u1; SELECT sym, ts FROM quotes INTO u2; u1 UNION u2;
      DECLARE total long DEFAULT 0 UPDATE FROM (SELECT sum(qty) FROM trades);
    `);
    const text = explain(t, 'text');
    for (const kind of OPERATOR_KINDS) expect(text).toMatch(new RegExp(`\\b${kind}\\b`));
  });
});
