/**
 * The HTTP API's own behaviour over a scripted in-memory engine: framing of
 * results and NDJSON push queries, a disconnect stopping the query, a slow
 * reader having its query stopped, bad input answered with JSON errors
 * (never a stack, never the server down), and HttpEngineClient over it.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpEngineClient } from '../../../src/engine/http/client.js';
import { HttpApiServer } from '../../../src/engine/http/server.js';
import { StatementFailed } from '../../../src/engine/statement-errors.js';
import { eventually, httpJson, streamQuery } from './http-helpers.js';
import { ScriptedEngine } from './scripted-engine.js';

let engine: ScriptedEngine;
let server: HttpApiServer;
const warnings: string[] = [];

beforeAll(async () => {
  engine = new ScriptedEngine();
  server = await HttpApiServer.start({
    engine,
    port: 0,
    maxBodyBytes: 64 * 1024,
    maxBufferedBytes: 64 * 1024,
    logger: { info: () => {}, warn: (m) => warnings.push(m) },
  });
  await engine.execute("CREATE STREAM trades (sym string, price double, at timestamp); CREATE STREAM fixed (n int) WITH (FILE = 'x');");
});

afterAll(async () => {
  await server.close();
});

describe('POST /ksql', () => {
  it('runs statements and answers one result each', async () => {
    const r = await httpJson(server.port, 'POST', '/ksql', JSON.stringify({ ksql: "INSERT INTO trades VALUES ('a', 1.5, 0); SHOW STREAMS;" }));
    expect(r.status).toBe(200);
    expect(r.body).toEqual([
      { kind: 'message', statement: "INSERT INTO trades VALUES ('a', 1.5, 0)", message: 'Inserted 1 rows into trades' },
      { kind: 'table', statement: 'SHOW STREAMS', columns: ['Stream Name'], rows: [['trades'], ['fixed']] },
    ]);
  });

  it('passes streamsProperties to the engine', async () => {
    await httpJson(server.port, 'POST', '/ksql', JSON.stringify({ ksql: 'SHOW STREAMS;', streamsProperties: { 'auto.offset.reset': 'earliest', n: 3 } }));
    expect(engine.lastProperties).toEqual({ 'auto.offset.reset': 'earliest', n: '3' });
  });

  it('answers a SQL error with 400, its code and position, and every result', async () => {
    const r = await httpJson(server.port, 'POST', '/ksql', JSON.stringify({ ksql: 'SHOW STREAMS;\nINSERT INTO nope VALUES (1);' }));
    expect(r.status).toBe(400);
    const body = r.body as { error: Record<string, unknown>; results: unknown[] };
    expect(body.error).toMatchObject({ code: 'GALE_ERR_TEST_UNKNOWN_STREAM', line: 2, column: 13 });
    expect(body.results).toHaveLength(2);
    expect(r.text).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });

  it('answers a syntax error with its position', async () => {
    const r = await httpJson(server.port, 'POST', '/ksql', JSON.stringify({ ksql: 'SELEC * FROM trades;' }));
    expect(r.status).toBe(400);
    expect((r.body as { error: unknown }).error).toMatchObject({ code: 'GALE_ERR_SQL_UNEXPECTED_TOKEN', line: 1, column: 1 });
  });

  it('answers an engine bug with 500 and no stack trace, and logs it', async () => {
    const r = await httpJson(server.port, 'POST', '/ksql', JSON.stringify({ ksql: 'CREATE STREAM crash (a int);' }));
    expect(r.status).toBe(500);
    expect(r.body).toEqual({ error: { code: 'GALE_ERR_HTTP_INTERNAL', message: 'internal error: boom' } });
    expect(warnings.some((w) => w.includes('boom'))).toBe(true);
  });
});

describe('bad requests', () => {
  it.each([
    ['malformed JSON', 'POST', '/ksql', '{"ksql": "SHOW STREAMS;"', 400, 'GALE_ERR_HTTP_MALFORMED_JSON'],
    ['an empty body', 'POST', '/ksql', '', 400, 'GALE_ERR_HTTP_BAD_REQUEST'],
    ['a JSON array', 'POST', '/ksql', '[1,2]', 400, 'GALE_ERR_HTTP_BAD_REQUEST'],
    ['no ksql field', 'POST', '/ksql', '{"sql2": "x"}', 400, 'GALE_ERR_HTTP_BAD_REQUEST'],
    ['ksql not a string', 'POST', '/ksql', '{"ksql": 42}', 400, 'GALE_ERR_HTTP_BAD_REQUEST'],
    ['properties not an object', 'POST', '/ksql', '{"ksql": "SHOW STREAMS;", "streamsProperties": [1]}', 400, 'GALE_ERR_HTTP_BAD_REQUEST'],
    ['an unknown endpoint', 'GET', '/nope', undefined, 404, 'GALE_ERR_HTTP_NOT_FOUND'],
    ['the wrong method', 'GET', '/ksql', undefined, 405, 'GALE_ERR_HTTP_METHOD_NOT_ALLOWED'],
    ['a non-push statement to /query', 'POST', '/query', '{"sql": "SHOW STREAMS;"}', 400, 'GALE_ERR_HTTP_NOT_A_PUSH_QUERY'],
    ['two queries to /query', 'POST', '/query', '{"sql": "SELECT * FROM trades; SELECT * FROM trades;"}', 400, 'GALE_ERR_HTTP_NOT_A_PUSH_QUERY'],
  ])('%s gets a JSON error', async (_what, method, path, body, status, code) => {
    const r = await httpJson(server.port, method, path, body);
    expect(r.status).toBe(status);
    expect((r.body as { error: { code: string } }).error.code).toBe(code);
  });

  it('refuses a body over the limit with 413', async () => {
    const big = JSON.stringify({ ksql: `SHOW STREAMS; -- ${'x'.repeat(100_000)}` });
    const r = await httpJson(server.port, 'POST', '/ksql', big);
    expect(r.status).toBe(413);
    expect((r.body as { error: { code: string } }).error.code).toBe('GALE_ERR_HTTP_BODY_TOO_LARGE');
  });

  it('refuses a body that is not JSON by content type', async () => {
    const r = await httpJson(server.port, 'POST', '/ksql', '<xml/>', { 'content-type': 'application/xml' });
    expect(r.status).toBe(415);
  });

  it('survives garbage on the socket and keeps serving', async () => {
    await new Promise<void>((resolve) => {
      const s = connect(server.port, '127.0.0.1', () => s.write('\x00\x01GARBAGE \r\n\r\n'));
      s.on('data', () => {});
      s.on('close', () => resolve());
      s.on('error', () => resolve());
    });
    const info = await httpJson(server.port, 'GET', '/info');
    expect(info.status).toBe(200);
    expect(info.body).toMatchObject({ server: 'gale', status: 'RUNNING' });
    const root = await httpJson(server.port, 'GET', '/');
    expect((root.body as { endpoints: string[] }).endpoints).toEqual(expect.arrayContaining(['POST /ksql', 'POST /query', 'GET /queries']));
  });
});

describe('push queries over NDJSON', () => {
  it('streams a header then rows as they are inserted; hanging up stops the query', async () => {
    const cancelledBefore = engine.cancelled;
    const q = await streamQuery(server.port, { sql: 'SELECT * FROM trades;' });
    expect(q.status).toBe(200);
    expect(q.contentType).toBe('application/x-ndjson');
    const header = (await q.next()) as { queryId: string; columnNames: string[]; columnTypes: string[] };
    expect(header.columnNames).toEqual(['sym', 'price', 'at']);
    expect(header.columnTypes).toEqual(['string', 'double', 'timestamp']);
    // the row inserted earlier, timestamps as ISO-8601 UTC
    expect(await q.next()).toEqual(['a', 1.5, '1970-01-01T00:00:00.000Z']);
    await engine.execute("INSERT INTO trades VALUES ('b', 2.25, 1000), ('c', NULL, 2000);");
    expect(await q.next()).toEqual(['b', 2.25, '1970-01-01T00:00:01.000Z']);
    expect(await q.next()).toEqual(['c', null, '1970-01-01T00:00:02.000Z']);
    expect(engine.running.has(header.queryId)).toBe(true);
    q.hangUp();
    await eventually(() => engine.cancelled === cancelledBefore + 1 && !engine.running.has(header.queryId), 'the query to stop');
  });

  it('ends with an end line when the query completes', async () => {
    await engine.execute('INSERT INTO fixed VALUES (1), (2);');
    const q = await streamQuery(server.port, { ksql: 'SELECT * FROM fixed;' }, '/query');
    expect(await q.next()).toMatchObject({ columnNames: ['n'], columnTypes: ['int'] });
    expect(await q.next()).toEqual([1]);
    expect(await q.next()).toEqual([2]);
    expect(await q.next()).toEqual({ end: { reason: 'completed', rows: 2 } });
    expect(await q.next()).toBeUndefined();
  });

  it('sends blank keep-alive lines while a query is quiet', async () => {
    const quiet = await HttpApiServer.start({ engine, port: 0, keepAliveMs: 25 });
    try {
      await engine.execute('CREATE STREAM quiet (x int);');
      const q = await streamQuery(quiet.port, { sql: 'SELECT * FROM quiet;' });
      let raw = '';
      q.res.on('data', (c: string) => (raw += c));
      expect(await q.next()).toMatchObject({ columnNames: ['x'] });
      // (the header may have arrived before this listener: a blank line is a lone \n either way)
      await eventually(() => /(^|\n)\n$/.test(raw), 'a blank line after the header');
      await engine.execute('INSERT INTO quiet VALUES (7);');
      expect(await q.next()).toEqual([7]);
      q.hangUp();
    } finally {
      await quiet.close();
    }
  });

  it('answers a query that does not start with 400 and the position', async () => {
    const r = await httpJson(server.port, 'POST', '/query', JSON.stringify({ sql: 'SELECT *\nFROM   nope;' }));
    expect(r.status).toBe(400);
    expect((r.body as { error: unknown }).error).toMatchObject({ code: 'GALE_ERR_TEST_UNKNOWN_STREAM', line: 2, column: 8 });
  });

  it('stops the query of a client that does not read', async () => {
    const q = await streamQuery(server.port, { sql: 'SELECT * FROM trades;' });
    const header = (await q.next()) as { queryId: string };
    q.res.pause();
    const stream = engine.streams.get('trades')!;
    const wide = 'w'.repeat(16 * 1024);
    // far more than the socket buffers and the server's 64 KiB allowance hold
    for (let i = 0; i < 4000 && engine.running.has(header.queryId); i++) {
      for (const l of stream.listeners) l([wide, i, i]);
      if (i % 100 === 0) await new Promise((r) => setImmediate(r));
    }
    await eventually(() => !engine.running.has(header.queryId), 'the slow reader\'s query to stop');
    expect(warnings.some((w) => w.includes('not reading'))).toBe(true);
    q.hangUp();
  });
});

describe('HttpEngineClient', () => {
  it('executes statements, including failed ones, as results', async () => {
    const client = new HttpEngineClient({ url: `http://127.0.0.1:${server.port}` });
    const results = await client.execute('SHOW STREAMS; INSERT INTO nope VALUES (1);');
    expect(results.map((r) => r.kind)).toEqual(['table', 'error']);
    const names = await client.completions();
    expect(names.streams).toEqual(expect.arrayContaining(['trades', 'fixed']));
    expect(names.columns['trades']).toEqual(['sym', 'price', 'at']);
  });

  it('runs a push query: header, rows (timestamps back to epoch ms), abort stops it on the server', async () => {
    const client = new HttpEngineClient({ url: `http://127.0.0.1:${server.port}` });
    const abort = new AbortController();
    const rows: unknown[][] = [];
    let queryId = '';
    const done = client.push('SELECT * FROM trades;', {
      signal: abort.signal,
      onStart: (info) => {
        queryId = info.queryId;
        expect(info.columns).toEqual([
          { name: 'sym', type: 'string' },
          { name: 'price', type: 'double' },
          { name: 'at', type: 'timestamp' },
        ]);
      },
      onRow: (row) => rows.push([...row]),
    });
    await eventually(() => rows.length >= 3, 'the replayed rows');
    expect(rows[0]).toEqual(['a', 1.5, 0]);
    await engine.execute("INSERT INTO trades VALUES ('d', 4.0, 4000);");
    await eventually(() => rows.some((r) => r[0] === 'd'), 'the new row');
    expect(rows.find((r) => r[0] === 'd')).toEqual(['d', 4, 4000]);
    abort.abort();
    const end = await done;
    expect(end.reason).toBe('cancelled');
    await eventually(() => !engine.running.has(queryId), 'the server-side query to stop');
  });

  it('completes a bounded query and rejects one that does not start with the statement error', async () => {
    const client = new HttpEngineClient({ url: `http://127.0.0.1:${server.port}` });
    const rows: unknown[][] = [];
    const end = await client.push('SELECT * FROM fixed;', { signal: new AbortController().signal, onRow: (r) => rows.push([...r]) });
    expect(end).toEqual({ reason: 'completed', rows: 2 });
    const err = await client.push('SELECT * FROM nope;', { signal: new AbortController().signal, onRow: () => {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StatementFailed);
    expect((err as StatementFailed).error).toMatchObject({ code: 'GALE_ERR_TEST_UNKNOWN_STREAM', line: 1, column: 15 });
  });

  it('says clearly when the server cannot be reached', async () => {
    const client = new HttpEngineClient({ url: 'http://127.0.0.1:1' });
    await expect(client.execute('SHOW STREAMS;')).rejects.toMatchObject({ code: 'GALE_ERR_HTTP_UNREACHABLE' });
  });
});
