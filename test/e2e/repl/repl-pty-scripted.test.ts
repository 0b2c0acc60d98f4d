/**
 * `gale repl --server URL` through a pseudo-terminal, against an HTTP API
 * served in this process over the scripted engine (test/e2e/http): the
 * terminal side of the REPL — prompts, multi-line statements, the live
 * table, Ctrl-C stopping a query and not the REPL, completion, the caret
 * under an error, history kept in a file, the ways out.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpApiServer } from '../../../src/engine/http/server.js';
import { galeBin } from '../../helpers/gale-serve.js';
import { ScriptedEngine } from '../http/scripted-engine.js';
import { PtyDriver } from './pty-driver.js';

let engine: ScriptedEngine;
let server: HttpApiServer;
let dir: string;
const drivers: PtyDriver[] = [];

beforeAll(async () => {
  engine = new ScriptedEngine();
  server = await HttpApiServer.start({ engine, port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'gale-repl-'));
});

afterAll(async () => {
  for (const d of drivers) d.kill();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function repl(historyFile: string): PtyDriver {
  const d = new PtyDriver({
    args: [galeBin, 'repl', '--server', `http://127.0.0.1:${server.port}`],
    env: { GALE_HISTORY: historyFile },
  });
  drivers.push(d);
  return d;
}

describe('gale repl on a terminal', () => {
  it('declares a stream, inserts, watches a push query live, stops it with Ctrl-C, shows queries', async () => {
    const history = join(dir, 'history-1');
    const d = repl(history);
    await d.expect('gale> ');
    d.line('CREATE STREAM trades (sym string,');
    await d.expect('...> ');
    d.line('  price double, at timestamp);');
    await d.expect('Stream trades created');
    await d.expect('gale> ');
    d.line("INSERT INTO trades VALUES ('ACME', 12.5, 0), ('GLOBEX', 7.25, 1000);");
    await d.expect('Inserted 2 rows into trades');
    await d.expect('gale> ');

    d.line('SELECT * FROM trades;');
    await d.expect('Press Ctrl-C to stop the query.');
    const first = await d.expect(/\| GLOBEX .*\|\s*\n/);
    expect(first).toMatch(/\| sym\s+\| price\s+\| at\s+\|/);
    expect(first).toMatch(/\| ACME\s+\|\s+12\.5 \| 1970-01-01T00:00:00\.000Z \|/);
    // rows inserted elsewhere appear while the query runs, widening the table if needed
    await fetch(`http://127.0.0.1:${server.port}/ksql`, {
      method: 'POST',
      body: JSON.stringify({ ksql: "INSERT INTO trades VALUES ('INITECH HOLDINGS', 3.5, 2000);" }),
    });
    await d.expect(/\| INITECH HOLDINGS \|\s+3\.5 \| 1970-01-01T00:00:02\.000Z \|/);
    expect(engine.running.size).toBe(1);

    d.ctrlC();
    await d.expect('Query stopped: 3 rows');
    await d.expect('gale> ');
    expect(engine.running.size).toBe(0);

    d.line('SHOW QUERIES;');
    const shown = await d.expect('0 rows');
    expect(shown).toMatch(/\| Query ID \| Type \| SQL \|/);
    await d.expect('gale> ');

    d.line('exit');
    expect(await d.exited).toBe(0);
    const saved = readFileSync(history, 'utf8').split('\n');
    expect(saved).toContain('CREATE STREAM trades (sym string, price double, at timestamp);');
    expect(saved).toContain('SELECT * FROM trades;');
  });

  it('points at an error with a caret, completes names, drops a line on Ctrl-C, leaves on a second Ctrl-C', async () => {
    const history = join(dir, 'history-2');
    const d = repl(history);
    await d.expect('gale> ');
    d.line('SELECT price');
    await d.expect('...> ');
    d.line('  FROM nowhere;');
    const err = await d.expect(/\^\s*\n/);
    expect(err).toContain("Error at line 2, column 8: no stream named 'nowhere' [GALE_ERR_TEST_UNKNOWN_STREAM]");
    expect(err).toMatch(/ 2 \|   FROM nowhere;\n\s+\|        \^/);

    // completion of a keyword (case kept) and of a stream name known to the engine
    await d.expect('gale> ');
    d.type('describe tra\t');
    await d.expect('describe trades');
    d.type(';\r');
    await d.expect('gale> ');
    d.type('SHOW QUER\t');
    await d.expect('SHOW QUERIES');
    d.type(';\r');
    await d.expect('gale> ');

    // Ctrl-C drops what is typed, also an unfinished statement
    d.line('SELECT *');
    await d.expect('...> ');
    d.type('FROM tr');
    d.ctrlC();
    await d.expect('gale> ');
    d.line('help');
    await d.expect('Statements end with');
    await d.expect('gale> ');

    d.ctrlC();
    await d.expect('(To leave, press Ctrl-C again or Ctrl-D, or type exit)');
    d.ctrlC();
    expect(await d.exited).toBe(0);
    // history from before is offered again in a new session
    const again = repl(history);
    await again.expect('gale> ');
    again.type('\x1b[A');
    await again.expect('SHOW QUERIES;');
    again.ctrlC();
    await again.expect('gale> ');
    again.ctrlD();
    expect(await again.exited).toBe(0);
  });
});
