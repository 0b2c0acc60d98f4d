/**
 * The HTTP API of a real `gale serve` (child process, the real engine over
 * the embedded log and coordinator): statements, a push query streaming
 * NDJSON rows as they are inserted, a disconnect stopping the query on the
 * server, SQL errors with positions, malformed input, and HttpEngineClient.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpEngineClient } from '../../../src/engine/http/client.js';
import { StatementFailed } from '../../../src/engine/statement-errors.js';
import { startGaleServe } from '../../helpers/gale-serve.js';
import type { GaleServe } from '../../helpers/gale-serve.js';
import { eventually, httpJson, streamQuery } from './http-helpers.js';

let gale: GaleServe;
let port: number;

beforeAll(async () => {
  gale = await startGaleServe({ args: ['--kafka-port', '-1', '--zk-port', '-1'] });
  port = gale.httpPort!;
});

afterAll(async () => {
  if (gale !== undefined) {
    await gale.stop();
    gale.cleanup();
  }
});

async function ksql(sql: string, streamsProperties?: Record<string, string>): Promise<{ status: number; body: unknown }> {
  return httpJson(port, 'POST', '/ksql', JSON.stringify({ ksql: sql, ...(streamsProperties === undefined ? {} : { streamsProperties }) }));
}

interface QueriesTable {
  columns: string[];
  rows: unknown[][];
}

async function runningQueryIds(): Promise<string[]> {
  const r = await httpJson(port, 'GET', '/queries');
  const t = r.body as QueriesTable;
  return t.rows.map((row) => String(row[t.columns.indexOf('id')]));
}

describe('gale serve HTTP API', () => {
  it('announces itself in the ready line and answers /info and /healthcheck', async () => {
    expect(gale.httpPort).toBeGreaterThan(0);
    expect((await httpJson(port, 'GET', '/info')).body).toMatchObject({ server: 'gale', status: 'RUNNING' });
    const health = await httpJson(port, 'GET', '/healthcheck');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ isHealthy: true });
  });

  it('runs statements: declare, insert, a persistent query, SHOW via the convenience endpoints', async () => {
    const r = await ksql(
      'CREATE STREAM clicks (usr string, n int, at timestamp);\n' +
        "INSERT INTO clicks VALUES ('ann', 1, '2024-05-01T10:00:00Z'), ('bob', 5, 1714557600000);\n" +
        'SELECT usr, n * 10 AS n10 FROM clicks WHERE n > 2 INTO big_clicks;',
    );
    expect(r.status).toBe(200);
    const results = r.body as { kind: string; message?: string; queryId?: string }[];
    expect(results.map((x) => x.kind)).toEqual(['message', 'message', 'message']);
    expect(results[2]!.queryId).toBeDefined();
    const streams = (await httpJson(port, 'GET', '/streams')).body as QueriesTable;
    expect(streams.rows.map((row) => row[0])).toEqual(expect.arrayContaining(['clicks', 'big_clicks']));
    expect(await runningQueryIds()).toContain(results[2]!.queryId);
    const topics = (await httpJson(port, 'GET', '/topics')).body as QueriesTable;
    expect(topics.rows.map((row) => row[0])).toEqual(expect.arrayContaining(['clicks', 'big_clicks']));
  });

  it('streams a push query as NDJSON while rows arrive; hanging up stops it on the server', async () => {
    const q = await streamQuery(port, { sql: 'SELECT usr, n, at FROM clicks WHERE n >= 2;', properties: { 'auto.offset.reset': 'earliest' } });
    expect(q.status).toBe(200);
    expect(q.contentType).toBe('application/x-ndjson');
    const header = (await q.next()) as { queryId: string; columnNames: string[]; columnTypes: string[] };
    expect(header.columnNames).toEqual(['usr', 'n', 'at']);
    expect(header.columnTypes).toEqual(['string', 'int', 'timestamp']);
    // the earlier row, from the start of the topic
    expect(await q.next()).toEqual(['bob', 5, '2024-05-01T10:00:00.000Z']);
    expect(await runningQueryIds()).toContain(header.queryId);
    await ksql("INSERT INTO clicks VALUES ('cy', 1, 0), ('dee', 2, 1000);");
    expect(await q.next()).toEqual(['dee', 2, '1970-01-01T00:00:01.000Z']);
    q.hangUp();
    await eventually(async () => !(await runningQueryIds()).includes(header.queryId), 'the push query to stop after the hang-up');
  });

  it('keeps SET per client: one client SETs earliest, another client\'s push query still starts at latest', async () => {
    // client A: SET comes back as a change for A to keep, not as server-wide state
    const set = await ksql("SET 'auto.offset.reset' = 'earliest';");
    expect(set.status).toBe(200);
    expect(set.body).toEqual([expect.objectContaining({ kind: 'message', property: { name: 'auto.offset.reset', value: 'earliest' } })]);
    // client B sends no properties: its push query starts at the end of the topic
    const q = await streamQuery(port, { sql: 'SELECT usr, n FROM clicks;' });
    expect(q.status).toBe(200);
    const header = (await q.next()) as { queryId: string };
    await ksql("INSERT INTO clicks VALUES ('eve', 7, 5000);");
    expect(await q.next()).toEqual(['eve', 7]);
    q.hangUp();
    await eventually(async () => !(await runningQueryIds()).includes(header.queryId), 'the push query to stop after the hang-up');
    // client A, sending its session properties, reads from the start
    const a = await streamQuery(port, { sql: 'SELECT usr, n FROM clicks;', properties: { 'auto.offset.reset': 'earliest' } });
    await a.next();
    expect(await a.next()).toEqual(['ann', 1]);
    a.hangUp();
  });

  it('answers SQL errors with 400, code, line and column', async () => {
    const bad = await ksql('CREATE STREAM ok1 (a int);\nSELECT nope FROM clicks INTO x;');
    expect(bad.status).toBe(400);
    const body = bad.body as { error: { code: string; line: number; column: number }; results: { kind: string }[] };
    expect(body.error).toMatchObject({ line: 2, column: 8 });
    expect(body.error.code).toMatch(/^GALE_ERR_SQL_/);
    expect(body.results.map((x) => x.kind)).toEqual(['message', 'error']);

    const q = await httpJson(port, 'POST', '/query', JSON.stringify({ sql: 'SELECT *\n  FROM missing;' }));
    expect(q.status).toBe(400);
    expect((q.body as { error: unknown }).error).toMatchObject({ code: 'GALE_ERR_SQL_UNKNOWN_STREAM', line: 2, column: 8 });

    const persistent = await httpJson(port, 'POST', '/query', JSON.stringify({ sql: 'SELECT * FROM clicks INTO y;' }));
    expect(persistent.status).toBe(400);
    expect((persistent.body as { error: { code: string } }).error.code).toBe('GALE_ERR_HTTP_NOT_A_PUSH_QUERY');
    const pushToKsql = await ksql('SELECT * FROM clicks;');
    expect(pushToKsql.status).toBe(400);
    expect((pushToKsql.body as { error: { code: string } }).error.code).toBe('GALE_ERR_ENGINE_PUSH_QUERY');
  });

  it('answers malformed input with JSON errors and stays up', async () => {
    const cases: [string, number][] = [
      ['{"ksql": ', 400],
      ['"just a string"', 400],
      [JSON.stringify({ ksql: 'SHOW STREAMS;', streamsProperties: 'x' }), 400],
      [JSON.stringify({ ksql: `SHOW STREAMS; -- ${'x'.repeat(2 * 1024 * 1024)}` }), 413],
    ];
    for (const [body, status] of cases) {
      const r = await httpJson(port, 'POST', '/ksql', body);
      expect(r.status).toBe(status);
      expect((r.body as { error: { code: string } }).error.code).toMatch(/^GALE_ERR_HTTP_/);
      expect(r.text).not.toMatch(/\bat .*\.(ts|js):\d+/);
    }
    expect((await httpJson(port, 'GET', '/info')).status).toBe(200);
  });

  it('serves HttpEngineClient: results, completions, a push query stopped by abort', async () => {
    const client = new HttpEngineClient({ url: `http://127.0.0.1:${port}` });
    const names = await client.completions();
    expect(names.streams).toEqual(expect.arrayContaining(['clicks', 'big_clicks']));
    expect(names.columns['clicks']).toEqual(['usr', 'n', 'at']);

    const abort = new AbortController();
    const rows: unknown[][] = [];
    let queryId = '';
    const done = client.push('SELECT usr, n10 FROM big_clicks;', {
      properties: { 'auto.offset.reset': 'earliest' },
      signal: abort.signal,
      onStart: (info) => {
        queryId = info.queryId;
      },
      onRow: (row) => rows.push([...row]),
    });
    await eventually(() => rows.length > 0, 'the persistent query\'s output');
    expect(rows[0]).toEqual(['bob', 50]);
    expect(await runningQueryIds()).toContain(queryId);
    abort.abort();
    expect((await done).reason).toBe('cancelled');
    await eventually(async () => !(await runningQueryIds()).includes(queryId), 'the push query to stop after abort');

    const failed = await client.push('SELECT x FROM clicks;', { signal: new AbortController().signal, onRow: () => {} }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(StatementFailed);
    expect((failed as StatementFailed).error).toMatchObject({ line: 1, column: 8 });
  });
});
