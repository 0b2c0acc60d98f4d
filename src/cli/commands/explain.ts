/**
 * `gale explain FILE.sql`: prints the topology each query of the file runs
 * as — components, kinds, parallelism, inputs with their groupings, and
 * what each computes — as text, Graphviz DOT or a Mermaid flowchart.
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { explain, planText, type ExplainFormat } from '../../plan/index.js';
import { formatDiagnostic } from '../../sql/index.js';

export async function explainFile(path: string, opts: { format?: string; parallelism?: string }): Promise<number> {
  const format = (opts.format ?? 'text') as ExplainFormat;
  if (!['text', 'dot', 'mermaid'].includes(format)) {
    process.stderr.write(`gale explain: --format must be text, dot or mermaid, not ${format}\n`);
    return 2;
  }
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    process.stderr.write(`gale explain: cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? String(e)})\n`);
    return 2;
  }
  const parallelism = opts.parallelism === undefined ? undefined : Number(opts.parallelism);
  const plan = planText(text, {
    file: path,
    baseDir: dirname(resolve(path)),
    cwd: process.cwd(),
    requireInputFiles: false,
    ...(parallelism === undefined || !Number.isFinite(parallelism) ? {} : { parallelism }),
  });
  if (!plan.ok) {
    for (const e of plan.errors) process.stderr.write(`${formatDiagnostic(e, text, path)}\n`);
    return 1;
  }
  process.stdout.write(explain(plan.topology, format));
  return 0;
}

export function register(program: Command): void {
  program
    .command('explain')
    .description('print the topology (spouts, bolts, groupings, parallelism) each query of a .sql file runs as')
    .argument('<file>', 'the .sql file')
    .option('--format <format>', 'text, dot (Graphviz) or mermaid', 'text')
    .option('--parallelism <n>', 'plan with this many tasks per parallelizable component')
    .action(async (file: string, opts: { format?: string; parallelism?: string }) => {
      process.exitCode = await explainFile(file, opts);
    });
}
