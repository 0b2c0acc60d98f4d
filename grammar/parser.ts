/**
 * GaleParser: a pure CST parser (no embedded actions) composed from the rule
 * families in rules/. There is one instance (`galeParser`), reset for each
 * statement by assigning `.input`, as Chevrotain's performance guide advises.
 * Error recovery is off: `parseScript` recovers at statement level instead
 * (see src/sql/parse.ts), which reports one precise error per broken
 * statement and never a cascade.
 */
import { CstParser, tokenMatcher } from 'chevrotain';
import type { IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';
import { defineDdlRules } from './rules/ddl.js';
import { defineDmlRules } from './rules/dml.js';
import type { GrammarBuilder, GrammarRules } from './rules/dsl.js';
import { defineExpressionRules } from './rules/expressions.js';
import { definePatternRules } from './rules/pattern.js';
import { defineQueryRules } from './rules/query.js';
import { defineSessionRules } from './rules/session.js';
import { defineStatementRules } from './rules/statements.js';
import { ComparisonOperator, Distinct, Equals, ReservedKeyword, allTokens } from './tokens.js';
import { describeExpected, describeToken } from './expected.js';

/** What the last syntax error expected (set by the message provider; read right after a failed parse). */
let lastExpected: string[] = [];

export function takeLastExpected(): string[] {
  const e = lastExpected;
  lastExpected = [];
  return e;
}

function firstTokens(paths: TokenType[][][] | TokenType[][]): TokenType[] {
  const out: TokenType[] = [];
  const visit = (p: unknown): void => {
    if (Array.isArray(p)) {
      if (p.length > 0 && !Array.isArray(p[0])) {
        out.push(p[0] as TokenType);
      } else {
        for (const q of p) visit(q);
      }
    }
  };
  visit(paths);
  return out;
}

const CLAUSE_WORDS = new Set(['select', 'from', 'where', 'into', 'as', 'on', 'and', 'or', 'then', 'else', 'when', 'by', 'join', 'having', 'with', 'using', 'within']);

function expectedMessage(expected: TokenType[], actual: IToken): string {
  const desc = describeExpected(expected);
  lastExpected = desc.items;
  // `limit` where a name belongs is probably a field called limit; `FROM` is probably a missing item
  const wantsName = desc.items.includes('a name') || desc.items.includes('an expression');
  const looksLikeName =
    tokenMatcher(actual, ReservedKeyword) && actual.image !== actual.image.toUpperCase() && !CLAUSE_WORDS.has(actual.image.toLowerCase());
  // after a complete operand, `<` (etc.) can only be unexpected because comparisons do not chain
  const chained = !wantsName && tokenMatcher(actual, ComparisonOperator) && !tokenMatcher(actual, Equals);
  const hint =
    (wantsName && looksLikeName) || (desc.items.length === 1 && desc.items[0] === 'a name' && tokenMatcher(actual, ReservedKeyword))
      ? ` (a reserved word: write "${actual.image}" to use it as a name)`
      : chained
        ? ' (comparisons do not chain: write a < b AND b < c, or use BETWEEN)'
        : tokenMatcher(actual, Distinct)
          ? ' (DISTINCT is not supported: count distinct values with count_distinct(x), distinct rows with GROUP BY)'
          : '';
  return `expected ${desc.text} but found ${describeToken(actual)}${hint}`;
}

const messages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected, actual }) => expectedMessage([expected], actual),
  buildNotAllInputParsedMessage: ({ firstRedundant }) => expectedMessage([], firstRedundant),
  buildNoViableAltMessage: ({ expectedPathsPerAlt, actual }) =>
    expectedMessage(firstTokens(expectedPathsPerAlt), actual[0] as IToken),
  buildEarlyExitMessage: ({ expectedIterationPaths, actual }) =>
    expectedMessage(firstTokens(expectedIterationPaths), actual[0] as IToken),
};

// The rule fields are declared by GrammarRules (interface merging) and
// assigned by the rule families in the constructor.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface GaleParser extends GrammarRules {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class GaleParser extends CstParser {
  constructor() {
    super(allTokens, {
      maxLookahead: 3,
      recoveryEnabled: false,
      nodeLocationTracking: 'full',
      errorMessageProvider: messages,
    });
    const $ = this as unknown as GrammarBuilder;
    defineStatementRules($);
    defineDdlRules($);
    defineQueryRules($);
    definePatternRules($);
    defineDmlRules($);
    defineSessionRules($);
    defineExpressionRules($);
    this.performSelfAnalysis();
  }
}

export const galeParser = new GaleParser();
