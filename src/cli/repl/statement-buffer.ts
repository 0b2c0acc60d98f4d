/**
 * Collects typed lines until they hold complete statements. A statement ends
 * at a `;` that the lexer sees as a token, so a `;` inside a string, a quoted
 * identifier or a comment does not end it. Lines may hold several
 * statements, and a statement may span lines.
 */
import { lex } from '../../../grammar/lexer.js';
import { Semicolon } from '../../../grammar/tokens.js';

/** One complete statement as typed, with its `;`. */
export interface TypedStatement {
  readonly text: string;
}

export class StatementBuffer {
  private text = '';

  get isEmpty(): boolean {
    return this.text.trim() === '';
  }

  /** What has been typed of an unfinished statement. */
  get pending(): string {
    return this.text;
  }

  clear(): void {
    this.text = '';
  }

  /** Adds a line; returns the statements it completed (possibly none). */
  addLine(line: string): TypedStatement[] {
    this.text = this.text === '' ? line : `${this.text}\n${line}`;
    const ends = semicolonEnds(this.text);
    if (ends.length === 0) return [];
    const out: TypedStatement[] = [];
    let start = 0;
    for (const end of ends) {
      const stmt = this.text.slice(start, end).trim();
      start = end;
      // a lone `;` (or `;;`) is not a statement
      if (stmt !== ';') out.push({ text: stmt });
    }
    const rest = this.text.slice(start);
    this.text = rest.trim() === '' ? '' : rest.replace(/^\s*\n/, '');
    return out;
  }
}

/** Offsets just after each statement-ending `;` in `text`. */
function semicolonEnds(text: string): number[] {
  if (!text.includes(';')) return [];
  return lex(text)
    .tokens.filter((t) => t.tokenType === Semicolon)
    .map((t) => t.startOffset + 1);
}

/** The REPL's own commands (not SQL): typed alone on a line, with or without `;`. */
export type LocalCommand = 'help' | 'exit';

export function localCommand(line: string): LocalCommand | undefined {
  const word = line.trim().replace(/;$/, '').trim().toLowerCase();
  if (word === 'help' || word === '\\h' || word === '?') return 'help';
  if (word === 'exit' || word === 'quit' || word === '\\q') return 'exit';
  return undefined;
}
