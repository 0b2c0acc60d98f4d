#!/usr/bin/env node
/**
 * `gale` command router. Each subcommand lives in commands/<name>.ts and
 * exports `register(program)`; this file only wires them up and turns any
 * error that escapes into one line on stderr (never a stack trace).
 */
import { Command, CommanderError } from 'commander';
import { register as registerCheck } from './commands/check.js';
import { register as registerExplain } from './commands/explain.js';
import { register as registerRepl } from './commands/repl.js';
import { register as registerRun } from './commands/run.js';
import { register as registerServe } from './commands/serve.js';
import { reportFatal } from './report.js';

export function buildProgram(): Command {
  const program = new Command('gale')
    .description(
      'Declarative stream SQL: continuous queries over a Kafka- and ZooKeeper-compatible log.',
    )
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride();
  registerRun(program);
  registerServe(program);
  registerRepl(program);
  registerExplain(program);
  registerCheck(program);
  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv as string[]);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    return reportFatal(err);
  }
}

// `gale ... | head` closes stdout early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

const code = await main(process.argv);
process.exitCode = code;
