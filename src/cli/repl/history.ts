/**
 * REPL history kept between sessions: one entry a line in a plain text file
 * (default ~/.gale_history; GALE_HISTORY or --history-file move it, an empty
 * value turns it off). Each statement is appended as soon as it is entered,
 * so a crash loses nothing; the file is trimmed to the newest entries when
 * it is loaded. A history file that cannot be read or written is not worth
 * stopping a session for: the REPL goes on without it.
 */
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

export const HISTORY_SIZE = 1000;

export function defaultHistoryFile(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const given = env['GALE_HISTORY'];
  if (given !== undefined) return given === '' ? undefined : given;
  return join(homedir(), '.gale_history');
}

export class History {
  constructor(private readonly file: string | undefined) {}

  /** Entries newest first (readline's order). */
  load(): string[] {
    if (this.file === undefined) return [];
    let lines: string[];
    try {
      lines = readFileSync(this.file, 'utf8').split('\n').filter((l) => l.trim() !== '');
    } catch {
      return [];
    }
    if (lines.length > HISTORY_SIZE) {
      lines = lines.slice(-HISTORY_SIZE);
      this.rewrite(lines);
    }
    return lines.reverse();
  }

  add(entry: string): void {
    if (this.file === undefined || entry.trim() === '') return;
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      appendFileSync(this.file, `${entry.replace(/\r?\n/g, ' ')}\n`, { mode: 0o600 });
    } catch {
      // see the module comment
    }
  }

  private rewrite(lines: readonly string[]): void {
    if (this.file === undefined) return;
    try {
      writeFileSync(this.file, `${lines.join('\n')}\n`, { mode: 0o600 });
    } catch {
      // see the module comment
    }
  }
}

/**
 * One history entry for a statement typed over several lines: the lines
 * joined with spaces, unless a `--` comment would then swallow the rest
 * (then the lines stay separate entries).
 */
export function historyEntries(lines: readonly string[]): string[] {
  if (lines.length <= 1) return [...lines];
  if (lines.some((l) => l.includes('--'))) return [...lines];
  return [lines.map((l) => l.trim()).join(' ')];
}
