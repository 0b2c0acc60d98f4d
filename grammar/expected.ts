/**
 * Human wording for syntax errors: what the parser expected and what it
 * found, in the user's terms ("a name", "an expression", "';'"), never
 * Chevrotain's token names.
 */
import { EOF, tokenMatcher } from 'chevrotain';
import type { IToken, TokenType } from 'chevrotain';
import * as t from './tokens.js';

const NAME_TOKENS: TokenType[] = [t.Identifier, t.QuotedIdentifier, t.NonReservedKeyword];
const EXPRESSION_STARTERS: TokenType[] = [t.NumberLiteral, t.StringLiteral, t.LParen, t.Case, t.Cast, t.If];

function label(tok: TokenType): string {
  if (tok === t.StringLiteral) return 'a string';
  if (tok === t.NumberLiteral || tok === t.IntegerLiteral || tok === t.DoubleLiteral || tok === t.LongLiteral) {
    return 'a number';
  }
  if (tok === t.IntervalUnit) return 'SECOND, MINUTE, HOUR or DAY';
  if (tok === t.ComparisonOperator) return 'a comparison operator';
  if (tok === t.AdditiveOperator) return "'+' or '-'";
  if (tok === t.MultiplicativeOperator) return "'*', '/' or '%'";
  if (tok === EOF) return 'end of input';
  const l = tok.LABEL ?? tok.name;
  return l;
}

/** `a, b or c` */
function list(items: string[]): string {
  if (items.length <= 1) return items[0] ?? 'nothing more';
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** A short description of a set of expected token types, plus the items it is made of. */
export function describeExpected(expected: TokenType[]): { text: string; items: string[] } {
  if (expected.length === 0) return { text: "';' (end of statement)", items: ["';'"] };
  const unique = [...new Set(expected)];
  const hasName = unique.some((e) => NAME_TOKENS.includes(e));
  const isExpression = hasName && unique.some((e) => EXPRESSION_STARTERS.includes(e));
  const items: string[] = [];
  if (isExpression) items.push('an expression');
  else if (hasName) items.push('a name');
  for (const e of unique) {
    if (NAME_TOKENS.includes(e)) continue;
    if (isExpression && (EXPRESSION_STARTERS.includes(e) || isExpressionKeyword(e))) continue;
    const l = label(e);
    if (!items.includes(l)) items.push(l);
  }
  if (items.length > 8) {
    return { text: `${list(items.slice(0, 8).concat('...'))}`, items };
  }
  return { text: list(items), items };
}

function isExpressionKeyword(tok: TokenType): boolean {
  return [t.True, t.False, t.Null, t.Timestamp, t.Interval, t.Extract, t.Not, t.AdditiveOperator, t.Plus, t.Minus].includes(tok);
}

/** How a found token is shown: `'FROM'`, `end of input`, `the string 'x'`. */
export function describeToken(tok: IToken): string {
  if (tok.tokenType === EOF || tokenMatcher(tok, EOF)) return 'end of input';
  if (tok.tokenType === t.StringLiteral) return `the string ${tok.image}`;
  if (tok.tokenType === t.Identifier || tok.tokenType === t.QuotedIdentifier) return `the name ${tok.image}`;
  if (tokenMatcher(tok, t.NumberLiteral)) return `the number ${tok.image}`;
  return `'${tok.image}'`;
}
