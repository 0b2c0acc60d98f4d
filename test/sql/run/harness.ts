/**
 * Runs one differential case: the case's Gale SQL over generated input files
 * (in-process: plan, run, collect every output stream), the same
 * computation by an independent oracle (DuckDB SQL or a hand-written TS
 * reference), and a comparison as multisets with doubles equal to 1e-9
 * relative.
 *
 * A case file (cases/*.sql):
 *   -- case: what it checks
 *   -- oracle: duckdb            (the SQL in the leading / * oracle ... * / block)
 *   -- oracle: reference NAME    (a function in reference.ts)
 *   -- output: STREAM            (which output to compare; default: the only one)
 *   -- errors: CODE N            (the run must report exactly N errors with CODE)
 *   /* file NAME                 (a small input file the case brings, written
 *   ...lines...                   next to the generated ones; the DuckDB SQL
 *   * /                           reads it as '$DIR/NAME')
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { planText } from '../../../src/plan/index.js';
import { CollectSink } from '../../../src/runtime/bolts/sink.js';
import { CollectingErrorStream } from '../../../src/runtime/errors.js';
import type { Row, Value } from '../../../src/runtime/message.js';
import { runTopology } from '../../../src/runtime/run.js';
import type { DataSet } from './data.js';

export interface Case {
  readonly title: string;
  readonly oracle: { kind: 'duckdb'; sql: string } | { kind: 'reference'; name: string };
  readonly output?: string;
  readonly errors?: { code: string; count: number };
  readonly gale: string;
  /** input files the case brings: name → content */
  readonly files: ReadonlyMap<string, string>;
}

export function parseCase(text: string): Case {
  const header = (key: string): string | undefined => new RegExp(`^-- ${key}:\\s*(.+)$`, 'm').exec(text)?.[1]?.trim();
  const title = header('case') ?? '(untitled)';
  const oracleLine = header('oracle') ?? 'duckdb';
  const block = /\/\*\s*oracle\s*\n([\s\S]*?)\*\//.exec(text);
  const oracle: Case['oracle'] = oracleLine.startsWith('reference')
    ? { kind: 'reference', name: oracleLine.split(/\s+/)[1]! }
    : { kind: 'duckdb', sql: block?.[1] ?? '' };
  const files = new Map<string, string>();
  for (const m of text.matchAll(/\/\*\s*file ([\w.-]+)\n([\s\S]*?)^\*\//gm)) files.set(m[1]!, m[2]!);
  const errors = header('errors');
  const output = header('output');
  return {
    title,
    oracle,
    ...(output === undefined ? {} : { output }),
    ...(errors === undefined ? {} : { errors: { code: errors.split(/\s+/)[0]!, count: Number(errors.split(/\s+/)[1]) } }),
    gale: text.replace(/\/\*\s*oracle[\s\S]*?\*\//, ''),
    files,
  };
}

/** Writes each data set as JSON lines (timestamps as ISO text in some files, epoch ms in others, as users do). */
export function writeData(dir: string, sets: readonly DataSet[]): void {
  for (const s of sets) {
    const isoTs = s.name !== 'quotes';
    const lines = s.rows.map((r) => JSON.stringify(isoTs && typeof r['ts'] === 'number' ? { ...r, ts: new Date(r['ts']).toISOString() } : r));
    writeFileSync(join(dir, `${s.name}.jsonl`), `${lines.join('\n')}\n`);
  }
}

/** Writes the input files a case brings into `dir`. */
export function writeCaseFiles(dir: string, c: Case): void {
  for (const [name, content] of c.files) writeFileSync(join(dir, name), content);
}

export async function duckWith(sets: readonly DataSet[]): Promise<DuckDBConnection> {
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  for (const s of sets) {
    await con.run(`CREATE TABLE ${s.name} (${s.columns.map(([c, t]) => `${c} ${t}`).join(', ')})`);
    for (let i = 0; i < s.rows.length; i += 500) {
      const values = s.rows
        .slice(i, i + 500)
        .map((r) => `(${s.columns.map(([c]) => sqlLiteral(r[c] ?? null)).join(', ')})`)
        .join(', ');
      await con.run(`INSERT INTO ${s.name} VALUES ${values}`);
    }
  }
  return con;
}

function sqlLiteral(v: Value): string {
  if (v === null) return 'NULL';
  if (typeof v === 'string') return `'${v.replace(/'/g, "''")}'`;
  return String(v);
}

export async function duckRows(con: DuckDBConnection, sql: string): Promise<Row[]> {
  const r = await con.runAndReadAll(sql);
  return r.getRows().map((row) => row.map((v) => (typeof v === 'bigint' ? Number(v) : (v as Value))));
}

export interface GaleRun {
  readonly outputs: Map<string, Row[]>;
  readonly errors: CollectingErrorStream;
}

export async function runGale(text: string, dir: string, parallelism = 1): Promise<GaleRun> {
  const sinks = new Map<string, CollectSink>();
  const plan = planText(text, {
    file: 'case.sql',
    baseDir: dir,
    parallelism,
    sinkOverride: (stream) => {
      let s = sinks.get(stream);
      if (s === undefined) {
        s = new CollectSink();
        sinks.set(stream, s);
      }
      return s;
    },
  });
  if (!plan.ok) throw new Error(plan.errors.map((e) => `${e.span.line}:${e.span.column} ${e.message}`).join('\n'));
  const errors = new CollectingErrorStream();
  await runTopology(plan.topology, { errors, batchSize: 64 }).done;
  return { outputs: new Map([...sinks].map(([k, v]) => [k, v.rows])), errors };
}

export function pickOutput(run: GaleRun, name: string | undefined): Row[] {
  if (name !== undefined) return run.outputs.get(name) ?? [];
  if (run.outputs.size !== 1) throw new Error(`the case has ${run.outputs.size} outputs; name one with -- output:`);
  return [...run.outputs.values()][0]!;
}

const key = (r: Row): string => r.map((v) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toPrecision(8)) : JSON.stringify(v))).join('|');

function close(a: Value, b: Value): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    if (a === b) return true;
    return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b)) || Math.abs(a - b) < 1e-9;
  }
  return a === b;
}

const rowsClose = (a: Row, b: Row): boolean => a.length === b.length && a.every((v, i) => close(v, b[i]!));

/** Compares as multisets; returns a description of the first difference, or undefined. */
export function multisetDiff(actual: readonly Row[], expected: readonly Row[]): string | undefined {
  if (actual.length !== expected.length) {
    return `gale gave ${actual.length} rows, the oracle ${expected.length}\n gale: ${sample(actual)}\n oracle: ${sample(expected)}`;
  }
  const left = [...expected];
  for (const r of [...actual].sort((x, y) => (key(x) < key(y) ? -1 : 1))) {
    const i = left.findIndex((e) => rowsClose(r, e));
    if (i < 0) return `gale row ${JSON.stringify(r)} has no match in the oracle's rows\n oracle: ${sample(left)}`;
    left.splice(i, 1);
  }
  return undefined;
}

function sample(rows: readonly Row[]): string {
  return JSON.stringify([...rows].sort((x, y) => (key(x) < key(y) ? -1 : 1)).slice(0, 6));
}
