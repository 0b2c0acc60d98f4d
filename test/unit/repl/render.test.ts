import { describe, expect, it } from 'vitest';
import { renderError } from '../../../src/cli/repl/render/error.js';
import { LiveTable } from '../../../src/cli/repl/render/live-table.js';
import { renderResult } from '../../../src/cli/repl/render/result.js';
import { formatValue } from '../../../src/cli/repl/render/value.js';

describe('renderError', () => {
  it('shows the line the error points at with a caret under the column', () => {
    const text = renderError(
      { code: 'GALE_ERR_SQL_UNEXPECTED_TOKEN', message: "expected FROM but found 'FORM'", line: 2, column: 3 },
      'SELECT *\n  FORM s;',
    );
    expect(text).toBe(
      "Error at line 2, column 3: expected FROM but found 'FORM' [GALE_ERR_SQL_UNEXPECTED_TOKEN]\n" +
        '  2 |   FORM s;\n' +
        '    |   ^',
    );
  });

  it('keeps tabs so the caret lines up, names the file, and prefers the error source', () => {
    const text = renderError({ code: 'X', message: 'm', line: 1, column: 3, file: 'q.sql', source: '\t\tbad;' }, 'other');
    expect(text.split('\n')).toEqual(['Error at q.sql, line 1, column 3: m [X]', '  1 | \t\tbad;', '    | \t\t^']);
  });

  it('is one line for an error without a position', () => {
    expect(renderError({ code: 'GALE_ERR_ENGINE_X', message: 'query q9 is not running' }, 'TERMINATE q9;')).toBe(
      'Error: query q9 is not running [GALE_ERR_ENGINE_X]',
    );
  });
});

describe('renderResult', () => {
  it('draws SHOW output as a table with a row count', () => {
    const text = renderResult({ kind: 'table', statement: 'SHOW STREAMS;', columns: ['Name', 'Topic'], rows: [['trades', 'trades'], ['x', null]] });
    expect(text).toBe(
      ['+--------+--------+', '| Name   | Topic  |', '+--------+--------+', '| trades | trades |', '| x      | NULL   |', '+--------+--------+', '2 rows'].join('\n'),
    );
  });

  it('prints messages and EXPLAIN text as they are', () => {
    expect(renderResult({ kind: 'message', statement: 's', message: 'Stream s created' })).toBe('Stream s created');
    expect(renderResult({ kind: 'explain', statement: 'e', text: 'Spout → Sink\n' })).toBe('Spout → Sink');
  });
});

describe('formatValue', () => {
  it('shows timestamps in UTC, NULL, and escapes control characters', () => {
    expect(formatValue(86_400_000, 'timestamp')).toBe('1970-01-02T00:00:00.000Z');
    expect(formatValue(null, 'string')).toBe('NULL');
    expect(formatValue('a\nb\tc', 'string')).toBe('a\\nb\\tc');
    expect(formatValue(true, 'bool')).toBe('true');
  });
});

describe('LiveTable', () => {
  function table(maxWidth = Number.POSITIVE_INFINITY): { t: LiveTable; out: () => string } {
    let out = '';
    const t = new LiveTable({
      columns: [
        { name: 'name', type: 'string' },
        { name: 'n', type: 'int' },
      ],
      write: (s) => (out += s),
      maxWidth,
      firstBatchRows: 2,
      firstBatchMs: 60_000,
    });
    return { t, out: () => out };
  }

  it('sizes columns from the header and a first batch, numbers right-aligned', () => {
    const { t, out } = table();
    t.add(['alice', 1]);
    expect(out()).toBe('');
    t.add(['bob', 22]);
    t.end('Query completed: 2 rows');
    expect(out()).toBe(
      ['+--------+------+', '| name   | n    |', '+--------+------+', '| alice  |    1 |', '| bob    |   22 |', '+--------+------+', 'Query completed: 2 rows', ''].join('\n'),
    );
  });

  it('prints the header again, wider, when a wider value arrives', () => {
    const { t, out } = table();
    t.add(['a', 1]);
    t.add(['b', 2]);
    t.add(['a much longer name', 3]);
    t.end('done');
    const lines = out().split('\n');
    expect(lines).toContain('| name               | n    |');
    expect(lines).toContain('| a much longer name |    3 |');
    // every row line is as wide as the rule above it
    const rule = lines[lines.indexOf('| a much longer name |    3 |') - 1]!;
    expect(rule.length).toBe('| a much longer name |    3 |'.length);
  });

  it('cuts string values with an ellipsis past their share of the terminal', () => {
    const { t, out } = table(30);
    t.add(['x'.repeat(50), 1]);
    t.end('done');
    const row = out().split('\n').find((l) => l.includes('xxx'))!;
    expect(row).toMatch(/x…/);
    expect(row.length).toBeLessThanOrEqual(30);
  });

  it('prints the header even when no row arrives', () => {
    const { t, out } = table();
    t.end('Query stopped: 0 rows');
    expect(out()).toContain('| name   | n    |');
  });
});
