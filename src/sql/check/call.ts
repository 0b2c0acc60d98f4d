/**
 * Function calls: scalar functions (conversions become Cast nodes), aggregates
 * (collected into slots, with their placement rules) and window bounds.
 */
import type { SourceSpan } from '../../errors.js';
import type { Call } from '../ast/index.js';
import { astEqual } from '../ast/index.js';
import type { TAggregate, TExpr } from '../checked/index.js';
import { compileRegex } from '../functions/string.js';
import { DATE_PART_FIELDS, TIME_UNITS } from '../functions/time-text.js';
import type { FunctionDef } from '../functions/types.js';
import type { SqlType, Value } from '../types.js';
import type { CheckContext } from './context.js';
import { report, suggestion } from './context.js';
import type { ExprEnv } from './expr.js';
import { castTo, checkExpr, foldConstant, nullLiteral } from './expr.js';

const CONVERSIONS = new Set(['int', 'long', 'double', 'string', 'bool', 'timestamp']);

export function checkCall(ctx: CheckContext, env: ExprEnv, e: Call): TExpr {
  const fname = e.name.name.toLowerCase();
  const fn: FunctionDef | undefined = ctx.catalog.functions.get(fname);
  if (fn === undefined) {
    report(ctx, 'GALE_ERR_SQL_UNKNOWN_FUNCTION', `unknown function '${e.name.name}'${suggestion(fname, ctx.catalog.functions.keys())}`, e.name.loc);
    return nullLiteral(e.loc);
  }
  if (e.star && !(fn.kind === 'aggregate' && fn.acceptsStar)) {
    report(ctx, 'GALE_ERR_SQL_WRONG_ARGUMENTS', `${fname}(*) is not allowed; only count(*) takes *`, e.loc);
    return nullLiteral(e.loc);
  }
  if (fn.kind === 'window') {
    if (env.windowBoundType === undefined) {
      report(ctx, 'GALE_ERR_SQL_WINDOW_FUNCTION_MISUSE', `${fname}() is only valid in the SELECT list of an aggregate over a window`, e.loc);
      return nullLiteral(e.loc);
    }
    if (e.args.length > 0) {
      report(ctx, 'GALE_ERR_SQL_WRONG_ARGUMENTS', `${fname}() takes no arguments`, e.loc);
      return nullLiteral(e.loc);
    }
    return { kind: 'WindowBound', bound: fn.bound, type: env.windowBoundType, loc: e.loc };
  }
  if (fn.kind === 'aggregate') {
    if (env.inAggregate === true) {
      report(ctx, 'GALE_ERR_SQL_AGGREGATE_MISUSE', `aggregate ${fname}() cannot be nested inside another aggregate`, e.loc);
      return nullLiteral(e.loc);
    }
    if (env.noAggregates !== undefined || env.aggregates === undefined) {
      report(ctx, 'GALE_ERR_SQL_AGGREGATE_MISUSE', `aggregate ${fname}() is not allowed ${env.noAggregates ?? 'here'}`, e.loc);
      return nullLiteral(e.loc);
    }
  }
  const argEnv: ExprEnv = fn.kind === 'aggregate' ? { ...env, inAggregate: true } : env;
  const args = e.args.map((a) => checkExpr(ctx, argEnv, a));
  if (args.length < fn.minArgs || args.length > fn.maxArgs) {
    const sig = fn.signatures.join(' or ');
    report(ctx, 'GALE_ERR_SQL_WRONG_ARGUMENTS', `${fname}() takes ${arity(fn.minArgs, fn.maxArgs)}, got ${args.length}: ${sig}`, e.loc);
    return nullLiteral(e.loc);
  }
  const rt = fn.returnType(args.map((a) => a.type));
  if (typeof rt === 'object') {
    report(ctx, 'GALE_ERR_SQL_WRONG_ARGUMENTS', `${fname}(): ${rt.error} (${fn.signatures.join(' or ')})`, e.loc);
    return nullLiteral(e.loc);
  }
  if (fn.kind === 'aggregate') return addAggregate(ctx, env, fn.name, args, e, rt, fn.constantArgs);
  if (CONVERSIONS.has(fname)) return castTo(ctx, args[0]!, fname as 'int', e.loc);
  validateLiteralArguments(ctx, fname, args, e);
  return { kind: 'Call', fn: fname, args, type: rt, loc: e.loc };
}

function arity(min: number, max: number): string {
  if (min === max) return `${min} argument${min === 1 ? '' : 's'}`;
  if (max === Infinity) return `at least ${min} argument${min === 1 ? '' : 's'}`;
  return `${min} to ${max} arguments`;
}

function addAggregate(
  ctx: CheckContext,
  env: ExprEnv,
  fn: string,
  args: TExpr[],
  e: Call,
  type: SqlType,
  constantArgs: readonly number[],
): TExpr {
  for (const i of constantArgs) {
    const a = args[i];
    if (a === undefined) continue;
    const v = foldConstant(ctx, a, `argument ${i + 1} of ${fn}()`);
    if (v === undefined) return nullLiteral(e.loc);
    if (fn === 'percentile' && (typeof v !== 'number' || v < 0 || v > 1)) {
      report(ctx, 'GALE_ERR_SQL_WRONG_ARGUMENTS', `percentile(x, p): p must be between 0 and 1, got ${String(v)}`, a.loc);
      return nullLiteral(e.loc);
    }
  }
  const list = env.aggregates!;
  const slot = list.findIndex((x) => x.fn === fn && x.star === e.star && astEqual(x.args, args));
  if (slot >= 0) return { ...list[slot]!, loc: e.loc };
  const agg: TAggregate = { kind: 'Aggregate', fn, args, star: e.star, slot: list.length, type, loc: e.loc };
  list.push(agg);
  return agg;
}

/** Errors that can be found before running when an argument is a literal. */
function validateLiteralArguments(ctx: CheckContext, fname: string, args: TExpr[], e: Call): void {
  const lit = (i: number): Value | undefined => (args[i]?.kind === 'Literal' ? (args[i] as { value: Value }).value : undefined);
  const at = (i: number): SourceSpan => e.args[i]?.loc ?? e.loc;
  if (fname === 'regexp_match' && typeof lit(1) === 'string') {
    try {
      compileRegex(lit(1) as string);
    } catch (err) {
      report(ctx, 'GALE_ERR_SQL_WRONG_ARGUMENTS', (err as Error).message, at(1));
    }
  }
  if (fname === 'date_part' && typeof lit(0) === 'string' && !(DATE_PART_FIELDS as readonly string[]).includes((lit(0) as string).toLowerCase())) {
    report(ctx, 'GALE_ERR_SQL_WRONG_ARGUMENTS', `date_part: unknown field '${String(lit(0))}' (one of ${DATE_PART_FIELDS.join(', ')})`, at(0));
  }
  if (fname === 'date_trunc' && typeof lit(0) === 'string' && !(TIME_UNITS as readonly string[]).includes((lit(0) as string).toLowerCase())) {
    report(ctx, 'GALE_ERR_SQL_WRONG_ARGUMENTS', `date_trunc: unknown unit '${String(lit(0))}' (one of ${TIME_UNITS.join(', ')})`, at(0));
  }
}

