/**
 * The lexer: one Chevrotain Lexer over `allTokens`, wrapped so that every
 * lexical problem becomes a SqlError with an exact span, never Chevrotain's
 * own text. Unterminated strings, quoted identifiers and comments are lexed as
 * tokens of their own so the message can say what is unterminated.
 */
import { Lexer } from 'chevrotain';
import type { IToken } from 'chevrotain';
import type { SourceSpan } from '../src/errors.js';
import { SqlError } from '../src/sql/errors.js';
import { UnterminatedComment, UnterminatedIdentifier, UnterminatedString, allTokens } from './tokens.js';

export const galeLexer = new Lexer(allTokens, {
  positionTracking: 'full',
  ensureOptimizations: true,
});

export interface LexResult {
  readonly tokens: IToken[];
  readonly errors: SqlError[];
}

/** The span of one token. */
export function tokenSpan(t: IToken, file: string | undefined): SourceSpan {
  const span = {
    line: t.startLine ?? 1,
    column: t.startColumn ?? 1,
    start: t.startOffset,
    end: (t.endOffset ?? t.startOffset) + 1,
  };
  return file === undefined ? span : { file, ...span };
}

function describeChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  return code < 0x20 || code === 0x7f ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}` : `'${ch}'`;
}

/** What users of other SQL dialects most likely meant by a character Gale does not have. */
const CHARACTER_HINTS: Record<string, string> = {
  ':': ' (casts are written CAST(x AS type))',
  '`': ' (quote names with double quotes: "name")',
  '?': ' (there are no parameters: write the value)',
};

/** Tokens (without skipped trivia and without erroneous tokens) and the lexical errors, in source order. */
export function lex(text: string, file?: string): LexResult {
  const r = galeLexer.tokenize(text);
  const errors: SqlError[] = [];
  for (const e of r.errors) {
    const ch = text.slice(e.offset, e.offset + e.length);
    const first = String.fromCodePoint(ch.codePointAt(0) ?? 0);
    const span: SourceSpan = {
      ...(file === undefined ? {} : { file }),
      line: e.line ?? 1,
      column: e.column ?? 1,
      start: e.offset,
      end: e.offset + e.length,
    };
    errors.push(
      new SqlError('GALE_ERR_SQL_INVALID_CHARACTER', `unexpected character ${describeChar(first)}${CHARACTER_HINTS[first] ?? ''}`, span),
    );
  }
  const tokens: IToken[] = [];
  for (const t of r.tokens) {
    if (t.tokenType === UnterminatedString) {
      errors.push(new SqlError('GALE_ERR_SQL_UNTERMINATED_STRING', "string literal is not terminated: expected ' before the end of the line", tokenSpan(t, file)));
    } else if (t.tokenType === UnterminatedIdentifier) {
      errors.push(new SqlError('GALE_ERR_SQL_UNTERMINATED_IDENTIFIER', 'quoted identifier is not terminated: expected " before the end of the line', tokenSpan(t, file)));
    } else if (t.tokenType === UnterminatedComment) {
      errors.push(new SqlError('GALE_ERR_SQL_UNTERMINATED_COMMENT', 'comment is not terminated: expected */', tokenSpan(t, file)));
    } else {
      tokens.push(t);
    }
  }
  if (r.errors.length > 0) errors.sort((a, b) => a.span.start - b.span.start);
  return { tokens, errors };
}
