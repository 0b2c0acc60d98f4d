/**
 * `gale repl` (embedded engine) with a script piped to stdin: results
 * printed without prompts, a push query over a bounded input (a FILE
 * stream) printed as a table that completes, RUN SCRIPT, errors with a
 * caret and exit code 1, exit code 0 for a clean script.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { galeBin } from '../../helpers/gale-serve.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gale-repl-piped-'));
  writeFileSync(
    join(dir, 'orders.jsonl'),
    ['{"id": 1, "item": "tea", "qty": 2}', '{"id": 2, "item": "coffee", "qty": 12}', '{"id": 3, "item": "cake", "qty": 30}'].join('\n') + '\n',
  );
  writeFileSync(join(dir, 'setup.sql'), "CREATE STREAM orders (id int, item string, qty int) WITH (FILE = 'orders.jsonl');\n");
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function runPiped(stdin: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [galeBin, 'repl'], { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, GALE_HISTORY: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe('gale repl with a script on stdin', () => {
  it('runs it and prints results as the REPL does, without prompts', async () => {
    const r = await runPiped("RUN SCRIPT 'setup.sql';\nSELECT item, qty FROM orders\n  WHERE qty > 10;\n");
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('gale>');
    expect(r.stdout).not.toContain('Press Ctrl-C');
    expect(r.stdout).toContain(
      ['+--------+------+', '| item   | qty  |', '+--------+------+', '| coffee |   12 |', '| cake   |   30 |', '+--------+------+', 'Query completed: 2 rows', ''].join('\n'),
    );
  });

  it('shows an error with its caret, goes on, and exits 1', async () => {
    const r = await runPiped("RUN SCRIPT 'setup.sql';\nSELECT item, price FROM orders;\nDESCRIBE orders;\n");
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Error at line 1, column 14: .*price.* \[GALE_ERR_SQL_\w+\]\n {2}1 \| SELECT item, price FROM orders;\n {4}\| {14}\^\n/);
    expect(r.stdout).toMatch(/\| qty\s+\| int/);
    expect(r.stdout).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });
});
