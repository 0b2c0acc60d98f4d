/**
 * `gale repl` through a pseudo-terminal, as a person uses it, against the
 * real engine: embedded (its own log and coordinator in --data-dir), and
 * `--server` against a running `gale serve`. Declare a stream, insert rows,
 * watch a push query live, Ctrl-C stops the query and not the REPL, SHOW
 * QUERIES; also errors with a caret, completion, history, the ways out, and
 * a second session over the same data dir finding its query running again.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { galeBin, startGaleServe } from '../../helpers/gale-serve.js';
import type { GaleServe } from '../../helpers/gale-serve.js';
import { eventually, httpJson } from '../http/http-helpers.js';
import { PtyDriver } from './pty-driver.js';

let dir: string;
const drivers: PtyDriver[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gale-repl-'));
});

afterAll(() => {
  for (const d of drivers) d.kill();
  rmSync(dir, { recursive: true, force: true });
});

function repl(args: readonly string[], historyFile: string): PtyDriver {
  const d = new PtyDriver({ args: [galeBin, 'repl', ...args], env: { GALE_HISTORY: historyFile } });
  drivers.push(d);
  return d;
}

describe('gale repl (embedded engine) on a terminal', () => {
  it('declares a stream, inserts, watches a push query, stops it with Ctrl-C, shows queries', async () => {
    const dataDir = join(dir, 'data');
    const history = join(dir, 'history-embedded');
    const d = repl(['--data-dir', dataDir], history);
    await d.expect('embedded engine');
    await d.expect('gale> ');

    d.line('CREATE STREAM trades (sym string,');
    await d.expect('...> ');
    d.line('  price double, at timestamp);');
    await d.expect('Stream trades created');
    await d.expect('gale> ');
    d.line("INSERT INTO trades VALUES ('ACME', 12.5, '2024-05-01T10:00:00Z'), ('GLOBEX', 7.25, '2024-05-01T10:00:01Z');");
    await d.expect('Inserted 2 rows');
    await d.expect('gale> ');
    d.line("SET 'auto.offset.reset' = 'earliest';");
    await d.expect('gale> ');

    d.line('SELECT sym, price, at FROM trades WHERE price > 5;');
    await d.expect('Press Ctrl-C to stop the query.');
    const table = await d.expect(/\| GLOBEX .*\|\n/);
    expect(table).toMatch(/\| sym\s+\| price\s+\| at\s+\|/);
    expect(table).toMatch(/\| ACME\s+\|\s+12\.5 \| 2024-05-01T10:00:00\.000Z \|/);
    expect(table).toMatch(/\| GLOBEX\s+\|\s+7\.25 \| 2024-05-01T10:00:01\.000Z \|/);
    d.ctrlC();
    await d.expect('Query stopped: 2 rows');
    await d.expect('gale> ');

    d.line('SELECT sym, price * 2 AS dbl FROM trades WHERE price > 10 INTO big;');
    const created = await d.expect(/Created query (\w+)/);
    const queryId = /Created query (\w+)/.exec(created)![1]!;
    await d.expect('gale> ');
    d.line('SHOW QUERIES;');
    const shown = await d.expect('1 row');
    expect(shown).toMatch(new RegExp(`\\| ${queryId}\\s+\\| persistent \\| RUNNING .*INTO big;`));
    await d.expect('gale> ');

    // an error points at its column, and the session goes on
    d.line('SELECT sym, volume');
    await d.expect('...> ');
    d.line('  FROM trades;');
    const err = await d.expect(/\^\n/);
    expect(err).toMatch(/Error at line 1, column 13: .*volume.* \[GALE_ERR_SQL_\w+\]/);
    expect(err).toContain('  1 | SELECT sym, volume\n    |             ^');
    await d.expect('gale> ');

    // completion: a keyword in the case typed, then a stream the engine knows
    d.type('describe tra\t');
    await d.expect('describe trades');
    d.type(';\r');
    await d.expect(/\| price\s+\| double/);
    await d.expect('gale> ');
    d.type('SHOW QUER\t');
    await d.expect('SHOW QUERIES');
    d.ctrlC();
    await d.expect('gale> ');
    d.line('help');
    await d.expect('Statements end with');
    await d.expect('gale> ');

    d.line('exit');
    expect(await d.exited).toBe(0);
    const saved = readFileSync(history, 'utf8').split('\n');
    expect(saved).toContain('CREATE STREAM trades (sym string, price double, at timestamp);');

    // a new session over the same data: the catalog is there, the query runs again,
    // and its output holds what it computed; history from before is offered
    const again = repl(['--data-dir', dataDir], history);
    await again.expect('gale> ');
    again.line('SHOW QUERIES;');
    expect(await again.expect('1 row')).toMatch(new RegExp(`\\| ${queryId}\\s+\\| persistent \\| RUNNING`));
    await again.expect('gale> ');
    again.line("SET 'auto.offset.reset' = 'earliest';");
    await again.expect('gale> ');
    again.line('SELECT * FROM big;');
    await again.expect(/\| ACME\s+\|\s+25 \|/);
    again.ctrlC();
    await again.expect('Query stopped: 1 row');
    await again.expect('gale> ');
    again.type('\x1b[A');
    await again.expect('SELECT * FROM big;');
    // Ctrl-C drops the line; at an empty prompt it says how to leave; twice leaves
    again.ctrlC();
    await again.expect('gale> ');
    again.ctrlC();
    await again.expect('(To leave, press Ctrl-C again or Ctrl-D, or type exit)');
    again.ctrlC();
    expect(await again.exited).toBe(0);
  });
});

describe('gale repl --server on a terminal', () => {
  let gale: GaleServe | undefined;

  afterAll(async () => {
    if (gale !== undefined) {
      await gale.stop();
      gale.cleanup();
    }
  });

  it('shows rows live as they arrive, Ctrl-C stops the query on the server, SHOW QUERIES', async () => {
    gale = await startGaleServe({ args: ['--kafka-port', '-1', '--zk-port', '-1'] });
    const port = gale.httpPort!;
    const d = repl(['--server', `http://127.0.0.1:${port}`], join(dir, 'history-server'));
    await d.expect(`at http://127.0.0.1:${port}`);
    await d.expect('gale> ');
    d.line('CREATE STREAM readings (sensor string, celsius double);');
    await d.expect('Stream readings created');
    await d.expect('gale> ');
    d.line("INSERT INTO readings VALUES ('s1', 20.5);");
    await d.expect('Inserted 1 row');
    await d.expect('gale> ');

    d.line('SELECT sensor, celsius * 9 / 5 + 32 AS fahrenheit FROM readings;');
    await d.expect('Press Ctrl-C to stop the query.');
    // the query is running on the server; rows inserted by someone else show up live
    let pushId = '';
    await eventually(async () => {
      const t = (await httpJson(port, 'GET', '/queries')).body as { columns: string[]; rows: unknown[][] };
      const row = t.rows.find((r) => r[t.columns.indexOf('kind')] === 'push');
      pushId = row === undefined ? '' : String(row[t.columns.indexOf('id')]);
      return row !== undefined;
    }, 'the push query to be listed');
    await httpJson(port, 'POST', '/ksql', JSON.stringify({ ksql: "INSERT INTO readings VALUES ('s2', 100.0), ('a-sensor-with-a-long-name', -40.0);" }));
    await d.expect(/\| s2\s+\|\s+212 \|/);
    await d.expect(/\| a-sensor-with-a-long-name \|\s+-40 \|/);

    d.ctrlC();
    await d.expect('Query stopped: 2 rows');
    await d.expect('gale> ');
    d.line('SHOW QUERIES;');
    await d.expect('0 rows');
    const ids = (await httpJson(port, 'GET', '/queries')).body as { rows: unknown[][] };
    expect(JSON.stringify(ids.rows)).not.toContain(pushId);
    await d.expect('gale> ');
    d.ctrlD();
    expect(await d.exited).toBe(0);
  });
});
