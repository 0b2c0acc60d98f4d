/** DECLARE and the interactive statements that need a look at the catalog. */
import type { Declare, Describe, Show } from '../ast/index.js';
import type { VariableDef } from '../catalog.js';
import { SHOW_TARGETS } from '../checked/index.js';
import type { CheckedDeclare, CheckedDescribe, CheckedShow, ShowTarget } from '../checked/index.js';
import { EMPTY_SCOPE } from '../resolve.js';
import { assignable, isFieldType } from '../types.js';
import type { CheckContext } from './context.js';
import { report, reportUnknown, suggestion } from './context.js';
import { checkExpr, foldConstant } from './expr.js';
import { checkSelect } from './query.js';

export function checkDeclare(ctx: CheckContext, d: Declare): CheckedDeclare | undefined {
  const before = ctx.errors.length;
  const name = d.name.name;
  if (ctx.catalog.variables.has(name)) report(ctx, 'GALE_ERR_SQL_DUPLICATE_NAME', `variable '${name}' is already declared`, d.name.loc);
  if (!isFieldType(d.type.name)) {
    report(ctx, 'GALE_ERR_SQL_UNKNOWN_TYPE', `unknown type '${d.type.name}' (types are bool, int, long, double, string, timestamp)`, d.type.loc);
    return undefined;
  }
  const type = d.type.name;
  const def = checkExpr(ctx, { scope: { ...EMPTY_SCOPE, noInputs: 'DEFAULT must be a constant' }, noAggregates: 'in DEFAULT' }, d.default);
  if (ctx.errors.length > before) return undefined;
  if (!assignable(def.type, type)) {
    report(ctx, 'GALE_ERR_SQL_TYPE_MISMATCH', `DEFAULT is ${def.type} but ${name} is ${type}`, d.default.loc);
    return undefined;
  }
  const initial = foldConstant(ctx, def, 'DEFAULT');
  if (initial === undefined) return undefined;
  let updateFrom;
  if (d.updateFrom !== undefined) {
    updateFrom = checkSelect(ctx, d.updateFrom, { noInto: 'the query of UPDATE FROM feeds the variable; remove INTO' });
    if (updateFrom === undefined) return undefined;
    const first = updateFrom.columns[0]!;
    if (!assignable(first.type, type)) {
      report(ctx, 'GALE_ERR_SQL_TYPE_MISMATCH', `UPDATE FROM gives ${first.type} (its first column, ${first.name}) but ${name} is ${type}`, d.updateFrom.loc);
      return undefined;
    }
  }
  const variable: VariableDef = { name, type, initial, constant: updateFrom === undefined, loc: d.loc };
  ctx.catalog.variables.set(name, variable);
  return { kind: 'Declare', ast: d, variable, default: def, ...(updateFrom === undefined ? {} : { updateFrom }) };
}

export function checkShow(ctx: CheckContext, s: Show): CheckedShow | undefined {
  if (!(SHOW_TARGETS as readonly string[]).includes(s.what)) {
    report(ctx, 'GALE_ERR_SQL_BAD_STATEMENT', `SHOW ${s.what.toUpperCase()}: expected one of ${SHOW_TARGETS.map((x) => x.toUpperCase()).join(', ')}${suggestion(s.what, SHOW_TARGETS)}`, s.loc);
    return undefined;
  }
  return { kind: 'Show', ast: s, what: s.what as ShowTarget };
}

export function checkDescribe(ctx: CheckContext, d: Describe): CheckedDescribe | undefined {
  const name = d.name.name;
  const c = ctx.catalog;
  const rel = c.relations.get(name);
  const kind = rel !== undefined ? rel.kind : c.schemas.has(name) ? 'schema' : c.windows.has(name) ? 'window' : c.variables.has(name) ? 'variable' : undefined;
  if (kind === undefined) {
    const all = [...c.relations.keys(), ...c.schemas.keys(), ...c.windows.keys(), ...c.variables.keys()];
    reportUnknown(ctx, 'GALE_ERR_SQL_UNKNOWN_STREAM', name, `nothing is named '${name}' (no stream, table, schema, window or variable)${suggestion(name, all)}`, d.name.loc);
    return undefined;
  }
  return { kind: 'Describe', ast: d, target: { kind, name } };
}
