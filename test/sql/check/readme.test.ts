/**
 * grammar/README.md is the dialect reference: every ```sql block in it is a
 * complete script that checks clean, and every error code and function is
 * documented there.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeScript, BUILTIN_FUNCTIONS, SQL_ERROR_CODES } from '../../../src/sql/index.js';
import { ROOT } from '../../grammar/corpus.js';

const README = readFileSync(`${ROOT}grammar/README.md`, 'utf8');

function sqlBlocks(md: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  const re = /^```sql\n([\s\S]*?)^```$/gm;
  for (let m = re.exec(md); m !== null; m = re.exec(md)) {
    out.push({ line: md.slice(0, m.index).split('\n').length + 1, text: m[1]! });
  }
  return out;
}

describe('grammar/README.md', () => {
  const blocks = sqlBlocks(README);

  it('has runnable examples', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(12);
  });

  it.each(blocks.map((b) => [b.line, b.text] as const))('the sql block at line %i checks clean', (_line, text) => {
    const r = analyzeScript(text, { file: 'README.md' });
    expect(r.errors.map((e) => `${e.span.line}:${e.span.column} ${e.message}`)).toEqual([]);
  });

  it('documents every error code', () => {
    for (const code of Object.keys(SQL_ERROR_CODES)) expect(README).toContain(`\`${code}\``);
  });

  it('documents every function', () => {
    for (const name of BUILTIN_FUNCTIONS.keys()) expect(README).toMatch(new RegExp(`\`${name}\\(`));
  });
});
