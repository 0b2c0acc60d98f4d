/**
 * Drives a command through a pseudo-terminal (@lydell/node-pty), as a
 * person at a terminal would: type text and keys, wait for output. Output is
 * kept with ANSI escapes removed so tests match what a person reads.
 */
import { spawn } from '@lydell/node-pty';
import type { IPty } from '@lydell/node-pty';

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Za-z0-9]|\x1b[=>]/g;

export interface PtyOptions {
  readonly args: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  readonly cols?: number;
  readonly cwd?: string;
}

export class PtyDriver {
  private readonly pty: IPty;
  private raw = '';
  /** where the last expect() matched: later expects look after it */
  private mark = 0;
  readonly exited: Promise<number>;

  constructor(opts: PtyOptions) {
    this.pty = spawn(process.execPath, [...opts.args], {
      name: 'xterm',
      cols: opts.cols ?? 100,
      rows: 40,
      cwd: opts.cwd ?? process.cwd(),
      env: { ...process.env, ...opts.env } as Record<string, string>,
    });
    this.pty.onData((d) => {
      this.raw += d;
    });
    this.exited = new Promise((resolve) => this.pty.onExit((e) => resolve(e.exitCode)));
  }

  /** Everything shown so far, escapes and carriage returns removed. */
  get screen(): string {
    return this.raw.replace(ANSI, '').replace(/\r/g, '');
  }

  /** Text shown since the last match. */
  get since(): string {
    return this.screen.slice(this.mark);
  }

  type(text: string): void {
    this.pty.write(text);
  }

  /** Types a line and Enter. */
  line(text: string): void {
    this.pty.write(`${text}\r`);
  }

  ctrlC(): void {
    this.pty.write('\x03');
  }

  ctrlD(): void {
    this.pty.write('\x04');
  }

  /** Waits until the output after the last match contains `what`; returns that output. */
  async expect(what: string | RegExp, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen;
      const tail = screen.slice(this.mark);
      const idx = typeof what === 'string' ? tail.indexOf(what) : tail.search(what);
      if (idx >= 0) {
        const len = typeof what === 'string' ? what.length : (tail.slice(idx).match(what)?.[0].length ?? 0);
        this.mark += idx + len;
        return tail.slice(0, idx + len);
      }
      if (Date.now() > deadline) {
        throw new Error(`timed out waiting for ${String(what)}; the terminal shows since the last match:\n${tail}`);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  kill(): void {
    try {
      this.pty.kill();
    } catch {
      // already gone
    }
  }
}
