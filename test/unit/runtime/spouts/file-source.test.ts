/** File inputs: CSV (RFC 4180) and JSON lines, typed values, bad records to the error stream with file and line. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CsvParser } from '../../../../src/connectors/file/csv.js';
import { FileSource } from '../../../../src/connectors/file/file-source.js';
import { csvEncoder, fileSink, jsonLineEncoder } from '../../../../src/connectors/file/file-sink.js';
import { VirtualClock } from '../../../../src/runtime/clock.js';
import { CollectingErrorStream } from '../../../../src/runtime/errors.js';
import { Layout } from '../../../../src/runtime/layout.js';
import type { Row } from '../../../../src/runtime/message.js';

const dir = mkdtempSync(join(tmpdir(), 'gale-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const layout = new Layout([
  { name: 'id', type: 'long' },
  { name: 'name', type: 'string' },
  { name: 'score', type: 'double' },
  { name: 'ok', type: 'bool' },
  { name: 'at', type: 'timestamp' },
]);

async function readAll(path: string, format: 'json' | 'csv' | 'string', lay = layout): Promise<{ rows: Row[]; errors: CollectingErrorStream }> {
  const errors = new CollectingErrorStream();
  const src = new FileSource({ paths: [path], displayPaths: ['in'], format, layout: lay });
  const reader = src.open(0, { component: 'in', clock: new VirtualClock(), errors, signal: new AbortController().signal });
  const rows: Row[] = [];
  for (;;) {
    const b = await reader.next(2);
    if (b === null) break;
    rows.push(...b.rows);
  }
  await reader.close();
  return { rows, errors };
}

describe('CSV parsing', () => {
  it('handles quotes, doubled quotes, commas and line breaks inside quotes, CRLF, and chunk boundaries anywhere', () => {
    const text = 'a,b\r\n"x, y","say ""hi"""\r\n"two\nlines",\r\n,""\n';
    const whole = new CsvParser().push(text);
    whole.push(...new CsvParser().end());
    for (let cut = 1; cut < text.length; cut++) {
      const p = new CsvParser();
      const recs = [...p.push(text.slice(0, cut)), ...p.push(text.slice(cut)), ...p.end()];
      expect(recs).toEqual(whole);
    }
    expect(whole.map((r) => r.fields.map((f) => (f.quoted ? `"${f.text}"` : f.text)))).toEqual([
      ['a', 'b'],
      ['"x, y"', '"say "hi""'],
      ['"two\nlines"', ''],
      ['', '""'],
    ]);
    expect(whole.map((r) => r.line)).toEqual([1, 2, 3, 5]);
  });
});

describe('FileSource', () => {
  it('reads JSON lines into typed rows (ISO or epoch-ms timestamps, numeric text, missing fields NULL)', async () => {
    const p = join(dir, 'a.jsonl');
    writeFileSync(
      p,
      [
        '{"id": 1, "name": "ann", "score": 1.5, "ok": true, "at": "2024-01-02T03:04:05.678Z"}',
        '{"ID": "2", "name": "bob", "score": "2", "ok": "false", "at": 1704164645678}',
        '',
        '{"id": 3}',
      ].join('\n'),
    );
    const { rows, errors } = await readAll(p, 'json');
    expect(rows).toEqual([
      [1, 'ann', 1.5, true, Date.UTC(2024, 0, 2, 3, 4, 5, 678)],
      [2, 'bob', 2, false, 1704164645678],
      [3, null, null, null, null],
    ]);
    expect(errors.total).toBe(0);
  });

  it('sends bad records to the error stream with file and line, and carries on', async () => {
    const p = join(dir, 'b.jsonl');
    writeFileSync(p, ['{"id": 1}', '{"id": 1.5}', 'not json', '[1,2]', '{"id": 9007199254740993}', '{"at": "yesterday"}', '{"id": 7}'].join('\n'));
    const { rows, errors } = await readAll(p, 'json');
    expect(rows.map((r) => r[0])).toEqual([1, 7]);
    expect(errors.records.map((e) => [e.line, e.code])).toEqual([
      [2, 'GALE_ERR_RUNTIME_BAD_RECORD'],
      [3, 'GALE_ERR_RUNTIME_BAD_RECORD'],
      [4, 'GALE_ERR_RUNTIME_BAD_RECORD'],
      [5, 'GALE_ERR_RUNTIME_BAD_RECORD'],
      [6, 'GALE_ERR_RUNTIME_BAD_RECORD'],
    ]);
    expect(errors.records[0]!.reason).toMatch(/^in:2: 1\.5 is not an integer/);
  });

  it('reads CSV by header name in any column order; an empty field is NULL, "" is the empty string', async () => {
    const p = join(dir, 'c.csv');
    writeFileSync(p, 'name,at,id,score,ok\n"",2024-01-01,1,,1\nzed,0,2,3.25,FALSE\nbad,0,x,1,true\n');
    const { rows, errors } = await readAll(p, 'csv');
    expect(rows).toEqual([
      [1, '', null, true, Date.UTC(2024, 0, 1)],
      [2, 'zed', 3.25, false, 0],
    ]);
    expect(errors.records.map((e) => e.reason)).toEqual(['in:4: "x" is not a long']);
  });

  it('CSV headers match fields exactly first, then ignoring case (Price and price are two fields)', async () => {
    const two = new Layout([
      { name: 'Price', type: 'long' },
      { name: 'price', type: 'long' },
      { name: 'sym', type: 'string' },
    ]);
    const path = join(dir, 'case.csv');
    writeFileSync(path, 'price,Price,SYM\n1,2,x\n');
    const { rows, errors } = await readAll(path, 'csv', two);
    expect(rows).toEqual([[2, 1, 'x']]);
    expect(errors.records).toEqual([]);
  });

  it('FORMAT string: every line (CRLF or LF, empty ones too) is one value of the one string field, and writes back as lines', async () => {
    const text = new Layout([{ name: 'line', type: 'string' }]);
    const path = join(dir, 'in.txt');
    writeFileSync(path, 'hello, "world"\r\n\n{"not":"json"}\nlast');
    const { rows, errors } = await readAll(path, 'string', text);
    expect(rows).toEqual([['hello, "world"'], [''], ['{"not":"json"}'], ['last']]);
    expect(errors.records).toEqual([]);
    const out = join(dir, 'sub', 'out.txt');
    const sink = fileSink({ path: out, format: 'string', layout: text });
    await sink.write([...rows, [null]]);
    await sink.close();
    expect(readFileSync(out, 'utf8')).toBe('hello, "world"\n\n{"not":"json"}\nlast\n\n');
  });

  it('writes JSON lines with ISO timestamps and CSV that reads back', () => {
    const row: Row = [1, 'a,"b"', Number.NaN, null, 0];
    expect(jsonLineEncoder(layout)(row)).toBe('{"id":1,"name":"a,\\"b\\"","score":null,"ok":null,"at":"1970-01-01T00:00:00.000Z"}');
    expect(csvEncoder(layout)(row)).toBe('1,"a,""b""",,,1970-01-01T00:00:00.000Z');
  });
});
