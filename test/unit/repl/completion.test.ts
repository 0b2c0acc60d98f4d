import { describe, expect, it } from 'vitest';
import { complete } from '../../../src/cli/repl/completion.js';
import type { CompletionCatalog } from '../../../src/engine/api.js';

const catalog: CompletionCatalog = {
  streams: ['trades', 'trips'],
  tables: ['prices'],
  columns: { trades: ['sym', 'price', 'ts'], prices: ['sym', 'last'] },
};

describe('complete', () => {
  it('completes keywords from the grammar, in the case typed', () => {
    expect(complete('SEL', catalog)).toEqual([['SELECT'], 'SEL']);
    expect(complete('sel', catalog)).toEqual([['select'], 'sel']);
    expect(complete('SELECT * FR', catalog)[0]).toContain('FROM');
  });

  it('offers relations first after FROM, INTO, DESCRIBE', () => {
    const [hits, word] = complete('SELECT * FROM tr', catalog);
    expect(word).toBe('tr');
    expect(hits.slice(0, 2)).toEqual(['trades', 'trips']);
    expect(complete('describe pr', catalog)[0][0]).toBe('prices');
  });

  it('completes the columns of a relation after a dot', () => {
    expect(complete('SELECT trades.p', catalog)).toEqual([['price'], 'p']);
    expect(complete('SELECT TRADES.', catalog)).toEqual([['price', 'sym', 'ts'], '']);
    expect(complete('SELECT nope.x', catalog)).toEqual([[], 'x']);
  });

  it('completes column and function names in expressions', () => {
    const hits = complete('SELECT la', catalog)[0];
    expect(hits).toContain('last');
    expect(complete('SELECT upp', catalog)[0]).toContain('upper');
  });

  it("completes SHOW's objects", () => {
    expect(complete('SHOW QUER', catalog)).toEqual([['QUERIES'], 'QUER']);
    expect(complete('show st', catalog)).toEqual([['streams'], 'st']);
  });

  it('offers nothing on an empty line', () => {
    expect(complete('', catalog)).toEqual([[], '']);
  });
});
