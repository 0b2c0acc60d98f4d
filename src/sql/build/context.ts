/**
 * Shared by the CST → AST builders: spans from tokens and CST nodes, names,
 * literal text, and the list the builders report their (few) errors to.
 */
import type { CstNode, IToken } from 'chevrotain';
import type { NameCstNode } from '../../../grammar/generated/cst.js';
import { QuotedIdentifier } from '../../../grammar/tokens.js';
import type { SourceSpan } from '../../errors.js';
import type { Name } from '../ast/index.js';
import { SqlError } from '../errors.js';
import type { SqlErrorCode } from '../errors.js';

export interface BuildContext {
  readonly file: string | undefined;
  readonly errors: SqlError[];
}

export function report(ctx: BuildContext, code: SqlErrorCode, message: string, span: SourceSpan): void {
  ctx.errors.push(new SqlError(code, message, span));
}

function make(ctx: BuildContext, line: number, column: number, start: number, end: number): SourceSpan {
  return ctx.file === undefined ? { line, column, start, end } : { file: ctx.file, line, column, start, end };
}

export function tokenLoc(ctx: BuildContext, t: IToken): SourceSpan {
  return make(ctx, t.startLine ?? 1, t.startColumn ?? 1, t.startOffset, (t.endOffset ?? t.startOffset) + 1);
}

export function nodeLoc(ctx: BuildContext, n: CstNode): SourceSpan {
  const l = n.location;
  if (l === undefined || Number.isNaN(l.startOffset)) return make(ctx, 1, 1, 0, 0);
  return make(ctx, l.startLine ?? 1, l.startColumn ?? 1, l.startOffset, (l.endOffset ?? l.startOffset) + 1);
}

/** From the start of a to the end of b. */
export function cover(a: SourceSpan, b: SourceSpan): SourceSpan {
  return { ...a, end: Math.max(a.end, b.end) };
}

export function first<T>(xs: readonly T[] | undefined): T {
  const x = xs?.[0];
  if (x === undefined) throw new Error('internal: CST child missing'); // the grammar guarantees it
  return x;
}

/** The text of a '...' string token: quotes removed, '' unescaped. */
export function stringValue(t: IToken): string {
  return t.image.slice(1, -1).replace(/''/g, "'");
}

export function buildName(ctx: BuildContext, node: NameCstNode): Name {
  const c = node.children;
  const tok = c.Identifier?.[0] ?? c.QuotedIdentifier?.[0] ?? first(c.NonReservedKeyword);
  const loc = tokenLoc(ctx, tok);
  if (tok.tokenType === QuotedIdentifier) {
    const name = tok.image.slice(1, -1).replace(/""/g, '"');
    if (name === '') report(ctx, 'GALE_ERR_SQL_BAD_LITERAL', 'a quoted name cannot be empty', loc);
    return { kind: 'Name', name, loc };
  }
  return { kind: 'Name', name: tok.image, loc };
}

/** A name from a string token (WITH keys, TERMINATE 'id'). */
export function nameFromToken(ctx: BuildContext, tok: IToken, text: string): Name {
  return { kind: 'Name', name: text, loc: tokenLoc(ctx, tok) };
}
