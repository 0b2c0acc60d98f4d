/** The SQL files the front-end tests run over: our valid corpus and every file under queries/. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const ROOT = new URL('../..', import.meta.url).pathname;

export function sqlFilesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sqlFilesUnder(p));
    else if (name.endsWith('.sql')) out.push(p);
  }
  return out;
}

export interface SqlFile {
  /** path relative to the repository root (also the file name in spans) */
  readonly name: string;
  readonly text: string;
}

export function load(paths: string[]): SqlFile[] {
  return paths.map((p) => ({ name: relative(ROOT, p), text: readFileSync(p, 'utf8') }));
}

export const VALID_CORPUS = load(sqlFilesUnder(join(ROOT, 'test/grammar/valid')));
export const QUERY_FILES = load(sqlFilesUnder(join(ROOT, 'queries')));
