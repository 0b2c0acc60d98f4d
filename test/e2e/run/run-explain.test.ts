/** `gale run` and `gale explain` as a user runs them: files in and out, errors, a clean stop, EXPLAIN formats. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GALE, gale } from './gale-cli.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gale-run-'));
  writeFileSync(
    join(dir, 'orders.csv'),
    [
      'id,at,customer,amount',
      '1,2024-05-01T10:00:00Z,ann,10.5',
      '2,2024-05-01T10:00:30Z,bob,"1,000"',
      '3,2024-05-01T10:00:40Z,ann,4',
      '4,1714557700000,bob,20',
      '5,2024-05-01T10:02:10Z,"ann",',
    ].join('\n') + '\n',
  );
  writeFileSync(
    join(dir, 'orders.sql'),
    `-- totals per customer per minute, and big orders
CREATE INPUT STREAM orders (id long, at timestamp, customer string, amount double) WITH (FILE = 'orders.csv', TIMESTAMP = at);
CREATE OUTPUT STREAM totals WITH (FILE = 'out/totals.jsonl');
CREATE OUTPUT STREAM big WITH (FILE = 'out/big.csv');
SELECT customer, sum(amount) AS total, count(*) AS n, window_end() AS minute_end
  FROM orders[SIZE 60 ADVANCE 60 ON at] GROUP BY customer INTO totals;
SELECT id, customer, amount FROM orders WHERE amount > 5 INTO big;
`,
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('gale run', () => {
  it('reads CSV, writes JSON lines and CSV files, reports a bad record with its file and line, and exits 0', async () => {
    const r = await gale(['run', join(dir, 'orders.sql')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/orders\.csv:3: "1,000" is not a double/);
    expect(r.stderr).toMatch(/1 tuple errors/);
    const totals = readFileSync(join(dir, 'out/totals.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(totals).toEqual(
      expect.arrayContaining([
        { customer: 'ann', total: 14.5, n: 2, minute_end: '2024-05-01T10:01:00.000Z' },
        { customer: 'bob', total: 20, n: 1, minute_end: '2024-05-01T10:02:00.000Z' },
        { customer: 'ann', total: null, n: 1, minute_end: '2024-05-01T10:03:00.000Z' },
      ]),
    );
    expect(totals).toHaveLength(3);
    expect(readFileSync(join(dir, 'out/big.csv'), 'utf8')).toBe('id,customer,amount\n1,ann,10.5\n4,bob,20\n');
  });

  it('prints file:line:col and exits 1 for a query that does not check', async () => {
    writeFileSync(join(dir, 'bad.sql'), "CREATE INPUT STREAM s (a long) WITH (FILE = 'x.jsonl');\nSELECT nope FROM s;\n");
    const r = await gale(['run', join(dir, 'bad.sql')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.sql:2:8: error: .*nope/);
  });

  it('names a missing input file', async () => {
    writeFileSync(join(dir, 'missing.sql'), "CREATE INPUT STREAM s (a long) WITH (FILE = 'nowhere.jsonl');\nSELECT a FROM s;\n");
    const r = await gale(['run', join(dir, 'missing.sql')]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/missing\.sql:1:1: .*nowhere\.jsonl does not exist/);
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('with an unbounded input, runs until SIGINT, then flushes outputs, emits no partial window, and says so', async () => {
    writeFileSync(
      join(dir, 'forever.sql'),
      `CREATE INPUT STREAM bid (auction long, bidder long, price long, channel string, url string, dateTime timestamp, extra string)
  WITH (GENERATOR = 'nexmark.bid', RATE = 20000, TIMESTAMP = dateTime);
CREATE OUTPUT STREAM passed WITH (FILE = 'out/passed.jsonl');
SELECT auction, price FROM bid INTO passed;
SELECT count(*) AS n FROM bid[SIZE 3600 ADVANCE 3600 ON dateTime];
`,
    );
    const child = spawn(process.execPath, [GALE, 'run', join(dir, 'forever.sql')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    try {
      // wait until rows are flowing (the file sink flushes as it goes), then interrupt
      const started = Date.now();
      for (;;) {
        await new Promise((r) => setTimeout(r, 200));
        let size = 0;
        try {
          size = readFileSync(join(dir, 'out/passed.jsonl'), 'utf8').length;
        } catch {
          size = 0;
        }
        if (size > 0 || Date.now() - started > 20_000) break;
      }
      child.kill('SIGINT');
      const code = await new Promise<number | null>((r) => child.on('close', r));
      expect(code).toBe(0);
      expect(stderr).toMatch(/stopped after .* outputs flushed, open windows not emitted/);
      expect(stdout).toBe('');
      const lines = readFileSync(join(dir, 'out/passed.jsonl'), 'utf8').split('\n').filter((l) => l !== '');
      expect(lines.length).toBeGreaterThan(0);
      for (const l of lines) expect(Object.keys(JSON.parse(l) as object)).toEqual(['auction', 'price']);
    } finally {
      child.kill('SIGKILL');
    }
  });
});

describe('gale explain', () => {
  it('prints every query’s components, kinds, parallelism, inputs with groupings and what they compute', async () => {
    const r = await gale(['explain', join(dir, 'orders.sql'), '--parallelism', '4']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Query q1 → stream totals/);
    expect(r.stdout).toMatch(/spout\s+orders\s+Scan\s+x1/);
    expect(r.stdout).toMatch(/bolt\s+q1\.window-aggregate\s+WindowAggregate\s+x4/);
    expect(r.stdout).toMatch(/← orders \(fields\(customer\) ⤨\)/);
    expect(r.stdout).toMatch(/\[SIZE 60s ADVANCE 60s ON at\] key customer; sum\(amount\), count\(\*\)/);
    expect(r.stdout).toMatch(/bolt\s+q1\.sink\.totals\s+Sink\s+x1/);
    expect(r.stdout).toMatch(/Query q2 → stream big/);
    expect(r.stdout).toMatch(/bolt\s+q2\.calc\s+Calc\s+x4/);
  });

  it('prints Graphviz DOT and Mermaid', async () => {
    const dot = await gale(['explain', join(dir, 'orders.sql'), '--format', 'dot']);
    expect(dot.code).toBe(0);
    expect(dot.stdout).toMatch(/^digraph gale \{/);
    expect(dot.stdout).toMatch(/"orders" -> "q1\.window-aggregate" \[label="fields\(customer\) ⤨"\];/);
    const mermaid = await gale(['explain', join(dir, 'orders.sql'), '--format', 'mermaid']);
    expect(mermaid.code).toBe(0);
    expect(mermaid.stdout).toMatch(/^flowchart LR/);
    expect(mermaid.stdout).toMatch(/subgraph q1\["q1 → stream totals"\]/);
  });
});
