/**
 * The SQL front end's error codes (`GALE_ERR_SQL_*`) as data, and SqlError.
 * Every error the front end reports is a SqlError with one of these codes, a
 * message saying what was wrong (and, for syntax errors, what was expected)
 * and the span it points at. `GALE_ERR_SQL_RUNTIME_*` are raised by the
 * function library and operators while a query runs (a tuple whose
 * evaluation fails goes to the error stream; the query carries on).
 */
import { GaleError } from '../errors.js';
import type { SourceSpan } from '../errors.js';

export const SQL_ERROR_CODES = {
  // lexical
  GALE_ERR_SQL_INVALID_CHARACTER: 'a character that cannot start any token',
  GALE_ERR_SQL_UNTERMINATED_STRING: "a string literal without its closing '",
  GALE_ERR_SQL_UNTERMINATED_IDENTIFIER: 'a quoted identifier without its closing "',
  GALE_ERR_SQL_UNTERMINATED_COMMENT: 'a /* comment without its closing */',
  // syntax
  GALE_ERR_SQL_UNEXPECTED_TOKEN: 'a token where the grammar expected something else (the message says what)',
  GALE_ERR_SQL_UNEXPECTED_END: 'the input ended inside a statement (often a missing ;)',
  GALE_ERR_SQL_DUPLICATE_CLAUSE: 'a clause given twice where one is allowed (e.g. two PRIMARY KEYs)',
  GALE_ERR_SQL_TOO_COMPLEX: 'a statement nested more deeply than the front end accepts (MAX_NESTING levels)',
  // literals and types
  GALE_ERR_SQL_BAD_LITERAL: 'a number, TIMESTAMP or INTERVAL literal that is malformed or out of range',
  GALE_ERR_SQL_UNKNOWN_TYPE: 'a type name other than bool, int, long, double, string, timestamp',
  GALE_ERR_SQL_TYPE_MISMATCH: 'an operand, argument or value of the wrong type',
  GALE_ERR_SQL_UNTYPED_NULL: 'an output column whose type cannot be inferred (a bare NULL)',
  GALE_ERR_SQL_NOT_CONSTANT: 'a value that must be constant (window sizes, LIMIT, DEFAULT, VALUES) refers to fields',
  // names
  GALE_ERR_SQL_UNKNOWN_STREAM: 'a stream or table name that is not declared',
  GALE_ERR_SQL_UNKNOWN_SCHEMA: 'a schema name that is not declared',
  GALE_ERR_SQL_UNKNOWN_WINDOW: 'a window name that is not declared',
  GALE_ERR_SQL_UNKNOWN_FIELD: 'a field or column name that no input has',
  GALE_ERR_SQL_UNKNOWN_QUALIFIER: 'x.f where x is not a stream, table or alias of the query',
  GALE_ERR_SQL_AMBIGUOUS_FIELD: 'an unqualified field that several inputs have',
  GALE_ERR_SQL_UNKNOWN_FUNCTION: 'a function name that is not in the library',
  GALE_ERR_SQL_WRONG_ARGUMENTS: 'a function called with the wrong number or types of arguments',
  GALE_ERR_SQL_DUPLICATE_NAME: 'a declaration whose name is already taken',
  GALE_ERR_SQL_DUPLICATE_FIELD: 'a field declared twice in one schema, stream or table',
  GALE_ERR_SQL_DUPLICATE_COLUMN: 'two output columns with the same name',
  GALE_ERR_SQL_DUPLICATE_ALIAS: 'two inputs of a query with the same name or alias',
  // streams, tables, bindings
  GALE_ERR_SQL_BAD_OPTION: 'a WITH (...) key or value that is not valid',
  GALE_ERR_SQL_NO_SCHEMA: 'reading a stream that has no schema yet (declared without one and not yet the target of INTO)',
  GALE_ERR_SQL_SCHEMA_MISMATCH: 'rows whose fields do not match the target stream or the other UNION inputs',
  GALE_ERR_SQL_WRITE_TO_INPUT: 'INTO an INPUT stream (input streams are fed from outside)',
  GALE_ERR_SQL_NOT_A_TABLE: 'a table statement (UPDATE, DELETE, REPLACE, ON DUPLICATE KEY) on a stream',
  GALE_ERR_SQL_NOT_A_STREAM: 'a stream-only construct (INTO, UNION, PATTERN) given a table',
  GALE_ERR_SQL_MISSING_PRIMARY_KEY: 'a memory table without PRIMARY KEY',
  GALE_ERR_SQL_BAD_PRIMARY_KEY: 'a PRIMARY KEY naming an unknown or repeated column, or a table write that leaves a key column out',
  GALE_ERR_SQL_PRIMARY_KEY_UPDATE: 'SET or ON DUPLICATE KEY UPDATE assigning a primary key column',
  GALE_ERR_SQL_VALUES_ARITY: 'an INSERT row with a different number of values than columns',
  // queries
  GALE_ERR_SQL_BAD_WINDOW: 'a window that is not valid (sizes, units, OFFSET, fields, or where it is used)',
  GALE_ERR_SQL_JOIN_NEEDS_WINDOW: 'a stream–stream join where a stream side has no window',
  GALE_ERR_SQL_BAD_JOIN: 'a join that cannot run (e.g. RIGHT or FULL join to a table, table on both sides, a third stream in a stream–stream join)',
  GALE_ERR_SQL_AGGREGATE_MISUSE: 'an aggregate where none is allowed (WHERE, GROUP BY, ON, nested aggregates)',
  GALE_ERR_SQL_WINDOW_FUNCTION_MISUSE: "window_start()/window_end()/openval()/closeval() outside a windowed aggregate's SELECT list",
  GALE_ERR_SQL_GROUP_BY_VIOLATION: 'a column in SELECT/HAVING of an aggregate query that is neither grouped nor aggregated',
  GALE_ERR_SQL_BAD_ORDER_BY: 'ORDER BY where it is not allowed (only windowed aggregates sort their rows)',
  GALE_ERR_SQL_BAD_LIMIT: 'a LIMIT that is not a positive integer',
  GALE_ERR_SQL_BAD_PATTERN: 'a PATTERN that cannot match (e.g. starting with NOT, or NOT under OR)',
  GALE_ERR_SQL_INTO_NOT_ALLOWED: 'INTO inside INSERT ... SELECT, DECLARE ... UPDATE FROM, or EXPLAIN of a non-query',
  GALE_ERR_SQL_BAD_STATEMENT: 'a statement form that is not valid (e.g. SHOW of an unknown kind)',
  // run time (raised by operators and functions while evaluating a tuple)
  GALE_ERR_SQL_RUNTIME_OVERFLOW: 'int or long arithmetic whose exact result leaves the type range',
  GALE_ERR_SQL_RUNTIME_BAD_CAST: 'a value that does not convert to the target type',
  GALE_ERR_SQL_RUNTIME_BAD_ARGUMENT: 'a function argument outside its domain (e.g. a malformed regular expression)',
} as const;

export type SqlErrorCode = keyof typeof SQL_ERROR_CODES;
export const SQL_ERROR_CODE_LIST = Object.keys(SQL_ERROR_CODES) as SqlErrorCode[];

/** An error found in SQL text: always has a code and a span. */
export class SqlError extends GaleError<SqlErrorCode> {
  override readonly name = 'SqlError';
  override readonly span: SourceSpan;
  /** for syntax errors: the token kinds that would have been accepted */
  readonly expected: readonly string[] | undefined;

  constructor(code: SqlErrorCode, message: string, span: SourceSpan, expected?: readonly string[]) {
    super(code, message, { span });
    this.span = span;
    this.expected = expected;
  }
}

/** An error raised while evaluating an expression over one tuple (no span: the expression's span is the caller's to add). */
export class SqlRuntimeError extends GaleError<SqlErrorCode> {
  override readonly name = 'SqlRuntimeError';
}

export function runtimeError(
  code: 'GALE_ERR_SQL_RUNTIME_OVERFLOW' | 'GALE_ERR_SQL_RUNTIME_BAD_CAST' | 'GALE_ERR_SQL_RUNTIME_BAD_ARGUMENT',
  message: string,
): SqlRuntimeError {
  return new SqlRuntimeError(code, message);
}
