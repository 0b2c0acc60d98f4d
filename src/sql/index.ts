/**
 * Gale's SQL front end: text → AST → checked, typed statements.
 *
 *   parseScript(text, { file })            → { statements, errors }   syntax only
 *   analyzeScript(text, { file, catalog }) → { script, catalog, errors, statements }
 *   formatStatement(ast) / formatScript(asts)   AST → canonical SQL (round-trips)
 *   createCatalog() / copyCatalog(c)        the catalog analyzeScript extends
 *   BUILTIN_FUNCTIONS, castValue, operators, evaluate   run-time semantics
 *   formatDiagnostic(err, text)             `file:line:col: error: ...` + source line + caret
 *   splitStatements(text)                   complete statements vs the unfinished rest (REPL)
 *   RESERVED_WORDS, NON_RESERVED_WORDS      for completion
 *
 * Every error is a SqlError: `code` (SQL_ERROR_CODES), `message`, `span`
 * (file, 1-based line and column, offsets). Nothing here throws on bad input.
 */
export type * as ast from './ast/index.js';
export type * from './ast/index.js';
export { astEqual, stripLoc } from './ast/index.js';
export type * from './checked/index.js';
export { SHOW_TARGETS } from './checked/index.js';
export type * from './catalog.js';
export { createCatalog, copyCatalog, streams, tables } from './catalog.js';
export type * from './types.js';
export { FIELD_TYPES, assignable, commonType, isFieldType, isIntegral, isNumeric, widerNumeric } from './types.js';
export { SQL_ERROR_CODES, SQL_ERROR_CODE_LIST, SqlError, SqlRuntimeError } from './errors.js';
export type { SqlErrorCode } from './errors.js';
export { parseScript } from './parse.js';
export type { ParseOptions, ParseResult } from './parse.js';
export { analyzeScript, analyzeStatements } from './analyze.js';
export type { AnalyzeOptions, AnalyzeResult } from './analyze.js';
export { formatExpr, formatName, formatScript, formatStatement } from './format.js';
export { evaluate, isConstant } from './eval.js';
export type { EvalEnv } from './eval.js';
export * from './functions/index.js';
export * as operators from './functions/operators.js';
export { formatDiagnostic } from './diagnostic.js';
export { splitStatements } from './split.js';
export type { SplitResult } from './split.js';
export { NON_RESERVED_WORDS, RESERVED_WORDS } from '../../grammar/tokens.js';
