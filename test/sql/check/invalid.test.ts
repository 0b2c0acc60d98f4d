/**
 * The invalid corpus: each file's first error has the code and line:col its
 * directive names (the cases were written with the position marked by hand).
 */
import { describe, expect, it } from 'vitest';
import { analyzeScript, SQL_ERROR_CODES } from '../../../src/sql/index.js';
import { invalidCases } from './cases.js';

const cases = invalidCases();

describe('invalid SQL corpus', () => {
  it('has at least 100 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(100);
  });

  it.each(cases.map((c) => [c.file, c] as const))('%s', (_name, c) => {
    expect(Object.keys(SQL_ERROR_CODES)).toContain(c.code);
    const r = analyzeScript(c.text, { file: c.file });
    expect(r.errors.length).toBeGreaterThan(0);
    const first = r.errors[0]!;
    expect(`${first.code} at ${first.span.line}:${first.span.column}`, first.message).toBe(`${c.code} at ${c.line}:${c.column}`);
    expect(first.span.file).toBe(c.file);
    expect(first.message.length).toBeGreaterThan(10);
  });

  it('exercises most error codes', () => {
    const used = new Set(cases.map((c) => c.code));
    const parseTime = Object.keys(SQL_ERROR_CODES).filter((k) => !k.startsWith('GALE_ERR_SQL_RUNTIME_'));
    const missing = parseTime.filter((k) => !used.has(k));
    expect(missing).toEqual([]);
  });
});
