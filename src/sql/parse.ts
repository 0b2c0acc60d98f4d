/**
 * parseScript: SQL text → statements (AST) + every syntax error.
 *
 * Recovery is per statement: the token stream is cut after each `;` and each
 * piece is parsed on its own (one parser instance, reset through `.input`).
 * A broken statement yields one error — what was expected and what was
 * found, at the exact token — and the next statement is parsed as if nothing
 * happened. A statement with a lexical error is not parsed (its lexical error
 * is the one reported).
 */
import { EOF, tokenMatcher } from 'chevrotain';
import type { IRecognitionException, IToken, TokenType } from 'chevrotain';
import type { TerminatedStatementCstNode } from '../../grammar/generated/cst.js';
import { lex } from '../../grammar/lexer.js';
import { galeParser, takeLastExpected } from '../../grammar/parser.js';
import {
  Create,
  Declare,
  Identifier,
  Into,
  NonReservedKeyword,
  QuotedIdentifier,
  Schema,
  Semicolon,
  Stream,
  Table,
  Union,
  Window,
} from '../../grammar/tokens.js';
import { describeToken } from '../../grammar/expected.js';
import type { SourceSpan } from '../errors.js';
import type { Statement } from './ast/index.js';
import { buildStatement } from './build/statement.js';
import type { BuildContext } from './build/context.js';
import { SqlError } from './errors.js';

export interface ParseOptions {
  /** the file name put in every span (for `file:line:col` messages) */
  readonly file?: string;
}

export interface ParseResult {
  /** the statements that parsed without error, in source order */
  readonly statements: Statement[];
  /** every lexical and syntax error, in source order */
  readonly errors: SqlError[];
  /**
   * names that the statements with errors appear to declare (CREATE ... name,
   * DECLARE name, INTO name): the checker does not report them again as unknown
   */
  readonly unparsedNames: readonly string[];
}

const DECLARING: ReadonlySet<TokenType> = new Set([Stream, Table, Window, Schema]);

function nameText(t: IToken | undefined): string | undefined {
  if (t === undefined) return undefined;
  if (t.tokenType === QuotedIdentifier) return t.image.slice(1, -1).replace(/""/g, '"');
  return tokenMatcher(t, Identifier) || tokenMatcher(t, NonReservedKeyword) ? t.image : undefined;
}

/** The names a statement that could not be parsed seems to declare. */
function declaredBy(tokens: readonly IToken[]): string[] {
  const out: string[] = [];
  const first = tokens[0]?.tokenType;
  if (first === Create) {
    const i = tokens.findIndex((t) => DECLARING.has(t.tokenType));
    const n = i < 0 ? undefined : nameText(tokens[i + 1]);
    if (n !== undefined) out.push(n);
  }
  if (first === Declare) {
    const n = nameText(tokens[1]);
    if (n !== undefined) out.push(n);
  }
  tokens.forEach((t, i) => {
    const n = t.tokenType === Into ? nameText(tokens[i + 1]) : undefined;
    if (n !== undefined) out.push(n);
  });
  return out;
}

/** How deep a statement's AST may be; real queries stay far below, and the checker and formatter recurse. */
export const MAX_NESTING = 400;

/** The depth of an AST (iterative, so a degenerate tree cannot overflow the stack here). */
function depthExceeds(root: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > limit) return true;
    if (Array.isArray(node)) {
      for (const x of node) stack.push([x, depth]);
    } else if (typeof node === 'object' && node !== null) {
      for (const [k, v] of Object.entries(node)) if (k !== 'loc' && typeof v === 'object') stack.push([v, depth + 1]);
    }
  }
  return false;
}

function tooComplex(first: IToken, file: string | undefined): SqlError {
  return new SqlError(
    'GALE_ERR_SQL_TOO_COMPLEX',
    `this statement is nested too deeply (more than ${MAX_NESTING} levels of expressions); split it up`,
    spanOfToken(first, file),
  );
}

const STATEMENT_STARTS =
  'a statement (CREATE, SELECT, INSERT, REPLACE, UPDATE, DELETE, DECLARE, EXPLAIN, SHOW, DESCRIBE, TERMINATE, SET, RUN SCRIPT or `s UNION t`)';

/** Position just after a token (where a missing token would go). */
function afterToken(t: IToken, file: string | undefined): SourceSpan {
  const end = (t.endOffset ?? t.startOffset) + 1;
  const span = { line: t.endLine ?? t.startLine ?? 1, column: (t.endColumn ?? t.startColumn ?? 0) + 1, start: end, end };
  return file === undefined ? span : { file, ...span };
}

function spanOfToken(t: IToken, file: string | undefined): SourceSpan {
  const span = { line: t.startLine ?? 1, column: t.startColumn ?? 1, start: t.startOffset, end: (t.endOffset ?? t.startOffset) + 1 };
  return file === undefined ? span : { file, ...span };
}

function syntaxError(e: IRecognitionException, tokens: IToken[], file: string | undefined): SqlError {
  const expected = takeLastExpected();
  const tok = e.token;
  if (tok.tokenType === EOF || Number.isNaN(tok.startOffset)) {
    const last = tokens[tokens.length - 1]!;
    return new SqlError('GALE_ERR_SQL_UNEXPECTED_END', e.message, afterToken(last, file), expected);
  }
  // `foo ...;` where foo is not a statement keyword: the grammar took foo as the
  // start of `foo UNION bar`; say what statements there are instead.
  if (tokens[1] === tok && expected.length === 1 && expected[0] === Union.LABEL) {
    const head = tokens[0]!;
    return new SqlError(
      'GALE_ERR_SQL_UNEXPECTED_TOKEN',
      `expected ${STATEMENT_STARTS} but found ${describeToken(head)}`,
      spanOfToken(head, file),
      ['a statement'],
    );
  }
  return new SqlError('GALE_ERR_SQL_UNEXPECTED_TOKEN', e.message, spanOfToken(tok, file), expected);
}

export function parseScript(text: string, opts: ParseOptions = {}): ParseResult {
  const file = opts.file;
  const lexed = lex(text, file);
  const errors: SqlError[] = [...lexed.errors];
  const statements: Statement[] = [];
  const unparsedNames: string[] = [];
  const lexErrorOffsets = lexed.errors.map((e) => e.span.start);
  let lexIdx = 0;
  let chunkStart = 0;
  const tokens = lexed.tokens;
  const parser = galeParser;
  for (let i = 0; i <= tokens.length; i++) {
    const atEnd = i === tokens.length;
    if (!atEnd && tokens[i]!.tokenType !== Semicolon) continue;
    const chunk = tokens.slice(chunkStart, atEnd ? i : i + 1);
    chunkStart = i + 1;
    const endOffset = atEnd ? Infinity : tokens[i]!.startOffset;
    // lexical errors that fall inside this statement make it unparseable
    let lexErrorHere = false;
    while (lexIdx < lexErrorOffsets.length && lexErrorOffsets[lexIdx]! <= endOffset) {
      lexErrorHere = true;
      lexIdx++;
    }
    if (chunk.length === 0 || (chunk.length === 1 && chunk[0]!.tokenType === Semicolon)) continue;
    if (lexErrorHere) {
      unparsedNames.push(...declaredBy(chunk));
      continue;
    }
    parser.input = chunk;
    let cst: TerminatedStatementCstNode | undefined;
    try {
      cst = parser.terminatedStatement() as TerminatedStatementCstNode | undefined;
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      errors.push(tooComplex(chunk[0]!, file));
      unparsedNames.push(...declaredBy(chunk));
      continue;
    }
    if (parser.errors.length > 0 || cst === undefined) {
      const e = parser.errors[0];
      if (e !== undefined) errors.push(syntaxError(e, chunk, file));
      unparsedNames.push(...declaredBy(chunk));
      continue;
    }
    const ctx: BuildContext = { file, errors: [] };
    let stmt: Statement;
    try {
      stmt = buildStatement(ctx, cst.children.statement[0]!);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      ctx.errors.push(tooComplex(chunk[0]!, file));
    }
    if (ctx.errors.length === 0 && depthExceeds(stmt!, MAX_NESTING)) ctx.errors.push(tooComplex(chunk[0]!, file));
    if (ctx.errors.length > 0) {
      errors.push(...ctx.errors);
      unparsedNames.push(...declaredBy(chunk));
      continue;
    }
    statements.push(stmt!);
  }
  errors.sort((a, b) => a.span.start - b.span.start);
  return { statements, errors, unparsedNames };
}
