/** What every checker function shares: the catalog being built up and the error list. */
import type { SourceSpan } from '../../errors.js';
import type { Catalog } from '../catalog.js';
import { SqlError } from '../errors.js';
import type { SqlErrorCode } from '../errors.js';

export interface CheckContext {
  readonly catalog: Catalog;
  readonly errors: SqlError[];
  /** windows whose CREATE WINDOW had errors: a use says so instead of repeating them */
  readonly invalidWindows: Set<string>;
  /** names that statements with syntax errors seem to declare: not reported again as unknown */
  readonly unparsedNames: ReadonlySet<string>;
  /** unknown-name errors left unreported because of unparsedNames (they still fail the statement) */
  readonly suppressed: { count: number };
  /** where each name the script declares is declared (to say "declared later" for a use before it) */
  readonly declarations?: ReadonlyMap<string, SourceSpan>;
}

/** Report an unknown name, unless a statement that did not parse would have declared it (its syntax error is reported). */
export function reportUnknown(ctx: CheckContext, code: SqlErrorCode, name: string, message: string, span: SourceSpan): void {
  if (ctx.unparsedNames.has(name)) {
    ctx.suppressed.count++;
    return;
  }
  const d = ctx.declarations?.get(name);
  const later = d !== undefined && d.start > span.start ? ` (it is declared later, at line ${d.line}: declare names before using them)` : '';
  report(ctx, code, message + later, span);
}

export function report(ctx: CheckContext, code: SqlErrorCode, message: string, span: SourceSpan): void {
  ctx.errors.push(new SqlError(code, message, span));
}

/** ` (did you mean 'Price'?)` when a candidate differs only in case or by a small edit, else ''. */
export function suggestion(name: string, candidates: Iterable<string>): string {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    if (c.toLowerCase() === lower) return ` (did you mean '${c}'? names are case-sensitive)`;
    const d = editDistance(lower, c.toLowerCase(), 2);
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return best !== undefined && bestDistance <= 2 && name.length > 2 ? ` (did you mean '${best}'?)` : '';
}

/** Levenshtein distance, giving up (returning limit + 1) once it exceeds limit. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** `a, b and c` for messages, at most `max` items. */
export function listNames(names: readonly string[], max = 8): string {
  const shown = names.slice(0, max);
  const more = names.length > max ? `, ... (${names.length - max} more)` : '';
  return shown.join(', ') + more;
}
