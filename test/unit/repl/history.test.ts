import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HISTORY_SIZE, History, defaultHistoryFile, historyEntries } from '../../../src/cli/repl/history.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempFile(): string {
  const d = mkdtempSync(join(tmpdir(), 'gale-history-'));
  dirs.push(d);
  return join(d, 'sub', 'history');
}

describe('History', () => {
  it('appends entries and loads them newest first', () => {
    const file = tempFile();
    const h = new History(file);
    expect(h.load()).toEqual([]);
    h.add('SHOW STREAMS;');
    h.add('SELECT *\nFROM s;');
    expect(readFileSync(file, 'utf8')).toBe('SHOW STREAMS;\nSELECT * FROM s;\n');
    expect(new History(file).load()).toEqual(['SELECT * FROM s;', 'SHOW STREAMS;']);
  });

  it('keeps only the newest entries', () => {
    const file = tempFile();
    new History(file).add('first;');
    const lines = Array.from({ length: HISTORY_SIZE + 5 }, (_, i) => `SELECT ${i};`);
    writeFileSync(file, `${lines.join('\n')}\n`);
    const loaded = new History(file).load();
    expect(loaded).toHaveLength(HISTORY_SIZE);
    expect(loaded[0]).toBe(`SELECT ${HISTORY_SIZE + 4};`);
    expect(readFileSync(file, 'utf8').split('\n').filter(Boolean)).toHaveLength(HISTORY_SIZE);
  });

  it('can be turned off and moved by GALE_HISTORY', () => {
    expect(defaultHistoryFile({ GALE_HISTORY: '' })).toBeUndefined();
    expect(defaultHistoryFile({ GALE_HISTORY: '/x/h' })).toBe('/x/h');
    expect(defaultHistoryFile({})).toMatch(/\.gale_history$/);
    const off = new History(undefined);
    off.add('x;');
    expect(off.load()).toEqual([]);
  });
});

describe('historyEntries', () => {
  it('joins a multi-line statement into one entry unless a -- comment would swallow it', () => {
    expect(historyEntries(['SELECT *', '  FROM s;'])).toEqual(['SELECT * FROM s;']);
    expect(historyEntries(['SELECT * -- all', 'FROM s;'])).toEqual(['SELECT * -- all', 'FROM s;']);
  });
});
