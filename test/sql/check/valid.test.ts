/** Every file under queries/ and every file of our valid corpus checks clean. */
import { describe, expect, it } from 'vitest';
import { analyzeScript } from '../../../src/sql/index.js';
import { QUERY_FILES, VALID_CORPUS } from '../../grammar/corpus.js';

function errorsOf(name: string, text: string): string[] {
  return analyzeScript(text, { file: name }).errors.map((e) => `${name}:${e.span.line}:${e.span.column}: ${e.message} [${e.code}]`);
}

describe('queries/ checks clean', () => {
  it('every .sql file under queries/ has no errors (passes when there are none)', () => {
    expect(QUERY_FILES.flatMap((f) => errorsOf(f.name, f.text))).toEqual([]);
  });
});

describe('valid corpus checks clean', () => {
  it.each(VALID_CORPUS.map((f) => [f.name, f.text] as const))('%s', (name, text) => {
    expect(errorsOf(name, text)).toEqual([]);
  });
});
