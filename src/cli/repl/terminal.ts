/**
 * The interactive REPL on a terminal: `gale> ` prompt, `   ...> ` while a
 * statement continues, history (up/down, kept between sessions), Tab
 * completion, and the keys:
 *
 *   Ctrl-C  with text typed: drops the text (and the unfinished statement);
 *           at an empty prompt: says how to leave; twice in a row: leaves;
 *           while a push query runs: stops that query, not the REPL
 *   Ctrl-D  at an empty prompt: leaves
 *
 * How Ctrl-C reaches a running query: readline owns the terminal (raw mode)
 * only while a statement is typed. While statements run, its interface is
 * closed, so the terminal is back in cooked mode and Ctrl-C arrives as a
 * SIGINT signal, which interrupts the session's push query. A new interface
 * (with the history so far) takes the next statement.
 */
import { createInterface } from 'node:readline';
import type { Interface } from 'node:readline';
import type { CompletionSource } from './completion.js';
import { HISTORY_SIZE, historyEntries } from './history.js';
import { renderFailure } from './render/error.js';
import type { History } from './history.js';
import { HELP_TEXT } from './session.js';
import type { ReplSession } from './session.js';
import { StatementBuffer, localCommand } from './statement-buffer.js';
import type { TypedStatement } from './statement-buffer.js';

export const PROMPT = 'gale> ';
export const CONTINUATION_PROMPT = '   ...> ';

export interface TerminalReplOptions {
  readonly session: ReplSession;
  readonly input: NodeJS.ReadStream;
  readonly output: NodeJS.WriteStream;
  readonly history: History;
  readonly completions: CompletionSource;
}

type Reading = { readonly exit: true } | { readonly exit: false; readonly statements: TypedStatement[] };

export async function runTerminalRepl(opts: TerminalReplOptions): Promise<void> {
  const { session, output } = opts;
  const buffer = new StatementBuffer();
  let history = opts.history.load();
  const onSignal = (): void => {
    // only reaches us while statements run (readline is closed): stop the push query,
    // below the ^C the terminal echoed
    if (session.interrupt()) output.write('\n');
  };
  process.on('SIGINT', onSignal);
  try {
    for (;;) {
      const reading = await readStatements();
      if (reading.exit) break;
      for (const stmt of reading.statements) await session.run(stmt.text);
    }
  } finally {
    process.off('SIGINT', onSignal);
  }

  function readStatements(): Promise<Reading> {
    return new Promise((resolve) => {
      const rl: Interface = createInterface({
        input: opts.input,
        output,
        terminal: true,
        history: [...history],
        historySize: HISTORY_SIZE,
        removeHistoryDuplicates: true,
        completer: opts.completions.completer,
        tabSize: 4,
      });
      let typed: string[] = [];
      let interrupted = false;
      let done = false;
      const finish = (r: Reading): void => {
        if (done) return;
        done = true;
        rl.close();
        resolve(r);
      };
      const prompt = (): void => {
        rl.setPrompt(buffer.isEmpty ? PROMPT : CONTINUATION_PROMPT);
        rl.prompt();
      };
      const onLine = (line: string): void => {
        interrupted = false;
        if (buffer.isEmpty) {
          const cmd = localCommand(line);
          if (cmd === 'exit') return finish({ exit: true });
          if (cmd === 'help') {
            output.write(`${HELP_TEXT}\n`);
            return prompt();
          }
        }
        if (line.trim() !== '' || !buffer.isEmpty) typed.push(line);
        const statements = buffer.addLine(line);
        if (statements.length === 0) return prompt();
        // the statement's lines become one history entry (readline kept them one by one)
        const entries = historyEntries(typed);
        typed = buffer.isEmpty ? [] : [buffer.pending];
        for (const e of entries) opts.history.add(e);
        history = [...entries.reverse(), ...history.filter((h) => !entries.includes(h))].slice(0, HISTORY_SIZE);
        finish({ exit: false, statements });
      };
      rl.on('line', (line) => {
        // a bug here must not end the session with a stack trace
        try {
          onLine(line);
        } catch (err) {
          buffer.clear();
          typed = [];
          output.write(`${renderFailure(err)}\n`);
          prompt();
        }
      });
      rl.on('SIGINT', () => {
        if (rl.line !== '' || !buffer.isEmpty) {
          buffer.clear();
          typed = [];
          interrupted = false;
          output.write('^C\n');
          // empty readline's line: end of line, then delete everything before the cursor
          rl.write(null, { ctrl: true, name: 'e' });
          rl.write(null, { ctrl: true, name: 'u' });
          return prompt();
        }
        if (interrupted) {
          output.write('\n');
          return finish({ exit: true });
        }
        interrupted = true;
        output.write('\n(To leave, press Ctrl-C again or Ctrl-D, or type exit)\n');
        return prompt();
      });
      // Ctrl-D at an empty prompt, or the terminal going away
      rl.on('close', () => {
        if (!done) output.write('\n');
        finish({ exit: true });
      });
      prompt();
    });
  }
}
