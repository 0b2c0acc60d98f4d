/**
 * `gale run` as a user runs it (the built CLI in a child process): a script
 * with CSV, JSON-lines and text inputs, FILE outputs in each format written
 * next to the script (directories created), push queries on stdout labelled
 * by name, and bad records on stderr while the run carries on (exit 0).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const gale = new URL('../../../dist/src/cli/main.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'gale-run-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SCRIPT = `
-- prices as CSV (one bad number), notes as plain text, a JSON-lines lookup table
CREATE INPUT STREAM prices (sym string, price double, qty int, ts timestamp)
  WITH (FILE = 'in/prices.csv', FORMAT = csv, TIMESTAMP = 'ts');
CREATE INPUT STREAM notes (line string) WITH (FILE = 'in/notes.txt', FORMAT = string);
CREATE INPUT STREAM sectors (sym string, sector string) WITH (FILE = 'in/sectors.jsonl');
CREATE MEMORY TABLE sector (sym string, sector string, PRIMARY KEY (sym));
INSERT INTO sector SELECT sym, sector FROM sectors;
CREATE OUTPUT STREAM per_window (sym string, n long, notional double, ws timestamp) WITH (FILE = 'out/per_window.csv');
CREATE OUTPUT STREAM enriched (sym string, sector string, price double) WITH (FILE = 'out/enriched.jsonl');
CREATE OUTPUT STREAM shout (line string) WITH (FILE = 'out/shout.txt', FORMAT = string);
SELECT sym, count(*) AS n, sum(price * qty) AS notional, window_start() AS ws
  FROM prices[SIZE 10 ON ts] GROUP BY sym INTO per_window;
SELECT p.sym, s.sector, p.price FROM prices AS p LEFT JOIN sector AS s ON p.sym = s.sym INTO enriched;
SELECT upper(line) || '!' AS line FROM notes INTO shout;
SELECT sym FROM prices WHERE price IS NULL;
SELECT count(*) AS lines FROM notes;
`;

describe('gale run over files', () => {
  it('reads CSV/JSON/text inputs, writes CSV/JSON/text outputs, prints push queries, reports bad records and exits 0', () => {
    writeFileSync(join(dir, 'q.sql'), SCRIPT);
    rmSync(join(dir, 'in'), { recursive: true, force: true });
    mkdirSync(join(dir, 'in'), { recursive: true });
    writeFileSync(
      join(dir, 'in', 'prices.csv'),
      'sym,price,qty,ts\r\nACME,10.5,2,2024-01-01T00:00:01Z\r\nACME,,3,2024-01-01T00:00:02Z\r\nXYZ,abc,1,2024-01-01T00:00:03Z\r\nXYZ,2,5,1704067212000\r\n',
    );
    writeFileSync(join(dir, 'in', 'notes.txt'), 'hello, world\nsecond "line"\n');
    writeFileSync(join(dir, 'in', 'sectors.jsonl'), '{"sym":"ACME","sector":"tools"}\n');

    const r = spawnSync(process.execPath, [gale, 'run', join(dir, 'q.sql')], { encoding: 'utf8', cwd: tmpdir() });
    expect(r.stderr).toContain('GALE_ERR_RUNTIME_BAD_RECORD');
    expect(r.stderr).toContain('in/prices.csv:4');
    expect(r.status).toBe(0);

    expect(readFileSync(join(dir, 'out', 'per_window.csv'), 'utf8').trim().split('\n').sort()).toEqual(
      ['ACME,2,21,2024-01-01T00:00:00.000Z', 'XYZ,1,10,2024-01-01T00:00:10.000Z', 'sym,n,notional,ws'].sort(),
    );
    expect(readFileSync(join(dir, 'out', 'enriched.jsonl'), 'utf8').trim().split('\n')).toEqual([
      '{"sym":"ACME","sector":"tools","price":10.5}',
      '{"sym":"ACME","sector":"tools","price":null}',
      '{"sym":"XYZ","sector":null,"price":2}',
    ]);
    expect(readFileSync(join(dir, 'out', 'shout.txt'), 'utf8')).toBe('HELLO, WORLD!\nSECOND "LINE"!\n');
    // two push queries: each line is labelled with its query's name
    const out = r.stdout.trim().split('\n').sort();
    expect(out).toEqual(['q5 {"sym":"ACME"}', 'q6 {"lines":1}', 'q6 {"lines":2}'].sort());
  });
});
