/**
 * The engine through its API (EngineApi) over an EmbeddedLog and an
 * EmbeddedCoordinator: declarations reach the catalog and the topics, a
 * persistent windowed query writes exact results, the catalog and the query
 * survive a restart, push queries stream rows until aborted, and every
 * mistake comes back as a result with a code and a position.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CoordStore } from '../../../src/coord/store.js';
import { EmbeddedCoordinator } from '../../../src/coord/embedded-coordinator.js';
import type { StatementResult } from '../../../src/engine/api.js';
import { Engine } from '../../../src/engine/engine.js';
import type { EmbeddedLog } from '../../../src/log/embedded-log.js';
import { produce, readTopic, tempDir, until, type TempDir } from './fixtures.js';

let t: TempDir;
let log: EmbeddedLog;
let store: CoordStore;
let coord: EmbeddedCoordinator;
let engine: Engine | undefined;

async function open(): Promise<Engine> {
  log = await t.openLog();
  store = CoordStore.open({ dir: join(t.dir, 'coord') });
  coord = await EmbeddedCoordinator.open(store);
  engine = await Engine.open({ log, coordinator: coord, baseDir: t.dir, idleTimeoutMs: 200, checkpointIntervalMs: 200 });
  return engine;
}

async function shut(): Promise<void> {
  await engine?.close();
  engine = undefined;
  await coord.close();
  await store.close();
  await log.close();
}

beforeEach(async () => {
  t = await tempDir();
});
afterEach(async () => {
  if (engine !== undefined) await shut();
  await t.cleanup();
});

const DDL = `
CREATE INPUT STREAM clicks (user string, page string, ts timestamp) WITH (PARTITIONS = 2, KEY = 'user', TIMESTAMP = 'ts');
SELECT user, count(*) AS n, window_start() AS ws FROM clicks[SIZE 10 ADVANCE 10 ON ts] GROUP BY user INTO counts;
`;

function rowsOf(r: StatementResult | undefined): readonly (readonly unknown[])[] {
  if (r?.kind !== 'table') throw new Error(`not a table: ${JSON.stringify(r)}`);
  return r.rows;
}

function ok(results: StatementResult[]): StatementResult[] {
  for (const r of results) if (r.kind === 'error') throw new Error(`${r.statement}: ${r.error.code} ${r.error.message}`);
  return results;
}

async function clicks(events: [string, number][]): Promise<void> {
  await produce(
    log,
    'clicks',
    events.map(([user, s]) => ({ key: user, value: JSON.stringify({ user, page: '/', ts: s * 1000 }) })),
  );
}

async function counts(): Promise<Map<string, number>> {
  const m = new Map<string, number>();
  for (const r of await readTopic(log, 'counts')) {
    const v = JSON.parse(r.value!) as { user: string; n: number; ws: string };
    const k = `${v.user}@${v.ws}`;
    if (m.has(k)) throw new Error(`${k} written twice`);
    m.set(k, v.n);
  }
  return m;
}

describe('engine', () => {
  it('runs a persistent windowed query from DDL to exact results, and lists what it has', async () => {
    const e = await open();
    const res = ok(await e.execute(DDL));
    expect(res[0]).toMatchObject({ kind: 'message', message: expect.stringMatching(/Stream clicks created \(topic clicks, 2 partitions, json\)/) });
    const qid = (res[1] as { queryId?: string }).queryId!;
    expect(qid).toMatch(/^q\d+$/);
    await clicks([['ann', 1], ['bob', 2], ['ann', 3], ['ann', 12], ['bob', 15], ['ann', 30]]);
    await clicks([['bob', 31]]);
    expect(await until(async () => (await counts()).size >= 4)).toBe(true);
    expect(await counts()).toEqual(
      new Map([
        ['ann@1970-01-01T00:00:00.000Z', 2],
        ['bob@1970-01-01T00:00:00.000Z', 1],
        ['ann@1970-01-01T00:00:10.000Z', 1],
        ['bob@1970-01-01T00:00:10.000Z', 1],
      ]),
    );
    const [streams, queries, topics, desc] = ok(await e.execute('SHOW STREAMS; SHOW QUERIES; SHOW TOPICS; DESCRIBE clicks;'));
    expect(streams).toMatchObject({ kind: 'table', rows: expect.arrayContaining([expect.arrayContaining(['clicks', 'input', 'topic clicks'])]) });
    expect(queries).toMatchObject({ kind: 'table', rows: [expect.arrayContaining([qid, 'persistent', 'RUNNING', 'counts'])] });
    expect(rowsOf(topics).map((r) => r[0])).toEqual(expect.arrayContaining(['clicks', 'counts']));
    expect(desc).toMatchObject({ kind: 'table', rows: [['user', 'string', 'key'], ['page', 'string', ''], ['ts', 'timestamp', 'event time']] });
    const [explained] = ok(await e.execute(`EXPLAIN SELECT user, count(*) AS n FROM clicks[SIZE 10 ADVANCE 10 ON ts] GROUP BY user;`));
    expect(explained).toMatchObject({ kind: 'explain', text: expect.stringContaining('topic clicks') });
  });

  it('keeps the catalog in the coordinator and resumes the query after a restart, exactly', async () => {
    let e = await open();
    ok(await e.execute(DDL));
    await clicks([['ann', 1], ['ann', 2], ['bob', 3], ['ann', 14]]);
    await until(() => e.runningQueries.length === 1);
    await new Promise((r) => setTimeout(r, 300));
    await shut();

    e = await open();
    expect(e.runningQueries).toHaveLength(1);
    const [s] = ok(await e.execute('SHOW STREAMS;'));
    expect(rowsOf(s).map((r) => r[0]).sort()).toEqual(['clicks', 'counts']);
    // the same script again: declarations and the query are already there
    const again = ok(await e.execute(DDL));
    expect(again[0]).toMatchObject({ message: 'Stream clicks already exists (unchanged)' });
    expect(again[1]).toMatchObject({ message: expect.stringMatching(/already runs this statement/) });
    await clicks([['bob', 16], ['ann', 25], ['bob', 40]]);
    await clicks([['ann', 41]]);
    expect(await until(async () => (await counts()).size >= 5)).toBe(true);
    expect(await counts()).toEqual(
      new Map([
        ['ann@1970-01-01T00:00:00.000Z', 2],
        ['bob@1970-01-01T00:00:00.000Z', 1],
        ['ann@1970-01-01T00:00:10.000Z', 1],
        ['bob@1970-01-01T00:00:10.000Z', 1],
        ['ann@1970-01-01T00:00:20.000Z', 1],
      ]),
    );
    const [term] = ok(await e.execute(`TERMINATE ${e.runningQueries[0]!};`));
    expect(term).toMatchObject({ message: expect.stringMatching(/terminated/) });
    expect(e.runningQueries).toHaveLength(0);
  });

  it('a memory table written by a persistent query keeps its rows across a restart', async () => {
    let e = await open();
    ok(
      await e.execute(`CREATE STREAM pay (user string, amount long);
CREATE MEMORY TABLE balance (user string, total long, PRIMARY KEY (user));
INSERT INTO balance SELECT user, amount AS total FROM pay ON DUPLICATE KEY UPDATE total = balance.total + total RETURNING user, total INTO balances;
INSERT INTO pay VALUES ('ann', 5), ('ann', 7);`),
    );
    expect(await until(async () => (await readTopic(log, 'balances')).length === 2)).toBe(true);
    await shut();
    e = await open();
    ok(await e.execute(`INSERT INTO pay VALUES ('ann', 100);`));
    expect(await until(async () => (await readTopic(log, 'balances')).length === 3)).toBe(true);
    expect((await readTopic(log, 'balances')).map((r) => JSON.parse(r.value!) as unknown)).toEqual([
      { user: 'ann', total: 5 },
      { user: 'ann', total: 12 },
      { user: 'ann', total: 112 },
    ]);
  });

  it('a changelog aggregate with count_distinct and median keeps its state across a restart', async () => {
    let e = await open();
    ok(
      await e.execute(`CREATE STREAM obs (user string, x long);
SELECT user, count_distinct(x) AS d, median(x) AS m, count(*) AS n FROM obs GROUP BY user INTO stats;
INSERT INTO obs VALUES ('ann', 5), ('ann', 7), ('ann', 5), ('bob', 1);`),
    );
    expect(await until(async () => (await readTopic(log, 'stats')).length === 4)).toBe(true);
    await shut();
    e = await open();
    ok(await e.execute(`INSERT INTO obs VALUES ('ann', 100), ('bob', 3);`));
    expect(await until(async () => (await readTopic(log, 'stats')).length === 6)).toBe(true);
    expect((await readTopic(log, 'stats')).slice(4).map((r) => JSON.parse(r.value!) as unknown)).toEqual([
      { user: 'ann', d: 3, m: 6, n: 4 },
      { user: 'bob', d: 2, m: 2, n: 2 },
    ]);
  });

  it('a query over a FILE (relative to its script) runs to completion once and is not resumed after a restart', async () => {
    let e = await open();
    const { mkdir } = await import('node:fs/promises');
    await mkdir(join(t.dir, 'scripts', 'data'), { recursive: true });
    await writeFile(join(t.dir, 'scripts', 'data', 'orders.jsonl'), ['{"id":1,"qty":5}', '{"id":2,"qty":50}', '{"id":3,"qty":70}'].join('\n'));
    await writeFile(join(t.dir, 'scripts', 'big.sql'), `CREATE INPUT STREAM orders (id int, qty int) WITH (FILE = 'data/orders.jsonl');\nSELECT id, qty FROM orders WHERE qty > 10 INTO big_orders;\n`);
    ok(await e.execute(`RUN SCRIPT 'scripts/big.sql';`));
    expect(await until(async () => rowsOf((await e.execute('SHOW QUERIES;'))[0]).some((r) => r[2] === 'COMPLETED'))).toBe(true);
    expect((await readTopic(log, 'big_orders')).map((r) => r.value)).toEqual(['{"id":2,"qty":50}', '{"id":3,"qty":70}']);
    await shut();
    e = await open();
    expect(e.runningQueries).toEqual([]);
    await new Promise((r) => setTimeout(r, 300));
    expect(await readTopic(log, 'big_orders')).toHaveLength(2);
  });

  it('push queries: rows as they are inserted, from the end by default, from the start with SET earliest', async () => {
    const e = await open();
    ok(await e.execute(`CREATE STREAM s (id int, name string); INSERT INTO s VALUES (1, 'old');`));
    const seen: unknown[][] = [];
    const abort = new AbortController();
    let columns: unknown;
    const ended = e.push('SELECT id, name FROM s WHERE id > 1;', {
      signal: abort.signal,
      onStart: (info) => (columns = info.columns),
      onRow: (r) => seen.push([...r]),
    });
    await until(() => columns !== undefined);
    expect(columns).toEqual([{ name: 'id', type: 'int' }, { name: 'name', type: 'string' }]);
    ok(await e.execute(`INSERT INTO s VALUES (2, 'two'), (3, 'three'), (1, 'skipped');`));
    expect(await until(() => seen.length === 2)).toBe(true);
    const [q] = ok(await e.execute('SHOW QUERIES;'));
    expect(rowsOf(q)).toEqual([expect.arrayContaining(['push_1', 'push'])]);
    abort.abort();
    expect(await ended).toEqual({ reason: 'cancelled', rows: 2 });
    expect(seen).toEqual([[2, 'two'], [3, 'three']]);

    const all: unknown[][] = [];
    const abort2 = new AbortController();
    const ended2 = e.push('SELECT id FROM s;', { signal: abort2.signal, properties: { 'auto.offset.reset': 'earliest' }, onRow: (r) => all.push([...r]) });
    expect(await until(() => all.length === 4)).toBe(true);
    abort2.abort();
    await ended2;
    expect(all.map((r) => r[0]).sort()).toEqual([1, 1, 2, 3]);
  });

  it('SET holds for the rest of its script and comes back as a change; it never leaks into later execute() calls', async () => {
    const e = await open();
    const seen: Record<string, string>[] = [];
    const onPushQuery = (_sql: string, p: Readonly<Record<string, string>>): string => (seen.push({ ...p }), 'started');
    const res = ok(await e.execute(`CREATE STREAM p (x int);\nSET 'auto.offset.reset' = 'EARLIEST';\nSELECT x FROM p;`, { onPushQuery }));
    expect(res[1]).toMatchObject({ kind: 'message', property: { name: 'auto.offset.reset', value: 'earliest' } });
    ok(await e.execute('SELECT x FROM p;', { onPushQuery }));
    ok(await e.execute('SELECT x FROM p;', { onPushQuery, properties: { 'auto.offset.reset': 'earliest' } }));
    expect(seen).toEqual([{ 'auto.offset.reset': 'earliest' }, {}, { 'auto.offset.reset': 'earliest' }]);
  });

  it('errors come back as results with code, line and column; the statements after them still run', async () => {
    const e = await open();
    const res = await e.execute(`CREATE STREAM a (x int);\nSELECT y FROM a INTO b;\nSELEC x FROM a;\nSELECT x FROM a;\nTERMINATE q999;\nSET 'auto.offset.reset' = 'sideways';\nCREATE STREAM c (x int);`);
    expect(res.map((r) => r.kind)).toEqual(['message', 'error', 'error', 'error', 'error', 'error', 'message']);
    expect(res[1]).toMatchObject({ error: { code: 'GALE_ERR_SQL_UNKNOWN_FIELD', line: 2, column: 8 } });
    expect(res[2]).toMatchObject({ error: { code: 'GALE_ERR_SQL_UNEXPECTED_TOKEN', line: 3, column: 1 } });
    expect(res[3]).toMatchObject({ error: { code: 'GALE_ERR_ENGINE_PUSH_QUERY' } });
    expect(res[4]).toMatchObject({ error: { code: 'GALE_ERR_ENGINE_UNKNOWN_QUERY' } });
    expect(res[5]).toMatchObject({ error: { code: 'GALE_ERR_ENGINE_PROPERTY' } });
    await expect(e.push('CREATE STREAM z (x int);', { signal: new AbortController().signal, onRow: () => {} })).rejects.toMatchObject({
      error: { code: 'GALE_ERR_ENGINE_NOT_PUSH_QUERY' },
    });
  });

  it('RUN SCRIPT runs a file relative to the engine; INSERT ... VALUES lands where a Kafka producer keyed the same would', async () => {
    const e = await open();
    await writeFile(join(t.dir, 'setup.sql'), `CREATE STREAM k (user string, n int) WITH (PARTITIONS = 4, KEY = 'user');\nINSERT INTO k VALUES ('ann', 1), ('bob', 2), ('cy', 3);\n`);
    const res = ok(await e.execute(`RUN SCRIPT 'setup.sql';`));
    expect(res[0]).toMatchObject({ message: 'Ran setup.sql: 2 statements' });
    const recs = await readTopic(log, 'k');
    const { kafkaPartition } = await import('../../../src/runtime/murmur2.js');
    expect(recs.map((r) => [r.key, r.partition]).sort()).toEqual(
      ['ann', 'bob', 'cy'].map((u) => [u, kafkaPartition(Buffer.from(u), 4)]).sort(),
    );
    expect(JSON.parse(recs.find((r) => r.key === 'bob')!.value!)).toEqual({ user: 'bob', n: 2 });
  });
});
