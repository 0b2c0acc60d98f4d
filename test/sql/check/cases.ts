/** Loads the SQL case files of test/sql/check: invalid/*.sql carry a first-line directive. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const CHECK_DIR = new URL('.', import.meta.url).pathname;

export interface InvalidCase {
  readonly file: string;
  readonly text: string;
  readonly code: string;
  readonly line: number;
  readonly column: number;
}

const DIRECTIVE = /^-- error: (GALE_ERR_SQL_[A-Z_]+) at (\d+):(\d+)\s*$/;

export function invalidCases(): InvalidCase[] {
  const dir = join(CHECK_DIR, 'invalid');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      const m = DIRECTIVE.exec(text.split('\n', 1)[0] ?? '');
      if (m === null) throw new Error(`${f}: first line must be '-- error: GALE_ERR_SQL_<CODE> at <line>:<col>'`);
      return { file: `invalid/${f}`, text, code: m[1]!, line: Number(m[2]), column: Number(m[3]) };
    });
}
