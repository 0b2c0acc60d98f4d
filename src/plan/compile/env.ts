/**
 * Row layouts the compiled expressions of a query are evaluated over:
 * one input (field i = r[i]); several inputs side by side (a join's or a
 * pattern's combined row); and an aggregate's output row
 * [key values, aggregate results, window start, window end].
 */
import type { TExpr } from '../../sql/checked/index.js';
import type { PlanContext } from '../context.js';
import type { ExprEnv, VariableCell } from './expr.js';

function variableOf(ctx: PlanContext): (name: string) => VariableCell {
  return (name) => {
    let cell = ctx.variables.get(name);
    if (cell === undefined) {
      const def = ctx.catalog.variables.get(name);
      cell = { value: def?.initial ?? null };
      ctx.variables.set(name, cell);
    }
    return cell;
  };
}

/** Inputs laid side by side: input i starts at offsets[i]. */
export function inputsEnv(ctx: PlanContext, offsets: ReadonlyMap<number, number> | readonly number[]): ExprEnv {
  const at = (i: number): number => {
    const o = offsets instanceof Map ? offsets.get(i) : (offsets as readonly number[])[i];
    if (o === undefined) throw new Error(`input ${i} is not in this row`);
    return o;
  };
  return { column: (i, f) => at(i) + f, variable: variableOf(ctx), fn: ctx.fn };
}

export function singleInputEnv(ctx: PlanContext): ExprEnv {
  return inputsEnv(ctx, [0]);
}

/** Deep equality of checked expressions, ignoring source positions. */
export function sameExpr(a: TExpr, b: TExpr): boolean {
  return JSON.stringify(a, dropLoc) === JSON.stringify(b, dropLoc);
}

function dropLoc(key: string, value: unknown): unknown {
  return key === 'loc' ? undefined : value;
}

/**
 * The env of an aggregate's output row. `keys` are the key expressions (the
 * PARTITION BY fields as columns, then GROUP BY), at positions 0..k-1; a
 * column or sub-expression equal to a key reads that position.
 */
export function aggregateEnv(ctx: PlanContext, keys: readonly TExpr[], aggregates: number): {
  env: ExprEnv;
  rewrite: (e: TExpr) => TExpr;
} {
  const k = keys.length;
  const env: ExprEnv = {
    column: (input, field) => {
      if (input === KEY_INPUT) return field;
      const i = keys.findIndex((x) => x.kind === 'Column' && x.input === input && x.field === field);
      if (i < 0) throw new Error('column is neither grouped nor aggregated');
      return i;
    },
    aggregate: (slot) => k + slot,
    windowBound: (b) => k + aggregates + (b === 'start' ? 0 : 1),
    variable: variableOf(ctx),
    fn: ctx.fn,
  };
  const rewrite = (e: TExpr): TExpr => replaceKeys(e, keys);
  return { env, rewrite };
}

const KEY_INPUT = -1000;

/** Replaces every sub-expression equal to a key by a column reading that key's position. */
function replaceKeys(e: TExpr, keys: readonly TExpr[]): TExpr {
  if (e.kind !== 'Column' && e.kind !== 'Literal') {
    const i = keys.findIndex((x) => sameExpr(x, e));
    if (i >= 0) return { kind: 'Column', input: KEY_INPUT, field: i, name: `key${i}`, type: e.type, loc: e.loc };
  }
  const r = (x: TExpr): TExpr => replaceKeys(x, keys);
  switch (e.kind) {
    case 'Call':
    case 'Aggregate':
      return e.kind === 'Aggregate' ? e : { ...e, args: e.args.map(r) };
    case 'Unary':
      return { ...e, operand: r(e.operand) };
    case 'Arithmetic':
    case 'Comparison':
    case 'Logical':
    case 'Concat':
      return { ...e, left: r(e.left), right: r(e.right) };
    case 'IsNull':
    case 'Cast':
      return { ...e, operand: r(e.operand) };
    case 'InList':
      return { ...e, operand: r(e.operand), list: e.list.map(r) };
    case 'Between':
      return { ...e, operand: r(e.operand), low: r(e.low), high: r(e.high) };
    case 'Like':
      return { ...e, operand: r(e.operand), pattern: r(e.pattern) };
    case 'Case': {
      const out = { ...e, whens: e.whens.map((w) => ({ when: r(w.when), then: r(w.then) })) };
      return e.else === undefined ? out : { ...out, else: r(e.else) };
    }
    default:
      return e;
  }
}

/** Splits a condition into its AND-ed conjuncts. */
export function conjuncts(e: TExpr | undefined): TExpr[] {
  if (e === undefined) return [];
  if (e.kind === 'Logical' && e.op === 'and') return [...conjuncts(e.left), ...conjuncts(e.right)];
  return [e];
}

/** The inputs an expression reads. */
export function inputsOf(e: TExpr, out = new Set<number>()): Set<number> {
  switch (e.kind) {
    case 'Column':
      out.add(e.input);
      break;
    case 'Call':
    case 'Aggregate':
      e.args.forEach((a) => inputsOf(a, out));
      break;
    case 'Unary':
    case 'IsNull':
    case 'Cast':
      inputsOf(e.operand, out);
      break;
    case 'Arithmetic':
    case 'Comparison':
    case 'Logical':
    case 'Concat':
      inputsOf(e.left, out);
      inputsOf(e.right, out);
      break;
    case 'InList':
      inputsOf(e.operand, out);
      e.list.forEach((a) => inputsOf(a, out));
      break;
    case 'Between':
      inputsOf(e.operand, out);
      inputsOf(e.low, out);
      inputsOf(e.high, out);
      break;
    case 'Like':
      inputsOf(e.operand, out);
      inputsOf(e.pattern, out);
      break;
    case 'Case':
      e.whens.forEach((w) => {
        inputsOf(w.when, out);
        inputsOf(w.then, out);
      });
      if (e.else !== undefined) inputsOf(e.else, out);
      break;
    default:
      break;
  }
  return out;
}

/** Equalities `x = y` of a condition where x reads only inputs in `a` and y only inputs in `b` (either way round). */
export function equiPairs(cond: TExpr | undefined, a: ReadonlySet<number>, b: ReadonlySet<number>): { a: TExpr; b: TExpr }[] {
  const out: { a: TExpr; b: TExpr }[] = [];
  const within = (e: TExpr, s: ReadonlySet<number>): boolean => {
    const ins = inputsOf(e);
    return ins.size > 0 && [...ins].every((i) => s.has(i));
  };
  for (const c of conjuncts(cond)) {
    if (c.kind !== 'Comparison' || c.op !== '=') continue;
    if (within(c.left, a) && within(c.right, b)) out.push({ a: c.left, b: c.right });
    else if (within(c.right, a) && within(c.left, b)) out.push({ a: c.right, b: c.left });
  }
  return out;
}
