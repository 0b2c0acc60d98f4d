/**
 * Windows: folding SIZE / ADVANCE / OFFSET / TIMEOUT to numbers in the
 * window's native units and resolving the ON and PARTITION BY fields against
 * the windowed input (see ResolvedWindow for the units).
 */
import type { SourceSpan } from '../../errors.js';
import type { Expr, WindowRef, WindowSpec } from '../ast/index.js';
import type { FieldRef, ResolvedWindow } from '../checked/index.js';
import { EMPTY_SCOPE } from '../resolve.js';
import { isNumeric } from '../types.js';
import type { Field, FieldType } from '../types.js';
import type { SqlErrorCode } from '../errors.js';
import type { CheckContext } from './context.js';
import { listNames, report, reportUnknown, suggestion } from './context.js';
import { checkExpr, containsInterval, foldConstant } from './expr.js';

interface Amount {
  readonly value: number;
  readonly interval: boolean;
  readonly loc: SourceSpan;
}

type Bad = (code: SqlErrorCode, message: string, loc: SourceSpan) => void;

/** A constant numeric amount (INTERVAL literals are milliseconds), or undefined (reported). */
function amount(ctx: CheckContext, e: Expr, what: string, bad: Bad): Amount | undefined {
  const before = ctx.errors.length;
  const t = checkExpr(ctx, { scope: { ...EMPTY_SCOPE, noInputs: `${what} must be a constant` }, noAggregates: `in ${what}` }, e);
  if (ctx.errors.length > before) return undefined;
  if (!isNumeric(t.type)) {
    bad('GALE_ERR_SQL_TYPE_MISMATCH', `${what} must be a number or an INTERVAL, not ${t.type === 'null' ? 'NULL' : t.type}`, e.loc);
    return undefined;
  }
  const v = foldConstant(ctx, t, what);
  if (typeof v !== 'number') return undefined;
  return { value: v, interval: containsInterval(e), loc: e.loc };
}

type Unit = 'tuples' | 'ms' | 'field';

/** Convert an amount to the window's units, or undefined (reported). */
function toUnits(a: Amount, unit: Unit, what: string, bad: Bad): number | undefined {
  if (unit === 'ms') return Math.round(a.interval ? a.value : a.value * 1000);
  if (a.interval) {
    bad('GALE_ERR_SQL_BAD_WINDOW', `${what}: an INTERVAL only fits a TIME window or an ON window over a timestamp field`, a.loc);
    return undefined;
  }
  if (unit === 'tuples' && !Number.isInteger(a.value)) {
    bad('GALE_ERR_SQL_BAD_WINDOW', `${what} of a TUPLES window must be a whole number of tuples, not ${a.value}`, a.loc);
    return undefined;
  }
  return a.value;
}

/** CREATE WINDOW: what can be checked before the window is used on a stream. */
export function checkWindowDeclaration(ctx: CheckContext, spec: WindowSpec): void {
  const unit: Unit | undefined = spec.dimension.kind === 'Tuples' ? 'tuples' : spec.dimension.kind === 'Time' ? 'ms' : undefined;
  checkAmounts(ctx, spec, unit, (code, message, loc) => report(ctx, code, message, loc));
}

interface Amounts {
  readonly size: number;
  readonly advance: number;
  readonly offset: number;
  readonly timeoutMs?: number;
}

/** Fold and validate the amounts; with `unit` undefined (ON field, type unknown yet) only constancy and sign are checked. */
function checkAmounts(ctx: CheckContext, spec: WindowSpec, unit: Unit | undefined, bad: Bad): Amounts | undefined {
  const size = amount(ctx, spec.size, 'SIZE', bad);
  const advance = spec.advance === undefined ? size : amount(ctx, spec.advance, 'ADVANCE', bad);
  const offset = spec.offset === undefined ? undefined : amount(ctx, spec.offset, 'OFFSET', bad);
  const timeout = spec.timeout === undefined ? undefined : amount(ctx, spec.timeout, 'TIMEOUT', bad);
  if (size === undefined || advance === undefined) return undefined;
  if (spec.offset !== undefined && offset === undefined) return undefined;
  if (spec.timeout !== undefined && timeout === undefined) return undefined;
  if (size.value <= 0) {
    bad('GALE_ERR_SQL_BAD_WINDOW', `SIZE must be positive, got ${size.value}`, size.loc);
    return undefined;
  }
  if (advance.value <= 0) {
    bad('GALE_ERR_SQL_BAD_WINDOW', `ADVANCE must be positive, got ${advance.value}`, advance.loc);
    return undefined;
  }
  if (timeout !== undefined && timeout.value <= 0) {
    bad('GALE_ERR_SQL_BAD_WINDOW', `TIMEOUT must be positive, got ${timeout.value}`, timeout.loc);
    return undefined;
  }
  if (offset !== undefined && spec.dimension.kind === 'Tuples') {
    bad('GALE_ERR_SQL_BAD_WINDOW', 'OFFSET does not apply to a TUPLES window (tuple windows start at the first tuple)', offset.loc);
    return undefined;
  }
  if (offset !== undefined && offset.value < 0) {
    bad('GALE_ERR_SQL_BAD_WINDOW', `OFFSET must not be negative, got ${offset.value}`, offset.loc);
    return undefined;
  }
  if (unit === undefined) return undefined;
  const s = toUnits(size, unit, 'SIZE', bad);
  const a = toUnits(advance, unit, 'ADVANCE', bad);
  const o = offset === undefined ? 0 : toUnits(offset, unit, 'OFFSET', bad);
  if (s === undefined || a === undefined || o === undefined) return undefined;
  if (a > s) {
    bad('GALE_ERR_SQL_BAD_WINDOW', `ADVANCE (${advance.value}) must not be larger than SIZE (${size.value})`, advance.loc);
    return undefined;
  }
  if (offset !== undefined && o >= a) {
    bad('GALE_ERR_SQL_BAD_WINDOW', `OFFSET (${offset.value}) must be smaller than ADVANCE (${advance.value})`, offset.loc);
    return undefined;
  }
  const timeoutMs = timeout === undefined ? undefined : Math.round(timeout.interval ? timeout.value : timeout.value * 1000);
  return { size: s, advance: a, offset: o, ...(timeoutMs === undefined ? {} : { timeoutMs }) };
}

function fieldRef(fields: readonly Field[], name: string): FieldRef | undefined {
  const index = fields.findIndex((f) => f.name === name);
  return index < 0 ? undefined : { name, index, type: fields[index]!.type };
}

/** Resolve a window used on an input; undefined (reported) when it is not valid there. */
export function resolveWindow(ctx: CheckContext, ref: WindowRef, input: { alias: string; fields: readonly Field[] }): ResolvedWindow | undefined {
  let spec: WindowSpec;
  let name: string | undefined;
  // errors about fields of a named window point at its use, not its declaration
  let fieldLoc: ((l: SourceSpan) => SourceSpan) = (l) => l;
  let prefix = '';
  if (ref.kind === 'WindowName') {
    const w = ctx.catalog.windows.get(ref.name.name);
    if (w === undefined) {
      reportUnknown(ctx, 'GALE_ERR_SQL_UNKNOWN_WINDOW', ref.name.name, `unknown window '${ref.name.name}'${suggestion(ref.name.name, ctx.catalog.windows.keys())}`, ref.name.loc);
      return undefined;
    }
    if (ctx.invalidWindows.has(w.name)) {
      report(ctx, 'GALE_ERR_SQL_BAD_WINDOW', `window ${w.name} is not valid (see the errors in its CREATE WINDOW)`, ref.name.loc);
      return undefined;
    }
    spec = w.spec;
    name = w.name;
    fieldLoc = () => ref.name.loc;
    prefix = `window ${w.name}: `;
  } else {
    spec = ref;
  }
  const names = input.fields.map((f) => f.name);
  let unit: Unit;
  let field: FieldRef | undefined;
  const dim = spec.dimension;
  if (dim.kind === 'OnField') {
    field = fieldRef(input.fields, dim.field.name);
    if (field === undefined) {
      report(ctx, 'GALE_ERR_SQL_UNKNOWN_FIELD', `${prefix}${input.alias} has no field '${dim.field.name}' to window ON${suggestion(dim.field.name, names)}`, fieldLoc(dim.field.loc));
      return undefined;
    }
    if (!isNumeric(field.type) && field.type !== 'timestamp') {
      report(ctx, 'GALE_ERR_SQL_BAD_WINDOW', `${prefix}ON needs a numeric or timestamp field; ${field.name} is ${field.type}`, fieldLoc(dim.field.loc));
      return undefined;
    }
    unit = field.type === 'timestamp' ? 'ms' : 'field';
  } else {
    unit = dim.kind === 'Tuples' ? 'tuples' : 'ms';
  }
  const partitionBy: FieldRef[] = [];
  for (const p of spec.partitionBy) {
    const f = fieldRef(input.fields, p.name);
    if (f === undefined) {
      report(ctx, 'GALE_ERR_SQL_UNKNOWN_FIELD', `${prefix}${input.alias} has no field '${p.name}' to PARTITION BY (fields: ${listNames(names)})${suggestion(p.name, names)}`, fieldLoc(p.loc));
      return undefined;
    }
    if (partitionBy.some((x) => x.name === f.name)) {
      report(ctx, 'GALE_ERR_SQL_BAD_WINDOW', `${prefix}PARTITION BY lists '${p.name}' twice`, fieldLoc(p.loc));
      return undefined;
    }
    partitionBy.push(f);
  }
  const amounts = checkAmounts(ctx, spec, unit, (code, message, loc) => report(ctx, code, prefix + message, fieldLoc(loc)));
  if (amounts === undefined) return undefined;
  return {
    ...(name === undefined ? {} : { name }),
    dimension: dim.kind === 'Tuples' ? 'tuples' : dim.kind === 'Time' ? 'time' : 'field',
    ...(field === undefined ? {} : { field }),
    size: amounts.size,
    advance: amounts.advance,
    offset: amounts.offset,
    partitionBy,
    ...(amounts.timeoutMs === undefined ? {} : { timeoutMs: amounts.timeoutMs }),
    loc: ref.loc,
  };
}

/** The type of window_start()/window_end() for a window. */
export function windowBoundType(w: ResolvedWindow): FieldType {
  if (w.dimension === 'time') return 'timestamp';
  if (w.dimension === 'tuples') return 'long';
  return w.field?.type ?? 'timestamp';
}
