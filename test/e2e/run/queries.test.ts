/** Every file in queries/ runs with `gale run` (generators bounded to a few thousand events) and exits 0 with output and no errors. */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { namesTopics } from '../../../src/cli/run-engine.js';
import { gale, galeUntilOutput } from './gale-cli.js';

const root = new URL('../../../', import.meta.url).pathname;

function sqlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sqlFiles(join(dir, e.name)) : e.name.endsWith('.sql') ? [join(dir, e.name)] : [],
  );
}

const files = sqlFiles(join(root, 'queries')).sort();

describe('queries/', () => {
  it('has the NEXMark queries, YSB and the practical examples', () => {
    const names = files.map((f) => relative(root, f));
    for (const q of ['q0', 'q1-currency', 'q2', 'q3', 'q4', 'q5', 'q7', 'q8', 'q11', 'q12']) {
      expect(names.some((n) => n.startsWith(`queries/nexmark/${q}`))).toBe(true);
    }
    expect(names).toContain('queries/ysb.sql');
    expect(names.filter((n) => n.startsWith('queries/examples/')).length).toBeGreaterThanOrEqual(3);
  });

  for (const file of files) {
    const name = relative(root, file);
    if (namesTopics(readFileSync(file, 'utf8'), file)) {
      // Files over topics run on the embedded engine until Ctrl-C: run one
      // as fast as it goes until rows flow, then SIGINT must stop it cleanly.
      it.concurrent(`${name} shows rows flowing and stops cleanly on Ctrl-C`, async () => {
        const r = await galeUntilOutput(['run', name, '--events', '400000', '--rate', '0'], { cwd: root, lines: 3 });
        expect(r.code).toBe(0);
        expect(r.stderr).toMatch(/gale: stopped; outputs flushed/);
        const lines = r.stdout.trim().split('\n');
        expect(lines.length).toBeGreaterThanOrEqual(3);
        for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
      });
      continue;
    }
    it.concurrent(`${name} runs to completion`, async () => {
      // q12 is paced by the wall clock: keep it short
      const events = name.includes('q12') ? '4000' : '5000';
      const r = await gale(['run', name, '--events', events], { cwd: root });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout.trim().length).toBeGreaterThan(0);
      for (const line of r.stdout.trim().split('\n')) expect(() => JSON.parse(line.replace(/^[a-z_0-9]+ /, ''))).not.toThrow();
    });
  }
});
