/**
 * Differential tests: every case in cases/*.sql runs through Gale over the
 * generated inputs and through an independent oracle (DuckDB, or a
 * hand-written TS reference where SQL cannot say it); the outputs must be
 * equal as multisets (doubles to 1e-9 relative). Each case also runs with
 * parallelism 3, and must give the same rows: results never depend on it.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataSets } from './data.js';
import { duckRows, duckWith, multisetDiff, parseCase, pickOutput, runGale, writeCaseFiles, writeData } from './harness.js';
import { REFERENCES } from './reference.js';

const casesDir = new URL('./cases/', import.meta.url).pathname;
const files = readdirSync(casesDir).filter((f) => f.endsWith('.sql')).sort();
const sets = dataSets();

let dir: string;
let duck: DuckDBConnection;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gale-diff-'));
  writeData(dir, sets);
  duck = await duckWith(sets);
});

afterAll(() => {
  duck?.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

describe('differential: Gale vs an independent oracle', () => {
  for (const file of files) {
    const c = parseCase(readFileSync(join(casesDir, file), 'utf8'));
    it(`${file}: ${c.title}`, async () => {
      writeCaseFiles(dir, c);
      const run = await runGale(c.gale, dir);
      const actual = pickOutput(run, c.output);
      let expected;
      if (c.oracle.kind === 'duckdb') {
        expected = await duckRows(duck, c.oracle.sql.replaceAll('$DIR', dir));
      } else {
        const ref = REFERENCES[c.oracle.name];
        if (ref === undefined) throw new Error(`no reference named ${c.oracle.name}`);
        expected = ref(sets);
      }
      expect(expected.length, 'the oracle should produce rows').toBeGreaterThan(0);
      expect(multisetDiff(actual, expected)).toBeUndefined();
      if (c.errors === undefined) expect([...run.errors.counts]).toEqual([]);
      else expect(run.errors.counts.get(c.errors.code) ?? 0).toBe(c.errors.count);
      const parallel = await runGale(c.gale, dir, 3);
      expect(multisetDiff(pickOutput(parallel, c.output), actual), 'parallelism 3 must give the same rows').toBeUndefined();
    });
  }
});
