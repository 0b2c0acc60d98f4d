/**
 * SELECT: inputs and FROM (from.ts), WHERE, aggregation (GROUP BY, aggregates,
 * HAVING, grouping rules), the select list and output schema, ORDER BY /
 * LIMIT, and INTO (which declares the target stream when it is new).
 */
import type { SourceSpan } from '../../errors.js';
import type { Expr, Name, Select, SelectItem } from '../ast/index.js';
import { astEqual } from '../ast/index.js';
import type { StreamDef } from '../catalog.js';
import type { CheckedQuery, IntoTarget, OutputColumn, QueryInput, TAggregate, TExpr } from '../checked/index.js';
import type { Scope } from '../resolve.js';
import { assignable } from '../types.js';
import type { Field, SqlType } from '../types.js';
import type { CheckContext } from './context.js';
import { listNames, report } from './context.js';
import type { ExprEnv } from './expr.js';
import { checkExpr, containsAggregate, foldConstant } from './expr.js';
import { checkFrom } from './from.js';
import { windowBoundType } from './window.js';

export interface SelectOptions {
  /** undefined: INTO allowed; otherwise why it is not (INSERT ... SELECT, DECLARE ... UPDATE FROM) */
  readonly noInto?: string;
}

/** A name for an unaliased output column: the field for a column, the function for a call, else exprN. */
function defaultName(e: Expr, position: number): string {
  switch (e.kind) {
    case 'ColumnRef':
      return e.name.name;
    case 'Call':
      return e.name.name.toLowerCase();
    case 'Cast':
      return defaultName(e.operand, position);
    default:
      return `expr${position}`;
  }
}

function children(e: TExpr): TExpr[] {
  switch (e.kind) {
    case 'Literal':
    case 'Column':
    case 'Variable':
    case 'WindowBound':
    case 'Aggregate':
      return [];
    case 'Call':
      return [...e.args];
    case 'Unary':
    case 'IsNull':
    case 'Cast':
      return [e.operand];
    case 'Arithmetic':
    case 'Comparison':
    case 'Logical':
    case 'Concat':
      return [e.left, e.right];
    case 'InList':
      return [e.operand, ...e.list];
    case 'Between':
      return [e.operand, e.low, e.high];
    case 'Like':
      return [e.operand, e.pattern];
    case 'Case':
      return [...e.whens.flatMap((w) => [w.when, w.then]), ...(e.else === undefined ? [] : [e.else])];
  }
}

/** Every column outside aggregates must be part of a grouped expression (reported at the column). */
function checkGrouped(
  ctx: CheckContext,
  e: TExpr,
  keys: readonly TExpr[],
  inputs: readonly QueryInput[],
  at?: SourceSpan,
  /** output column names (HAVING): a field that shadows one gets a hint */
  outputNames?: ReadonlySet<string>,
): boolean {
  if (keys.some((k) => astEqual(k, e))) return true;
  if (e.kind === 'Aggregate' || e.kind === 'WindowBound') return true;
  if (e.kind === 'Column') {
    const shadow =
      outputNames?.has(e.name) === true
        ? ` ('${e.name}' here is the input field, not the output column of that name: write the column's expression instead)`
        : '';
    report(
      ctx,
      'GALE_ERR_SQL_GROUP_BY_VIOLATION',
      `'${inputs[e.input]?.alias ?? ''}.${e.name}' must appear in GROUP BY or be used inside an aggregate such as max(${e.name})${shadow}`,
      at ?? e.loc,
    );
    return false;
  }
  return children(e).every((c) => checkGrouped(ctx, c, keys, inputs, at, outputNames));
}

function boolCondition(ctx: CheckContext, t: TExpr, ast: Expr, clause: string): void {
  if (t.type !== 'bool' && t.type !== 'null') {
    report(ctx, 'GALE_ERR_SQL_TYPE_MISMATCH', `${clause} must be a bool condition, not ${t.type}`, ast.loc);
  }
}

/** Check a SELECT; undefined when it has errors (all reported). */
export function checkSelect(ctx: CheckContext, s: Select, opts: SelectOptions = {}): CheckedQuery | undefined {
  const before = ctx.errors.length;
  const inputs: QueryInput[] = [];
  const from = checkFrom(ctx, s.from, inputs);
  if (from === undefined) return undefined;
  const scope: Scope = { inputs };

  const where = s.where === undefined ? undefined : checkExpr(ctx, { scope, noAggregates: 'in WHERE (filter on aggregates with HAVING)' }, s.where);
  if (where !== undefined && s.where !== undefined) boolCondition(ctx, where, s.where, 'WHERE');

  const isAggregate =
    s.groupBy.length > 0 ||
    s.items.some((i) => i.kind === 'ExprItem' && containsAggregate(ctx, i.expr)) ||
    (s.having !== undefined && containsAggregate(ctx, s.having));
  const window = from.kind === 'Scan' ? inputs[from.input]!.window : undefined;
  if (window !== undefined && !isAggregate) {
    report(
      ctx,
      'GALE_ERR_SQL_BAD_WINDOW',
      'a window on a single stream needs an aggregate: add GROUP BY or an aggregate such as count(*) (windows are also used by joins)',
      window.loc,
    );
    return undefined;
  }
  const windowed = window !== undefined && isAggregate;

  const groupBy = s.groupBy.map((g) => checkExpr(ctx, { scope, noAggregates: 'in GROUP BY' }, g));
  const aggregates: TAggregate[] = [];
  const selectEnv: ExprEnv = {
    scope,
    ...(isAggregate ? { aggregates } : { noAggregates: '' }),
    ...(windowed ? { windowBoundType: windowBoundType(window) } : {}),
  };
  const columns = checkItems(ctx, selectEnv, s.items, inputs);

  // with PARTITION BY every window belongs to one partition, so its fields are grouped too
  const keys: TExpr[] = [...groupBy];
  if (windowed) {
    for (const p of window.partitionBy) keys.push({ kind: 'Column', input: 0, field: p.index, name: p.name, type: p.type, loc: window.loc });
  }
  if (isAggregate && columns !== undefined) {
    for (const c of columns.list) checkGrouped(ctx, c.expr, keys, inputs, c.star);
  }

  let having: TExpr | undefined;
  if (s.having !== undefined) {
    if (!isAggregate) {
      report(ctx, 'GALE_ERR_SQL_AGGREGATE_MISUSE', 'HAVING filters groups: it needs GROUP BY or an aggregate (use WHERE to filter tuples)', s.having.loc);
    } else {
      const outputAliases = new Map((columns?.list ?? []).map((c) => [c.name, c.expr] as const));
      having = checkExpr(ctx, { scope, aggregates, outputAliases }, s.having);
      boolCondition(ctx, having, s.having, 'HAVING');
      checkGrouped(ctx, having, keys, inputs, undefined, new Set(outputAliases.keys()));
    }
  }

  const orderBy: { expr: TExpr; descending: boolean }[] = [];
  if (s.orderBy.length > 0 && !windowed) {
    report(ctx, 'GALE_ERR_SQL_BAD_ORDER_BY', 'ORDER BY sorts the rows one window emits, so it needs an aggregate over a window', s.orderBy[0]!.loc);
  } else {
    for (const o of s.orderBy) {
      const out = o.expr.kind === 'ColumnRef' && o.expr.qualifier === undefined ? columns?.list.find((c) => c.name === (o.expr as { name: Name }).name.name) : undefined;
      const expr = out?.expr ?? checkExpr(ctx, selectEnv, o.expr);
      if (out === undefined) checkGrouped(ctx, expr, keys, inputs);
      orderBy.push({ expr, descending: o.descending });
    }
  }

  let limit: number | undefined;
  if (s.limit !== undefined) {
    const t = checkExpr(ctx, { scope: { inputs: [], noInputs: 'LIMIT must be a constant' }, noAggregates: 'in LIMIT' }, s.limit);
    const v = foldConstant(ctx, t, 'LIMIT');
    if (v !== undefined && (typeof v !== 'number' || !Number.isInteger(v) || v < 1)) {
      report(ctx, 'GALE_ERR_SQL_BAD_LIMIT', `LIMIT must be a whole number ≥ 1, got ${String(v)}`, s.limit.loc);
    } else if (typeof v === 'number') {
      limit = v;
    }
  }

  if (ctx.errors.length > before || columns === undefined) return undefined;
  let list = columns.list.map(({ name, type, expr }) => ({ name, type: type as Field['type'], expr }));
  let into: IntoTarget | undefined;
  if (s.into !== undefined) {
    if (opts.noInto !== undefined) {
      report(ctx, 'GALE_ERR_SQL_INTO_NOT_ALLOWED', opts.noInto, s.into.loc);
      return undefined;
    }
    if (inputs.some((i) => i.name === s.into!.name && i.source === 'stream')) {
      report(ctx, 'GALE_ERR_SQL_BAD_STATEMENT', `a query cannot write INTO '${s.into.name}', a stream it reads (that would loop)`, s.into.loc);
      return undefined;
    }
    const bound = bindInto(ctx, s.into, list);
    if (bound === undefined) return undefined;
    into = bound.target;
    list = bound.columns;
  }
  return {
    kind: 'Query',
    ast: s,
    inputs,
    from,
    ...(where === undefined ? {} : { where }),
    aggregation: !isAggregate ? 'none' : windowed ? 'windowed' : 'changelog',
    groupBy,
    aggregates,
    columns: list,
    ...(having === undefined ? {} : { having }),
    orderBy,
    ...(limit === undefined ? {} : { limit }),
    output: list.map((c) => ({ name: c.name, type: c.type })),
    ...(into === undefined ? {} : { into }),
  };
}

interface ItemColumn {
  readonly name: string;
  readonly type: SqlType;
  readonly expr: TExpr;
  /** for columns from `*`: where to point grouping errors */
  readonly star?: SourceSpan;
}

/** The select list (also RETURNING lists): columns with names and types; undefined if a column is invalid. */
export function checkItems(
  ctx: CheckContext,
  env: ExprEnv,
  items: readonly SelectItem[],
  inputs: readonly QueryInput[],
): { list: ItemColumn[] } | undefined {
  const list: ItemColumn[] = [];
  let ok = true;
  const add = (c: ItemColumn, loc: SourceSpan): void => {
    if (list.some((x) => x.name === c.name)) {
      // a column from * cannot take AS: say how to name it instead
      const fix = c.star === undefined ? 'rename one with AS' : `list the columns instead of *, renaming one (e.g. x.${c.name} AS x_${c.name})`;
      report(ctx, 'GALE_ERR_SQL_DUPLICATE_COLUMN', `two output columns are named '${c.name}'; ${fix}`, loc);
      ok = false;
      return;
    }
    list.push(c);
  };
  items.forEach((item, i) => {
    if (item.kind === 'Star') {
      const which =
        item.qualifier === undefined ? inputs.map((_, k) => k) : [inputs.findIndex((x) => x.alias === item.qualifier!.name)];
      if (which[0] === -1) {
        report(ctx, 'GALE_ERR_SQL_UNKNOWN_QUALIFIER', `unknown qualifier '${item.qualifier!.name}' (the inputs here are ${listNames(inputs.map((x) => x.alias))})`, item.qualifier!.loc);
        ok = false;
        return;
      }
      for (const k of which) {
        const input = inputs[k]!;
        input.fields.forEach((f, field) =>
          add({ name: f.name, type: f.type, expr: { kind: 'Column', input: k, field, name: f.name, type: f.type, loc: item.loc }, star: item.loc }, item.loc),
        );
      }
      return;
    }
    const before = ctx.errors.length;
    const expr = checkExpr(ctx, env, item.expr);
    if (ctx.errors.length > before) {
      ok = false;
      return;
    }
    if (expr.type === 'null') {
      report(ctx, 'GALE_ERR_SQL_UNTYPED_NULL', 'the type of this column cannot be inferred from NULL; write CAST(NULL AS type)', item.expr.loc);
      ok = false;
      return;
    }
    add({ name: item.alias?.name ?? defaultName(item.expr, i + 1), type: expr.type, expr }, item.alias?.loc ?? item.loc);
  });
  return ok ? { list } : undefined;
}

/** INTO s: match the declared stream (columns reordered to its fields) or declare it. */
export function bindInto(
  ctx: CheckContext,
  into: Name,
  columns: readonly OutputColumn[],
): { target: IntoTarget; columns: OutputColumn[] } | undefined {
  const name = into.name;
  const rel = ctx.catalog.relations.get(name);
  const fields: Field[] = columns.map((c) => ({ name: c.name, type: c.type }));
  if (rel === undefined) {
    const stream: StreamDef = { kind: 'stream', name, direction: 'intermediate', fields, binding: { generatorOptions: {} }, implicit: true, loc: into.loc };
    ctx.catalog.relations.set(name, stream);
    return { target: { stream: name, implicit: true, loc: into.loc }, columns: [...columns] };
  }
  if (rel.kind === 'table') {
    report(ctx, 'GALE_ERR_SQL_NOT_A_STREAM', `'${name}' is a table; write to it with INSERT INTO ${name} SELECT ...`, into.loc);
    return undefined;
  }
  if (rel.direction === 'input') {
    report(ctx, 'GALE_ERR_SQL_WRITE_TO_INPUT', `'${name}' is an INPUT stream, fed from outside; write INTO an OUTPUT or intermediate stream`, into.loc);
    return undefined;
  }
  if (rel.fields === undefined) {
    ctx.catalog.relations.set(name, { ...rel, fields });
    return { target: { stream: name, implicit: false, loc: into.loc }, columns: [...columns] };
  }
  const problems: string[] = [];
  const ordered: OutputColumn[] = [];
  for (const f of rel.fields) {
    const c = columns.find((x) => x.name === f.name);
    if (c === undefined) problems.push(`no column '${f.name}' (${f.type})`);
    else if (!assignable(c.type, f.type)) problems.push(`column '${f.name}' is ${c.type} but the field is ${f.type}`);
    else ordered.push({ ...c, type: f.type });
  }
  for (const c of columns) {
    if (!rel.fields.some((f) => f.name === c.name)) problems.push(`column '${c.name}' is not a field of ${name}`);
  }
  if (problems.length > 0) {
    report(
      ctx,
      'GALE_ERR_SQL_SCHEMA_MISMATCH',
      `the rows do not fit stream ${name} (${listNames(rel.fields.map((f) => `${f.name} ${f.type}`))}): ${problems.join('; ')}`,
      into.loc,
    );
    return undefined;
  }
  return { target: { stream: name, implicit: false, loc: into.loc }, columns: ordered };
}
