/** `gale check` as a user runs it: output format and exit codes (needs `npm run build` first; `npm test` does it). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../grammar/corpus.js';

const GALE = join(ROOT, 'dist/src/cli/main.js');
const dir = mkdtempSync(join(tmpdir(), 'gale-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

function gale(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [GALE, 'check', ...args], { encoding: 'utf8', cwd: dir });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const GOOD = `CREATE INPUT STREAM s (a int, b string, ts timestamp);
SELECT a, b FROM s WHERE a > 1 INTO out;
SELECT b, count(*) AS n FROM s[SIZE 10 ON ts] GROUP BY b;
`;

describe('gale check', () => {
  it('prints one summary line per valid file and exits 0', () => {
    const p = file('good.sql', GOOD);
    const r = gale(p, p);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${p}: ok (3 statements, 2 streams, 2 queries)\n${p}: ok (3 statements, 2 streams, 2 queries)\n`);
  });

  it('prints file:line:col: error: message, the source line and a caret for every error, and exits 1', () => {
    const p = file('bad.sql', 'CREATE INPUT STREAM s (a int, b string);\nSELECT a, zz FROM s;\n\tSELECT a FROM s WHERE b > 1;\nSELECT FROM s;\n');
    const r = gale('bad.sql');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')).toEqual([
      "bad.sql:2:11: error: unknown field 'zz': not a field of s nor a declared variable",
      'SELECT a, zz FROM s;',
      '          ^',
      'bad.sql:3:24: error: cannot compare string with int (>)',
      '\tSELECT a FROM s WHERE b > 1;',
      '\t                      ^',
      "bad.sql:4:8: error: expected an expression or '*' but found 'FROM'",
      'SELECT FROM s;',
      '       ^',
      '',
    ]);
    expect(p).toContain('bad.sql');
  });

  it('checks every file, reports each, and exits 1 if any is invalid; never a stack trace', () => {
    const good = file('ok.sql', GOOD);
    const r = gale(good, 'missing.sql', file('lex.sql', "SELECT 'unterminated FROM s;\n"));
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`${good}: ok`);
    expect(r.stderr).toContain('missing.sql: error: cannot read the file (ENOENT)');
    expect(r.stderr).toMatch(/lex\.sql:1:8: error: string literal is not terminated/);
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('an unterminated last statement points just after its last token', () => {
    const r = gale(file('eof.sql', 'CREATE STREAM s (a int);\nSELECT a FROM s'));
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n').slice(0, 3)).toEqual([
      `${join(dir, 'eof.sql')}:2:16: error: expected ';' but found end of input`,
      'SELECT a FROM s',
      '               ^',
    ]);
  });

  it('needs at least one file', () => {
    const r = gale();
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/missing required argument/);
  });
});
