/**
 * `gale repl`: the interactive shell. With `--server URL` it talks to a
 * running `gale serve` over its HTTP API; without, it runs the engine
 * embedded (its own log and coordinator in --data-dir, or a temporary
 * directory removed on exit). On a terminal it prompts; with stdin piped it
 * reads statements from stdin and prints their results, so it can be
 * scripted (`gale repl < script.sql`, exit code 1 if a statement failed).
 */
import type { Command } from 'commander';
import { CompletionSource } from '../repl/completion.js';
import { History, defaultHistoryFile } from '../repl/history.js';
import { openReplEngine } from '../repl/open-engine.js';
import { runPipedRepl } from '../repl/piped.js';
import { ReplSession } from '../repl/session.js';
import { runTerminalRepl } from '../repl/terminal.js';

interface ReplCliOptions {
  readonly server?: string;
  readonly dataDir?: string;
  readonly historyFile?: string;
  readonly history: boolean;
}

export function register(program: Command): void {
  program
    .command('repl')
    .description('Interactive SQL shell: declare streams, insert rows, watch push queries live')
    .option('--server <url>', 'a running `gale serve` HTTP API (e.g. http://127.0.0.1:8088); default: an embedded engine')
    .option('--data-dir <dir>', 'embedded engine: where its log and coordinator keep data (default: a temporary directory)')
    .option('--history-file <file>', 'where history is kept (default: $GALE_HISTORY or ~/.gale_history)')
    .option('--no-history', 'keep no history file')
    .action(async (options: ReplCliOptions) => {
      process.exitCode = await runRepl(options);
    });
}

async function runRepl(options: ReplCliOptions): Promise<number> {
  const interactive = process.stdin.isTTY === true && process.stdout.isTTY === true;
  const opened = await openReplEngine({
    ...(options.server === undefined ? {} : { server: options.server }),
    ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
  });
  const write = (text: string): void => {
    process.stdout.write(text);
  };
  try {
    const completions = new CompletionSource(opened.engine);
    const session = new ReplSession({
      engine: opened.engine,
      write,
      width: () => (process.stdout.isTTY === true ? process.stdout.columns : Number.POSITIVE_INFINITY),
      interactive,
      completions,
    });
    if (!interactive) {
      const failures = await runPipedRepl({ session, input: process.stdin, write });
      return failures > 0 ? 1 : 0;
    }
    void completions.refresh();
    write(`Gale 0.1.0 — ${opened.describe}\nStatements end with ';'. Type 'help' for help, 'exit' to leave.\n\n`);
    const historyFile = options.history ? (options.historyFile ?? defaultHistoryFile()) : undefined;
    await runTerminalRepl({ session, input: process.stdin, output: process.stdout, history: new History(historyFile), completions });
    return 0;
  } finally {
    await opened.close();
  }
}
