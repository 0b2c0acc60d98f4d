import { describe, expect, it } from 'vitest';
import { StatementBuffer, localCommand } from '../../../src/cli/repl/statement-buffer.js';

describe('StatementBuffer', () => {
  it('completes a statement at its ;, across lines', () => {
    const b = new StatementBuffer();
    expect(b.addLine('SELECT a')).toEqual([]);
    expect(b.isEmpty).toBe(false);
    expect(b.addLine('FROM s;')).toEqual([{ text: 'SELECT a\nFROM s;' }]);
    expect(b.isEmpty).toBe(true);
  });

  it('splits several statements on one line and keeps an unfinished tail', () => {
    const b = new StatementBuffer();
    expect(b.addLine('SHOW STREAMS; SHOW TABLES; SELECT *').map((s) => s.text)).toEqual(['SHOW STREAMS;', 'SHOW TABLES;']);
    expect(b.pending.trim()).toBe('SELECT *');
    expect(b.addLine('FROM s;').map((s) => s.text)).toEqual(['SELECT *\nFROM s;']);
  });

  it('does not end a statement at a ; inside a string, quoted name or comment', () => {
    const b = new StatementBuffer();
    expect(b.addLine("INSERT INTO s VALUES ('a;b', \"x;\" -- c;")).toEqual([]);
    expect(b.addLine('/* ; */ 1);').map((s) => s.text)).toEqual(["INSERT INTO s VALUES ('a;b', \"x;\" -- c;\n/* ; */ 1);"]);
    expect(b.addLine('SELECT 1 /* still;')).toEqual([]);
    expect(b.addLine('open; */ FROM s;')).toHaveLength(1);
  });

  it('ignores lone semicolons and can be cleared', () => {
    const b = new StatementBuffer();
    expect(b.addLine(';;')).toEqual([]);
    expect(b.isEmpty).toBe(true);
    b.addLine('SELECT');
    b.clear();
    expect(b.isEmpty).toBe(true);
  });
});

describe('localCommand', () => {
  it('knows help and exit, with or without ;, in any case', () => {
    expect(localCommand('help')).toBe('help');
    expect(localCommand(' EXIT; ')).toBe('exit');
    expect(localCommand('quit')).toBe('exit');
    expect(localCommand('exit_code;')).toBeUndefined();
    expect(localCommand('SELECT 1;')).toBeUndefined();
  });
});
