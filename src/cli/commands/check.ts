/**
 * `gale check FILE...`: parse and check each file (each against a fresh
 * catalog). A valid file prints one summary line on stdout; an invalid one
 * prints every error on stderr as `file:line:col: error: message`, the source
 * line and a caret. Exit status: 0 when every file is valid, 1 otherwise.
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { analyzeScript, formatDiagnostic, streams } from '../../sql/index.js';
import type { CheckedStatement } from '../../sql/index.js';

const QUERY_KINDS = new Set<CheckedStatement['kind']>(['Query', 'Union', 'TableInsert', 'TableUpdate', 'TableDelete']);

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Check one file; returns whether it is valid. */
export async function checkFile(path: string, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<boolean> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    err.write(`${path}: error: cannot read the file${code === undefined ? '' : ` (${code})`}\n`);
    return false;
  }
  const r = analyzeScript(text, { file: path });
  if (r.errors.length > 0) {
    for (const e of r.errors) err.write(`${formatDiagnostic(e, text, path)}\n`);
    return false;
  }
  const queries = r.script.statements.filter((s) => QUERY_KINDS.has(s.kind) || (s.kind === 'Declare' && s.updateFrom !== undefined)).length;
  out.write(
    `${path}: ok (${plural(r.statements.length, 'statement')}, ${plural(streams(r.catalog).length, 'stream')}, ${plural(queries, 'query').replace('querys', 'queries')})\n`,
  );
  return true;
}

export function register(program: Command): void {
  program
    .command('check')
    .description('check SQL files for syntax and semantic errors (file:line:col for each)')
    .argument('<files...>', 'SQL files to check')
    .action(async (files: string[]) => {
      let ok = true;
      for (const f of files) {
        if (!(await checkFile(f, process.stdout, process.stderr))) ok = false;
      }
      process.exitCode = ok ? 0 : 1;
    });
}
