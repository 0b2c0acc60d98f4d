/**
 * The whole vocabulary of the dialect, in lexer order.
 *
 * - Keywords are case-insensitive and use `longer_alt: Identifier`, so that
 *   `selector` is one identifier, not SELECT + `or`.
 * - Reserved keywords start or separate clauses and cannot be names.
 *   Non-reserved keywords (category NonReservedKeyword) are words the grammar
 *   uses only in positions where a name cannot appear, so they stay usable as
 *   field and stream names (`time`, `key`, `size`, `timestamp`, `day`, ...).
 * - Strings and quoted identifiers cannot span lines, so an unterminated one
 *   stops at the end of its line (and the error names that line).
 */
import { Lexer, createToken } from 'chevrotain';
import type { TokenType } from 'chevrotain';

// ---- categories -----------------------------------------------------------
export const Keyword = createToken({ name: 'Keyword', pattern: Lexer.NA });
export const ReservedKeyword = createToken({ name: 'ReservedKeyword', pattern: Lexer.NA, categories: [Keyword] });
export const NonReservedKeyword = createToken({ name: 'NonReservedKeyword', pattern: Lexer.NA, categories: [Keyword] });
export const Literal = createToken({ name: 'Literal', pattern: Lexer.NA });
export const NumberLiteral = createToken({ name: 'NumberLiteral', pattern: Lexer.NA, categories: [Literal] });
export const Operator = createToken({ name: 'Operator', pattern: Lexer.NA });
export const ComparisonOperator = createToken({ name: 'ComparisonOperator', pattern: Lexer.NA, categories: [Operator] });
export const AdditiveOperator = createToken({ name: 'AdditiveOperator', pattern: Lexer.NA, categories: [Operator] });
export const MultiplicativeOperator = createToken({ name: 'MultiplicativeOperator', pattern: Lexer.NA, categories: [Operator] });
export const IntervalUnit = createToken({ name: 'IntervalUnit', pattern: Lexer.NA });

// ---- trivia ---------------------------------------------------------------
export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r\n\f\v]+/, group: Lexer.SKIPPED });
export const LineComment = createToken({ name: 'LineComment', pattern: /--[^\r\n]*/, group: Lexer.SKIPPED });
export const BlockComment = createToken({ name: 'BlockComment', pattern: /\/\*[\s\S]*?\*\//, group: Lexer.SKIPPED });
/** `/*` without a closing `*\/`: lexed so the error can say so (reported by the lexer wrapper). */
export const UnterminatedComment = createToken({ name: 'UnterminatedComment', pattern: /\/\*[\s\S]*/ });

// ---- names and literals -----------------------------------------------------
export const Identifier = createToken({ name: 'Identifier', pattern: /[A-Za-z_][A-Za-z0-9_]*/ });
/** `"any text"` with `""` for a double quote. */
export const QuotedIdentifier = createToken({ name: 'QuotedIdentifier', pattern: /"(?:[^"\r\n]|"")*"/ });
export const UnterminatedIdentifier = createToken({ name: 'UnterminatedIdentifier', pattern: /"(?:[^"\r\n]|"")*/ });
/** `'text'` with `''` for a single quote. */
export const StringLiteral = createToken({ name: 'StringLiteral', pattern: /'(?:[^'\r\n]|'')*'/, categories: [Literal] });
export const UnterminatedString = createToken({ name: 'UnterminatedString', pattern: /'(?:[^'\r\n]|'')*/ });
/** `4.2`, `.5`, `4.`, `1e3`, `2.5E-3` */
export const DoubleLiteral = createToken({
  name: 'DoubleLiteral',
  pattern: /(?:\d+\.\d*|\.\d+)(?:[eE][+-]?\d+)?|\d+[eE][+-]?\d+/,
  categories: [NumberLiteral],
});
/** `42L` */
export const LongLiteral = createToken({ name: 'LongLiteral', pattern: /\d+[lL]/, categories: [NumberLiteral] });
/** `42` (a long when it does not fit in 32 bits) */
export const IntegerLiteral = createToken({ name: 'IntegerLiteral', pattern: /\d+/, categories: [NumberLiteral] });

// ---- keywords -------------------------------------------------------------
const keywordTokens: TokenType[] = [];

function keyword(word: string, reserved: boolean, pattern?: RegExp, extra: TokenType[] = []): TokenType {
  const t = createToken({
    name: word.charAt(0) + word.slice(1).toLowerCase(),
    label: word,
    pattern: pattern ?? new RegExp(word, 'i'),
    longer_alt: Identifier,
    categories: [reserved ? ReservedKeyword : NonReservedKeyword, ...extra],
  });
  keywordTokens.push(t);
  return t;
}
const reserved = (w: string): TokenType => keyword(w, true);
const nonReserved = (w: string, pattern?: RegExp, extra: TokenType[] = []): TokenType => keyword(w, false, pattern, extra);

export const Select = reserved('SELECT');
export const From = reserved('FROM');
export const Where = reserved('WHERE');
export const Group = reserved('GROUP');
export const By = reserved('BY');
export const Having = reserved('HAVING');
export const Order = reserved('ORDER');
export const Limit = reserved('LIMIT');
export const Into = reserved('INTO');
export const As = reserved('AS');
export const Join = reserved('JOIN');
export const Inner = reserved('INNER');
export const Left = reserved('LEFT');
export const Right = reserved('RIGHT');
export const Full = reserved('FULL');
export const Outer = reserved('OUTER');
export const On = reserved('ON');
export const And = reserved('AND');
export const Or = reserved('OR');
export const Not = reserved('NOT');
export const Is = reserved('IS');
export const Null = reserved('NULL');
export const True = reserved('TRUE');
export const False = reserved('FALSE');
export const In = reserved('IN');
export const Between = reserved('BETWEEN');
export const Like = reserved('LIKE');
export const Case = reserved('CASE');
export const When = reserved('WHEN');
export const Then = reserved('THEN');
export const Else = reserved('ELSE');
export const End = nonReserved('END'); // fields called end, desc, asc are common
export const Cast = reserved('CAST');
export const If = reserved('IF');
export const Extract = reserved('EXTRACT');
export const Interval = reserved('INTERVAL');
export const Union = reserved('UNION');
export const Create = reserved('CREATE');
export const Insert = reserved('INSERT');
export const Replace = nonReserved('REPLACE'); // also the function replace(s, a, b)
export const Update = reserved('UPDATE');
export const Delete = reserved('DELETE');
export const Set = reserved('SET');
export const Values = reserved('VALUES');
export const Declare = reserved('DECLARE');
export const Default = reserved('DEFAULT');
export const Explain = reserved('EXPLAIN');
export const Show = reserved('SHOW');
export const Describe = reserved('DESCRIBE');
export const Terminate = reserved('TERMINATE');
export const Run = reserved('RUN');
export const With = reserved('WITH');
export const Using = reserved('USING');
export const Returning = reserved('RETURNING');
export const Pattern = reserved('PATTERN');
export const Within = reserved('WITHIN');
export const Asc = nonReserved('ASC');
export const Desc = nonReserved('DESC');
/** not supported (use count_distinct or GROUP BY), reserved so that the error says so */
export const Distinct = reserved('DISTINCT');

export const Schema = nonReserved('SCHEMA');
export const Stream = nonReserved('STREAM');
export const Input = nonReserved('INPUT');
export const Output = nonReserved('OUTPUT');
export const Window = nonReserved('WINDOW');
export const Table = nonReserved('TABLE');
export const Memory = nonReserved('MEMORY');
export const Size = nonReserved('SIZE');
export const Advance = nonReserved('ADVANCE');
export const Tuples = nonReserved('TUPLES');
export const Time = nonReserved('TIME');
export const Partition = nonReserved('PARTITION');
export const Offset = nonReserved('OFFSET');
export const Timeout = nonReserved('TIMEOUT');
export const Primary = nonReserved('PRIMARY');
export const Key = nonReserved('KEY');
export const Hash = nonReserved('HASH');
export const Btree = nonReserved('BTREE');
export const Duplicate = nonReserved('DUPLICATE');
export const Script = nonReserved('SCRIPT');
export const Timestamp = nonReserved('TIMESTAMP');
export const Second = nonReserved('SECOND', /SECONDS?/i, [IntervalUnit]);
export const Minute = nonReserved('MINUTE', /MINUTES?/i, [IntervalUnit]);
export const Hour = nonReserved('HOUR', /HOURS?/i, [IntervalUnit]);
export const Day = nonReserved('DAY', /DAYS?/i, [IntervalUnit]);

// ---- operators and punctuation --------------------------------------------
export const NotEquals = createToken({ name: 'NotEquals', label: "'<>'", pattern: /<>|!=/, categories: [ComparisonOperator] });
export const LessEquals = createToken({ name: 'LessEquals', label: "'<='", pattern: /<=/, categories: [ComparisonOperator] });
export const GreaterEquals = createToken({ name: 'GreaterEquals', label: "'>='", pattern: />=/, categories: [ComparisonOperator] });
export const Less = createToken({ name: 'Less', label: "'<'", pattern: /</, categories: [ComparisonOperator] });
export const Greater = createToken({ name: 'Greater', label: "'>'", pattern: />/, categories: [ComparisonOperator] });
export const Equals = createToken({ name: 'Equals', label: "'='", pattern: /=/, categories: [ComparisonOperator] });
export const Concat = createToken({ name: 'Concat', label: "'||'", pattern: /\|\|/, categories: [Operator] });
export const Plus = createToken({ name: 'Plus', label: "'+'", pattern: /\+/, categories: [AdditiveOperator] });
export const Minus = createToken({ name: 'Minus', label: "'-'", pattern: /-/, categories: [AdditiveOperator] });
export const Star = createToken({ name: 'Star', label: "'*'", pattern: /\*/, categories: [MultiplicativeOperator] });
export const Slash = createToken({ name: 'Slash', label: "'/'", pattern: /\//, categories: [MultiplicativeOperator] });
export const Percent = createToken({ name: 'Percent', label: "'%'", pattern: /%/, categories: [MultiplicativeOperator] });
export const LParen = createToken({ name: 'LParen', label: "'('", pattern: /\(/ });
export const RParen = createToken({ name: 'RParen', label: "')'", pattern: /\)/ });
export const LBracket = createToken({ name: 'LBracket', label: "'['", pattern: /\[/ });
export const RBracket = createToken({ name: 'RBracket', label: "']'", pattern: /]/ });
export const Comma = createToken({ name: 'Comma', label: "','", pattern: /,/ });
export const Semicolon = createToken({ name: 'Semicolon', label: "';'", pattern: /;/ });
export const Dot = createToken({ name: 'Dot', label: "'.'", pattern: /\./ });

/** Every token type in the order the lexer tries them (longest / most specific first). */
export const allTokens: TokenType[] = [
  WhiteSpace,
  LineComment,
  BlockComment,
  UnterminatedComment,
  StringLiteral,
  UnterminatedString,
  QuotedIdentifier,
  UnterminatedIdentifier,
  DoubleLiteral,
  LongLiteral,
  IntegerLiteral,
  // longest word first: the lexer takes the first pattern that matches, so
  // INTO must be tried before IN, ASC before AS
  ...[...keywordTokens].sort((a, b) => String(b.LABEL).length - String(a.LABEL).length),
  Identifier,
  NotEquals,
  LessEquals,
  GreaterEquals,
  Less,
  Greater,
  Equals,
  Concat,
  Plus,
  Minus,
  Star,
  Slash,
  Percent,
  LParen,
  RParen,
  LBracket,
  RBracket,
  Comma,
  Semicolon,
  Dot,
  // categories last (they match nothing themselves)
  Keyword,
  ReservedKeyword,
  NonReservedKeyword,
  Literal,
  NumberLiteral,
  Operator,
  ComparisonOperator,
  AdditiveOperator,
  MultiplicativeOperator,
  IntervalUnit,
];

/** The keyword spellings (upper case), reserved first: for completion and docs. */
export const RESERVED_WORDS: readonly string[] = keywordTokens
  .filter((t) => t.CATEGORIES?.includes(ReservedKeyword) ?? false)
  .map((t) => String(t.LABEL));
export const NON_RESERVED_WORDS: readonly string[] = keywordTokens
  .filter((t) => !(t.CATEGORIES?.includes(ReservedKeyword) ?? false))
  .map((t) => String(t.LABEL));
