/**
 * The REPL reading statements from a pipe or file (stdin not a terminal):
 * no prompts, results printed as in the interactive REPL, statements run in
 * order. A push query runs until it completes or SIGINT stops it (a SIGINT
 * with no query running ends the session). Returns how many statements
 * failed, so `gale repl < script.sql` can exit non-zero.
 */
import { createInterface } from 'node:readline';
import { HELP_TEXT } from './session.js';
import type { ReplSession } from './session.js';
import { StatementBuffer, localCommand } from './statement-buffer.js';

export interface PipedReplOptions {
  readonly session: ReplSession;
  readonly input: NodeJS.ReadableStream;
  readonly write: (text: string) => void;
}

export async function runPipedRepl(opts: PipedReplOptions): Promise<number> {
  const { session } = opts;
  const buffer = new StatementBuffer();
  const rl = createInterface({ input: opts.input, terminal: false, crlfDelay: Number.POSITIVE_INFINITY });
  let stopped = false;
  const onSignal = (): void => {
    if (session.interrupt()) return;
    stopped = true;
    rl.close();
  };
  process.on('SIGINT', onSignal);
  try {
    for await (const line of rl) {
      if (stopped) break;
      if (buffer.isEmpty) {
        const cmd = localCommand(line);
        if (cmd === 'exit') break;
        if (cmd === 'help') {
          opts.write(`${HELP_TEXT}\n`);
          continue;
        }
      }
      for (const stmt of buffer.addLine(line)) await session.run(stmt.text);
    }
  } finally {
    process.off('SIGINT', onSignal);
    rl.close();
  }
  if (!stopped && !buffer.isEmpty && !onlyComments(buffer.pending)) {
    session.failures++;
    opts.write(`Error: the input ended inside a statement (a ';' is missing):\n  ${buffer.pending.trim().split('\n').join('\n  ')}\n`);
  }
  return session.failures;
}

function onlyComments(text: string): boolean {
  return text.replace(/--[^\n]*/g, '').replace(/\/\*[\s\S]*?\*\//g, '').trim() === '';
}
