/**
 * Cutting input into statements the way the parser does (at `;` outside
 * strings, quoted names and comments): for the REPL, which reads lines until
 * a statement is complete.
 */
import { lex } from '../../grammar/lexer.js';
import { Semicolon } from '../../grammar/tokens.js';

export interface SplitResult {
  /** the text of each complete statement, up to and including its `;` */
  readonly complete: string[];
  /** what follows the last `;` (an unfinished statement, or only blanks/comments) */
  readonly rest: string;
  /** true when `rest` holds nothing but white space and comments */
  readonly restIsEmpty: boolean;
}

export function splitStatements(text: string): SplitResult {
  const { tokens, errors } = lex(text);
  const complete: string[] = [];
  let from = 0;
  let any = false;
  for (const t of tokens) {
    if (t.tokenType === Semicolon) {
      complete.push(text.slice(from, t.startOffset + 1));
      from = t.startOffset + 1;
      any = false;
    } else {
      any = true;
    }
  }
  // an unterminated string or comment keeps the statement open
  const openAfter = errors.some((e) => e.span.start >= from && e.code !== 'GALE_ERR_SQL_INVALID_CHARACTER');
  return { complete, rest: text.slice(from), restIsEmpty: !any && !openAfter };
}
