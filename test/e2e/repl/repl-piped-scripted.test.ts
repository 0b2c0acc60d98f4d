/**
 * `gale repl --server URL` with statements piped to stdin: results printed
 * without prompts, SET remembered and sent with later statements, a push
 * query over bounded input printed as a table, errors with their caret,
 * exit code 1 when a statement failed.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpApiServer } from '../../../src/engine/http/server.js';
import { galeBin } from '../../helpers/gale-serve.js';
import { ScriptedEngine } from '../http/scripted-engine.js';

let engine: ScriptedEngine;
let server: HttpApiServer;

beforeAll(async () => {
  engine = new ScriptedEngine();
  server = await HttpApiServer.start({ engine, port: 0 });
});

afterAll(async () => {
  await server.close();
});

function runPiped(stdin: string, args: readonly string[] = []): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [galeBin, 'repl', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe('gale repl with piped stdin', () => {
  it('runs a script: no prompts, results in order, SET sent with later statements', async () => {
    const script = [
      "SET 'auto.offset.reset' = 'earliest';",
      "CREATE STREAM nums (n int, label string) WITH (FILE = 'nums.jsonl');",
      "INSERT INTO nums VALUES (1, 'one'), (2, 'two');",
      'SELECT * FROM nums;',
      '-- a comment at the end',
    ].join('\n');
    const r = await runPiped(script, ['--server', `http://127.0.0.1:${server.port}`]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('gale>');
    expect(r.stdout).not.toContain('Press Ctrl-C');
    expect(r.stdout).toBe(
      [
        'SetProperty done',
        'Stream nums created',
        'Inserted 2 rows into nums',
        '+------+--------+',
        '| n    | label  |',
        '+------+--------+',
        '|    1 | one    |',
        '|    2 | two    |',
        '+------+--------+',
        'Query completed: 2 rows',
        '',
      ].join('\n'),
    );
    expect(engine.lastProperties).toEqual({ 'auto.offset.reset': 'earliest' });
  });

  it('shows errors with their caret and exits 1; an unfinished statement is an error', async () => {
    const r = await runPiped('SELECT * FROM missing;\nSHOW STREAMS;\nSELECT * FROM', ['--server', `http://127.0.0.1:${server.port}`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Error at line 1, column 15: no stream named 'missing' [GALE_ERR_TEST_UNKNOWN_STREAM]\n  1 | SELECT * FROM missing;\n    |               ^\n");
    expect(r.stdout).toContain('| Stream Name |');
    expect(r.stdout).toContain("Error: the input ended inside a statement (a ';' is missing):\n  SELECT * FROM\n");
    expect(r.stdout).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });

  it('says in one line when the server cannot be reached', async () => {
    const r = await runPiped('SHOW STREAMS;\n', ['--server', 'http://127.0.0.1:1']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('cannot reach Gale at http://127.0.0.1:1');
  });
});
