/**
 * FROM: streams and tables become the query's inputs (with their windows),
 * joins and tuple joins are validated (what must be windowed, which side may
 * be a table), and PATTERN templates become inputs of a pattern.
 */
import type { FromClause, FromItem, PatternExpr, SourceRef } from '../ast/index.js';
import type { CheckedFrom, CheckedPattern, CheckedWithin, FieldRef, QueryInput } from '../checked/index.js';
import { EMPTY_SCOPE } from '../resolve.js';
import { isNumeric } from '../types.js';
import type { CheckContext } from './context.js';
import { report, reportUnknown, suggestion } from './context.js';
import { checkExpr, containsInterval, foldConstant } from './expr.js';
import { resolveWindow } from './window.js';

interface FromState {
  readonly ctx: CheckContext;
  readonly inputs: QueryInput[];
}

function relationNames(ctx: CheckContext): string[] {
  return [...ctx.catalog.relations.keys()];
}

function addInput(st: FromState, src: SourceRef): number | undefined {
  const { ctx } = st;
  const rel = ctx.catalog.relations.get(src.name.name);
  if (rel === undefined) {
    reportUnknown(ctx, 'GALE_ERR_SQL_UNKNOWN_STREAM', src.name.name, `unknown stream or table '${src.name.name}'${suggestion(src.name.name, relationNames(ctx))}`, src.name.loc);
    return undefined;
  }
  if (rel.fields === undefined) {
    report(ctx, 'GALE_ERR_SQL_NO_SCHEMA', `stream '${rel.name}' has no schema yet: declare its fields, or write INTO it before reading it`, src.name.loc);
    return undefined;
  }
  const alias = src.alias?.name ?? src.name.name;
  if (st.inputs.some((i) => i.alias === alias)) {
    report(ctx, 'GALE_ERR_SQL_DUPLICATE_ALIAS', `'${alias}' names two inputs of this query; give one an alias (AS x)`, (src.alias ?? src.name).loc);
    return undefined;
  }
  let window;
  if (src.window !== undefined) {
    if (rel.kind === 'table') {
      report(ctx, 'GALE_ERR_SQL_BAD_WINDOW', `'${rel.name}' is a table; only streams have windows`, src.window.loc);
      return undefined;
    }
    window = resolveWindow(ctx, src.window, { alias, fields: rel.fields });
    if (window === undefined) return undefined;
  }
  const eventTime = rel.kind === 'stream' ? rel.eventTime?.index : undefined;
  st.inputs.push({
    alias,
    source: rel.kind,
    name: rel.name,
    fields: rel.fields,
    ...(window === undefined ? {} : { window }),
    ...(eventTime === undefined ? {} : { eventTime }),
    loc: src.loc,
  });
  return st.inputs.length - 1;
}

function inputsOf(f: CheckedFrom): number[] {
  switch (f.kind) {
    case 'Scan':
      return [f.input];
    case 'Join':
      return [...inputsOf(f.left), f.right];
    case 'TupleJoin':
      return f.items.flatMap(inputsOf);
    case 'Pattern':
      return [];
  }
}

function requireWindows(st: FromState, inputs: readonly number[], what: string): boolean {
  let ok = true;
  for (const i of inputs) {
    const input = st.inputs[i]!;
    if (input.source === 'stream' && input.window === undefined) {
      report(
        st.ctx,
        'GALE_ERR_SQL_JOIN_NEEDS_WINDOW',
        `${what}: stream '${input.alias}' needs a window, e.g. ${input.name}[SIZE 10 ADVANCE 10 TIME] (or join it with a table)`,
        input.loc,
      );
      ok = false;
    }
  }
  return ok;
}

function checkFromItem(st: FromState, item: FromItem): CheckedFrom | undefined {
  if (item.kind === 'Source') {
    const i = addInput(st, item);
    return i === undefined ? undefined : { kind: 'Scan', input: i };
  }
  const left = checkFromItem(st, item.left);
  const right = addInput(st, item.right);
  if (left === undefined || right === undefined) return undefined;
  const { ctx } = st;
  const rightInput = st.inputs[right]!;
  const leftIsTable = left.kind === 'Scan' && st.inputs[left.input]!.source === 'table';
  let lookup: 'none' | 'right-table' | 'left-table' = 'none';
  const type = item.joinType.toUpperCase();
  if (rightInput.source === 'table') {
    if (leftIsTable) {
      report(ctx, 'GALE_ERR_SQL_BAD_JOIN', 'a join needs a stream on at least one side (two tables do not make a stream)', item.right.loc);
      return undefined;
    }
    if (item.joinType === 'right' || item.joinType === 'full') {
      report(ctx, 'GALE_ERR_SQL_BAD_JOIN', `${type} JOIN to a table is not supported: the stream side drives a lookup (use JOIN or LEFT JOIN)`, item.loc);
      return undefined;
    }
    lookup = 'right-table';
  } else if (leftIsTable) {
    if (item.joinType === 'left' || item.joinType === 'full') {
      report(ctx, 'GALE_ERR_SQL_BAD_JOIN', `${type} JOIN from a table is not supported: the stream side drives a lookup (use JOIN or RIGHT JOIN)`, item.loc);
      return undefined;
    }
    lookup = 'left-table';
  } else if (!requireWindows(st, [...inputsOf(left), right], 'a stream–stream JOIN keeps only windowed tuples')) {
    return undefined;
  } else if (left.kind !== 'Scan') {
    // the runtime joins two windowed streams; a third is joined to an intermediate stream
    report(
      ctx,
      'GALE_ERR_SQL_BAD_JOIN',
      `a stream–stream JOIN needs a single stream on its left, not a join: write the first join INTO a stream, then join that stream with '${rightInput.alias}' (further joins to tables are fine)`,
      item.right.loc,
    );
    return undefined;
  }
  const before = ctx.errors.length;
  const on = checkExpr(ctx, { scope: { inputs: st.inputs }, noAggregates: 'in a join condition' }, item.on);
  if (ctx.errors.length > before) return undefined;
  if (on.type !== 'bool' && on.type !== 'null') {
    report(ctx, 'GALE_ERR_SQL_TYPE_MISMATCH', `the ON condition must be bool, not ${on.type}`, item.on.loc);
    return undefined;
  }
  return { kind: 'Join', joinType: item.joinType, left, right, on, lookup };
}

/** Check a FROM clause, filling `inputs`; undefined when it has errors (reported). */
export function checkFrom(ctx: CheckContext, from: FromClause, inputs: QueryInput[]): CheckedFrom | undefined {
  const st: FromState = { ctx, inputs };
  if (from.kind === 'FromPattern') return checkPattern(st, from);
  const items: CheckedFrom[] = [];
  let ok = true;
  for (const item of from.items) {
    const c = checkFromItem(st, item);
    if (c === undefined) ok = false;
    else items.push(c);
  }
  if (!ok) return undefined;
  if (items.length === 1) {
    const only = items[0]!;
    if (only.kind === 'Scan' && inputs[only.input]!.source === 'table') {
      report(ctx, 'GALE_ERR_SQL_NOT_A_STREAM', `'${inputs[only.input]!.name}' is a table: a query reads streams; join the table with a stream to look rows up`, inputs[only.input]!.loc);
      return undefined;
    }
    return only;
  }
  if (items.length > 2) {
    report(ctx, 'GALE_ERR_SQL_BAD_JOIN', `a tuple join (FROM a[w], b[w]) joins two inputs, not ${items.length}: write the first two INTO a stream, then join that with the third`, from.items[2]!.loc);
    return undefined;
  }
  const streamInputs = items.flatMap(inputsOf);
  if (!requireWindows(st, streamInputs, 'a tuple join (FROM a[w], b[w]) matches windowed tuples')) return undefined;
  if (streamInputs.every((i) => inputs[i]!.source === 'table')) {
    report(ctx, 'GALE_ERR_SQL_BAD_JOIN', 'a join needs a stream on at least one side', from.loc);
    return undefined;
  }
  return { kind: 'TupleJoin', items };
}

// ---- PATTERN ----------------------------------------------------------------

function checkPatternExpr(st: FromState, p: PatternExpr): CheckedPattern | undefined {
  switch (p.kind) {
    case 'PatternSource': {
      const rel = st.ctx.catalog.relations.get(p.stream.name);
      if (rel?.kind === 'table') {
        report(st.ctx, 'GALE_ERR_SQL_NOT_A_STREAM', `'${rel.name}' is a table; a PATTERN matches tuples of streams`, p.stream.loc);
        return undefined;
      }
      const i = addInput(st, { kind: 'Source', name: p.stream, ...(p.alias === undefined ? {} : { alias: p.alias }), loc: p.loc });
      return i === undefined ? undefined : { kind: 'Source', input: i };
    }
    case 'PatternNot': {
      const operand = checkPatternExpr(st, p.operand);
      return operand === undefined ? undefined : { kind: 'Not', operand };
    }
    case 'PatternBinary': {
      const left = checkPatternExpr(st, p.left);
      const right = checkPatternExpr(st, p.right);
      return left === undefined || right === undefined ? undefined : { kind: 'Binary', op: p.op, left, right };
    }
  }
}

/** NOT (absence) only makes sense after THEN or next to a positive template under AND. */
function validatePattern(ctx: CheckContext, p: PatternExpr, top: boolean): boolean {
  if (p.kind === 'PatternSource') return true;
  if (p.kind === 'PatternNot') {
    if (top) {
      report(ctx, 'GALE_ERR_SQL_BAD_PATTERN', 'a PATTERN cannot consist only of NOT: NOT b means "no b", it needs a template it follows or accompanies (a THEN NOT b)', p.loc);
      return false;
    }
    if (p.operand.kind === 'PatternNot') {
      report(ctx, 'GALE_ERR_SQL_BAD_PATTERN', 'NOT NOT is not allowed in a PATTERN', p.loc);
      return false;
    }
    if (p.operand.kind !== 'PatternSource') {
      report(ctx, 'GALE_ERR_SQL_BAD_PATTERN', 'NOT applies to one template (a THEN NOT b), not to a parenthesized group of templates', p.loc);
      return false;
    }
    return validatePattern(ctx, p.operand, false);
  }
  const bad = (side: PatternExpr, why: string): boolean => {
    report(ctx, 'GALE_ERR_SQL_BAD_PATTERN', why, side.loc);
    return false;
  };
  if (p.op === 'or' && (p.left.kind === 'PatternNot' || p.right.kind === 'PatternNot')) {
    return bad(p.left.kind === 'PatternNot' ? p.left : p.right, 'NOT cannot be an alternative of OR (the match would have nothing to report)');
  }
  if (p.op === 'then' && p.left.kind === 'PatternNot') return bad(p.left, 'a PATTERN cannot start with NOT: write a THEN NOT b');
  if (p.op === 'and' && p.left.kind === 'PatternNot' && p.right.kind === 'PatternNot') {
    return bad(p, 'AND of two NOTs matches nothing');
  }
  return validatePattern(ctx, p.left, false) && validatePattern(ctx, p.right, false);
}

function checkPattern(st: FromState, from: FromClause & { kind: 'FromPattern' }): CheckedFrom | undefined {
  const { ctx } = st;
  if (!validatePattern(ctx, from.pattern, true)) return undefined;
  const pattern = checkPatternExpr(st, from.pattern);
  if (pattern === undefined) return undefined;
  const w = from.within;
  const before = ctx.errors.length;
  const amountExpr = checkExpr(ctx, { scope: { ...EMPTY_SCOPE, noInputs: 'WITHIN must be a constant' }, noAggregates: 'in WITHIN' }, w.amount);
  if (ctx.errors.length > before) return undefined;
  if (!isNumeric(amountExpr.type)) {
    report(ctx, 'GALE_ERR_SQL_TYPE_MISMATCH', `WITHIN needs a number or an INTERVAL, not ${amountExpr.type}`, w.amount.loc);
    return undefined;
  }
  const value = foldConstant(ctx, amountExpr, 'WITHIN');
  if (typeof value !== 'number') return undefined;
  if (value <= 0) {
    report(ctx, 'GALE_ERR_SQL_BAD_PATTERN', `WITHIN must be positive, got ${value}`, w.amount.loc);
    return undefined;
  }
  const interval = containsInterval(w.amount);
  let within: CheckedWithin;
  if (w.kind === 'WithinTime') {
    within = { kind: 'time', ms: Math.round(interval ? value : value * 1000) };
  } else {
    const refs: FieldRef[] = [];
    for (const input of st.inputs) {
      const index = input.fields.findIndex((f) => f.name === w.field.name);
      if (index < 0) {
        report(ctx, 'GALE_ERR_SQL_UNKNOWN_FIELD', `WITHIN ... ON ${w.field.name}: ${input.alias} has no field '${w.field.name}'`, w.field.loc);
        return undefined;
      }
      const type = input.fields[index]!.type;
      if (!isNumeric(type) && type !== 'timestamp') {
        report(ctx, 'GALE_ERR_SQL_BAD_PATTERN', `WITHIN ... ON needs a numeric or timestamp field; ${input.alias}.${w.field.name} is ${type}`, w.field.loc);
        return undefined;
      }
      if (refs.length > 0 && (refs[0]!.type === 'timestamp') !== (type === 'timestamp')) {
        report(ctx, 'GALE_ERR_SQL_BAD_PATTERN', `WITHIN ... ON ${w.field.name}: the field is a timestamp in some streams and a number in others`, w.field.loc);
        return undefined;
      }
      refs.push({ name: w.field.name, index, type });
    }
    const isTime = refs[0]?.type === 'timestamp';
    if (interval && !isTime) {
      report(ctx, 'GALE_ERR_SQL_BAD_PATTERN', 'an INTERVAL in WITHIN ... ON needs a timestamp field', w.amount.loc);
      return undefined;
    }
    within = { kind: 'field', name: w.field.name, amount: isTime ? Math.round(interval ? value : value * 1000) : value, fields: refs };
  }
  return { kind: 'Pattern', pattern, within };
}
