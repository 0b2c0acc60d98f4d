/** analyzeScript: parse, then check every statement in order against a copy of the catalog. */
import type { SourceSpan } from '../errors.js';
import type { Statement } from './ast/index.js';
import { copyCatalog, createCatalog } from './catalog.js';
import type { Catalog } from './catalog.js';
import { checkStatement } from './check.js';
import type { CheckContext } from './check.js';
import type { CheckedScript, CheckedStatement } from './checked/index.js';
import type { SqlError } from './errors.js';
import { parseScript } from './parse.js';

export interface AnalyzeOptions {
  /** the file name put in every span */
  readonly file?: string;
  /** what earlier scripts / REPL statements declared (not modified: a copy is extended) */
  readonly catalog?: Catalog;
}

export interface AnalyzeResult {
  /** the statements that parsed and checked without error */
  readonly script: CheckedScript;
  /** the catalog after the script's declarations (including streams declared by INTO) */
  readonly catalog: Catalog;
  /** every syntax and semantic error, in source order */
  readonly errors: SqlError[];
  /** the parsed statements (also those with semantic errors), for formatting */
  readonly statements: readonly Statement[];
}

/** Check already-parsed statements (in order) against a copy of `catalog`. */
export function analyzeStatements(
  statements: readonly Statement[],
  catalog: Catalog = createCatalog(),
  unparsedNames: ReadonlySet<string> = new Set(),
): { script: CheckedScript; catalog: Catalog; errors: SqlError[] } {
  const declarations = new Map<string, SourceSpan>();
  for (const s of statements) {
    if (s.kind === 'CreateSchema' || s.kind === 'CreateStream' || s.kind === 'CreateWindow' || s.kind === 'CreateTable' || s.kind === 'Declare') {
      if (!declarations.has(s.name.name)) declarations.set(s.name.name, s.name.loc);
    }
  }
  const ctx: CheckContext = {
    catalog: copyCatalog(catalog),
    errors: [],
    invalidWindows: new Set(),
    unparsedNames,
    suppressed: { count: 0 },
    declarations,
  };
  const checked: CheckedStatement[] = [];
  for (const s of statements) {
    const c = checkStatement(ctx, s);
    if (c !== undefined) checked.push(c);
  }
  return { script: { statements: checked }, catalog: ctx.catalog, errors: ctx.errors };
}

export function analyzeScript(text: string, opts: AnalyzeOptions = {}): AnalyzeResult {
  const parsed = parseScript(text, opts.file === undefined ? {} : { file: opts.file });
  const r = analyzeStatements(parsed.statements, opts.catalog, new Set(parsed.unparsedNames));
  const errors = [...parsed.errors, ...r.errors].sort((a, b) => a.span.start - b.span.start);
  return { script: r.script, catalog: r.catalog, errors, statements: parsed.statements };
}
