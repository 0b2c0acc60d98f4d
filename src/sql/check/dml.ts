/**
 * Writes: INSERT / REPLACE ... SELECT into tables (or streams), UPDATE and
 * DELETE ... USING, RETURNING, and INSERT ... VALUES.
 */
import type { Assignment, Delete, InsertSelect, InsertValues, Name, ReplaceSelect, Returning, SourceRef, Update } from '../ast/index.js';
import type { RelationDef, TableDef } from '../catalog.js';
import type {
  CheckedAssignment,
  CheckedInsertValues,
  CheckedQuery,
  CheckedReturning,
  CheckedTableDelete,
  CheckedTableInsert,
  CheckedTableUpdate,
  QueryInput,
  TExpr,
} from '../checked/index.js';
import type { Scope } from '../resolve.js';
import { parseTimestamp } from '../functions/time-text.js';
import { assignable, isIntegral } from '../types.js';
import type { Field } from '../types.js';
import type { CheckContext } from './context.js';
import { listNames, report, reportUnknown, suggestion } from './context.js';
import { checkExpr } from './expr.js';
import { bindInto, checkItems, checkSelect } from './query.js';

function lookupRelation(ctx: CheckContext, name: Name): RelationDef | undefined {
  const rel = ctx.catalog.relations.get(name.name);
  if (rel === undefined) {
    reportUnknown(ctx, 'GALE_ERR_SQL_UNKNOWN_STREAM', name.name, `unknown stream or table '${name.name}'${suggestion(name.name, ctx.catalog.relations.keys())}`, name.loc);
  }
  return rel;
}

function lookupTable(ctx: CheckContext, name: Name, statement: string): TableDef | undefined {
  const rel = lookupRelation(ctx, name);
  if (rel === undefined) return undefined;
  if (rel.kind !== 'table') {
    report(ctx, 'GALE_ERR_SQL_NOT_A_TABLE', `${statement} needs a memory table; '${name.name}' is a stream`, name.loc);
    return undefined;
  }
  return rel;
}

function tableInput(t: TableDef, loc: Name['loc']): QueryInput {
  return { alias: t.name, source: 'table', name: t.name, fields: t.fields, loc };
}

function checkAssignments(ctx: CheckContext, table: TableDef, assignments: readonly Assignment[], scope: Scope): CheckedAssignment[] {
  const out: CheckedAssignment[] = [];
  for (const a of assignments) {
    const column = table.fields.findIndex((f) => f.name === a.column.name);
    const value = checkExpr(ctx, { scope, noAggregates: 'in an assignment' }, a.value);
    if (column < 0) {
      report(ctx, 'GALE_ERR_SQL_UNKNOWN_FIELD', `table ${table.name} has no column '${a.column.name}'${suggestion(a.column.name, table.fields.map((f) => f.name))}`, a.column.loc);
      continue;
    }
    if (table.primaryKey.some((k) => k.index === column)) {
      report(ctx, 'GALE_ERR_SQL_PRIMARY_KEY_UPDATE', `'${a.column.name}' is part of the primary key of ${table.name} and cannot be assigned`, a.column.loc);
      continue;
    }
    if (out.some((x) => x.column === column)) {
      report(ctx, 'GALE_ERR_SQL_DUPLICATE_COLUMN', `'${a.column.name}' is assigned twice`, a.column.loc);
      continue;
    }
    const type = table.fields[column]!.type;
    if (!assignable(value.type, type)) {
      report(ctx, 'GALE_ERR_SQL_TYPE_MISMATCH', `cannot assign ${value.type} to ${table.name}.${a.column.name} (${type})`, a.value.loc);
      continue;
    }
    out.push({ column, name: a.column.name, value });
  }
  return out;
}

function checkReturning(ctx: CheckContext, r: Returning | undefined, inputs: readonly QueryInput[]): CheckedReturning | undefined {
  if (r === undefined) return undefined;
  const cols = checkItems(ctx, { scope: { inputs }, noAggregates: 'in RETURNING' }, r.items, inputs);
  if (cols === undefined) return undefined;
  let columns = cols.list.map(({ name, type, expr }) => ({ name, type: type as Field['type'], expr }));
  let into;
  if (r.into !== undefined) {
    if (inputs.some((i) => i.name === r.into!.name)) {
      report(ctx, 'GALE_ERR_SQL_BAD_STATEMENT', `RETURNING cannot write INTO '${r.into.name}', which this statement reads`, r.into.loc);
      return undefined;
    }
    const bound = bindInto(ctx, r.into, columns);
    if (bound === undefined) return undefined;
    into = bound.target;
    columns = bound.columns;
  }
  return { inputs, columns, output: columns.map((c) => ({ name: c.name, type: c.type })), ...(into === undefined ? {} : { into }) };
}

/** INSERT INTO x SELECT ... / REPLACE INTO t SELECT ...: a table write, or (INSERT into a stream) a query with INTO. */
export function checkInsertSelect(ctx: CheckContext, s: InsertSelect | ReplaceSelect): CheckedTableInsert | CheckedQuery | undefined {
  const before = ctx.errors.length;
  const plainInsert = s.kind === 'InsertSelect' && s.onDuplicate === undefined && s.returning === undefined;
  // INSERT INTO s SELECT ... is SELECT ... INTO s, so it too declares a new stream
  const known = ctx.catalog.relations.get(s.target.name);
  const rel = known === undefined && plainInsert ? undefined : lookupRelation(ctx, s.target);
  if (rel === undefined && !plainInsert) return undefined;
  const verb = s.kind === 'InsertSelect' ? 'INSERT' : 'REPLACE';
  if (rel === undefined || (rel.kind === 'stream' && plainInsert)) {
    const q = checkSelect(ctx, s.query, { noInto: 'INSERT INTO s SELECT ... already names where rows go; remove this INTO' });
    if (q === undefined) return undefined;
    const renamed = renameColumns(ctx, q, s.columns);
    if (renamed === undefined) return undefined;
    const bound = bindInto(ctx, s.target, renamed);
    if (bound === undefined) return undefined;
    return { ...q, columns: bound.columns, output: bound.columns.map((c) => ({ name: c.name, type: c.type })), into: bound.target };
  }
  if (rel.kind !== 'table') {
    report(ctx, 'GALE_ERR_SQL_NOT_A_TABLE', `${verb} with ON DUPLICATE KEY UPDATE, RETURNING or REPLACE needs a memory table; '${rel.name}' is a stream`, s.target.loc);
    return undefined;
  }
  const query = checkSelect(ctx, s.query, { noInto: `${verb} INTO ${rel.name} SELECT ... already names where rows go; remove this INTO` });
  if (query === undefined) return undefined;
  const columnMap = mapColumns(ctx, rel, query, s.columns, s.target);
  if (columnMap === undefined) return undefined;
  let onDuplicate: CheckedAssignment[] | undefined;
  let onDuplicateInputs: QueryInput[] | undefined;
  if (s.kind === 'InsertSelect' && s.onDuplicate !== undefined) {
    onDuplicateInputs = [
      tableInput(rel, s.target.loc),
      { alias: 'new', source: 'stream', name: rel.name, fields: query.output, loc: s.query.loc },
    ];
    onDuplicate = checkAssignments(ctx, rel, s.onDuplicate, { inputs: onDuplicateInputs, unqualified: [false, true] });
  }
  const returning = checkReturning(ctx, s.returning, [tableInput(rel, s.target.loc)]);
  if (ctx.errors.length > before) return undefined;
  return {
    kind: 'TableInsert',
    ast: s,
    mode: s.kind === 'InsertSelect' ? 'insert' : 'replace',
    table: rel.name,
    query,
    columnMap,
    ...(onDuplicate === undefined ? {} : { onDuplicate }),
    ...(onDuplicateInputs === undefined ? {} : { onDuplicateInputs }),
    ...(returning === undefined ? {} : { returning }),
  };
}

/** With a column list, output column i is renamed to the i-th listed name. */
function renameColumns(ctx: CheckContext, q: CheckedQuery, names: readonly Name[] | undefined): CheckedQuery['columns'] | undefined {
  if (names === undefined) return q.columns;
  if (names.length !== q.columns.length) {
    report(ctx, 'GALE_ERR_SQL_SCHEMA_MISMATCH', `${names.length} columns are listed but the SELECT produces ${q.columns.length}`, names[0]!.loc);
    return undefined;
  }
  return q.columns.map((c, i) => ({ ...c, name: names[i]!.name }));
}

/** Which table column each query output column goes to: by position with a column list, else by name. */
function mapColumns(ctx: CheckContext, table: TableDef, q: CheckedQuery, names: readonly Name[] | undefined, at: Name): number[] | undefined {
  const renamed = renameColumns(ctx, q, names);
  if (renamed === undefined) return undefined;
  const map: number[] = [];
  let ok = true;
  renamed.forEach((c, i) => {
    const loc = names?.[i]?.loc ?? at.loc;
    const idx = table.fields.findIndex((f) => f.name === c.name);
    if (idx < 0) {
      report(ctx, 'GALE_ERR_SQL_UNKNOWN_FIELD', `table ${table.name} has no column '${c.name}' (columns: ${listNames(table.fields.map((f) => f.name))})${suggestion(c.name, table.fields.map((f) => f.name))}`, loc);
      ok = false;
    } else if (map.includes(idx)) {
      report(ctx, 'GALE_ERR_SQL_DUPLICATE_COLUMN', `column '${c.name}' is written twice`, loc);
      ok = false;
    } else if (!assignable(c.type, table.fields[idx]!.type)) {
      report(ctx, 'GALE_ERR_SQL_TYPE_MISMATCH', `column '${c.name}' is ${c.type} but ${table.name}.${c.name} is ${table.fields[idx]!.type}`, loc);
      ok = false;
    } else {
      map.push(idx);
    }
  });
  if (!ok) return undefined;
  for (const k of table.primaryKey) {
    if (!map.includes(k.index)) {
      report(ctx, 'GALE_ERR_SQL_BAD_PRIMARY_KEY', `the primary key column '${k.name}' of ${table.name} is not written`, at.loc);
      return undefined;
    }
  }
  return map;
}

function usingInput(ctx: CheckContext, src: SourceRef, table: TableDef): QueryInput | undefined {
  const rel = lookupRelation(ctx, src.name);
  if (rel === undefined) return undefined;
  if (rel.kind !== 'stream') {
    report(ctx, 'GALE_ERR_SQL_NOT_A_STREAM', `USING needs a stream; '${rel.name}' is a table`, src.name.loc);
    return undefined;
  }
  if (rel.fields === undefined) {
    report(ctx, 'GALE_ERR_SQL_NO_SCHEMA', `stream '${rel.name}' has no schema yet`, src.name.loc);
    return undefined;
  }
  if (src.window !== undefined) {
    report(ctx, 'GALE_ERR_SQL_BAD_WINDOW', 'USING takes each tuple of a stream as it comes; it has no window', src.window.loc);
    return undefined;
  }
  const alias = src.alias?.name ?? rel.name;
  if (alias === table.name) {
    report(ctx, 'GALE_ERR_SQL_DUPLICATE_ALIAS', `'${alias}' names both the table and the stream; give the stream an alias`, (src.alias ?? src.name).loc);
    return undefined;
  }
  return { alias, source: 'stream', name: rel.name, fields: rel.fields, ...(rel.eventTime === undefined ? {} : { eventTime: rel.eventTime.index }), loc: src.loc };
}

export function checkUpdateOrDelete(ctx: CheckContext, s: Update | Delete): CheckedTableUpdate | CheckedTableDelete | undefined {
  const before = ctx.errors.length;
  const table = lookupTable(ctx, s.table, s.kind === 'Update' ? 'UPDATE' : 'DELETE');
  if (table === undefined) return undefined;
  const using = usingInput(ctx, s.using, table);
  if (using === undefined) return undefined;
  const inputs = [tableInput(table, s.table.loc), using];
  const scope: Scope = { inputs };
  const assignments = s.kind === 'Update' ? checkAssignments(ctx, table, s.assignments, scope) : [];
  const where = s.where === undefined ? undefined : checkExpr(ctx, { scope, noAggregates: 'in WHERE' }, s.where);
  if (where !== undefined && where.type !== 'bool' && where.type !== 'null') {
    report(ctx, 'GALE_ERR_SQL_TYPE_MISMATCH', `WHERE must be a bool condition, not ${where.type}`, s.where!.loc);
  }
  const returning = checkReturning(ctx, s.returning, inputs);
  if (ctx.errors.length > before) return undefined;
  const common = {
    table: table.name,
    inputs,
    ...(where === undefined ? {} : { where }),
    ...(returning === undefined ? {} : { returning }),
  };
  return s.kind === 'Update' ? { kind: 'TableUpdate', ast: s, assignments, ...common } : { kind: 'TableDelete', ast: s, ...common };
}

/** A VALUES item for a field: constants only; a string or integer literal may stand for a timestamp. */
function valueFor(ctx: CheckContext, e: InsertValues['rows'][number][number], field: Field, target: string): TExpr | undefined {
  const before = ctx.errors.length;
  const t = checkExpr(ctx, { scope: { inputs: [], noInputs: 'VALUES must be constants' }, noAggregates: 'in VALUES' }, e);
  if (ctx.errors.length > before) return undefined;
  if (field.type === 'timestamp' && t.kind === 'Literal' && (t.type === 'string' || isIntegral(t.type))) {
    const ms = typeof t.value === 'string' ? parseTimestamp(t.value) : (t.value as number);
    if (ms === undefined) {
      report(ctx, 'GALE_ERR_SQL_BAD_LITERAL', `not a valid timestamp for ${target}.${field.name}: '${String(t.value)}'`, e.loc);
      return undefined;
    }
    return { kind: 'Literal', type: 'timestamp', value: ms, loc: t.loc };
  }
  if (!assignable(t.type, field.type)) {
    report(ctx, 'GALE_ERR_SQL_TYPE_MISMATCH', `${target}.${field.name} is ${field.type}; this value is ${t.type}`, e.loc);
    return undefined;
  }
  return t;
}

export function checkInsertValues(ctx: CheckContext, s: InsertValues): CheckedInsertValues | undefined {
  const before = ctx.errors.length;
  const rel = lookupRelation(ctx, s.target);
  if (rel === undefined) return undefined;
  if (rel.fields === undefined) {
    report(ctx, 'GALE_ERR_SQL_NO_SCHEMA', `stream '${rel.name}' has no schema yet`, s.target.loc);
    return undefined;
  }
  const fields = rel.fields;
  let targets: number[];
  if (s.columns === undefined) {
    targets = fields.map((_, i) => i);
  } else {
    targets = [];
    for (const c of s.columns) {
      const i = fields.findIndex((f) => f.name === c.name);
      if (i < 0) report(ctx, 'GALE_ERR_SQL_UNKNOWN_FIELD', `${rel.name} has no field '${c.name}'${suggestion(c.name, fields.map((f) => f.name))}`, c.loc);
      else if (targets.includes(i)) report(ctx, 'GALE_ERR_SQL_DUPLICATE_COLUMN', `'${c.name}' is listed twice`, c.loc);
      else targets.push(i);
    }
    if (ctx.errors.length > before) return undefined;
  }
  if (rel.kind === 'table') {
    const missing = rel.primaryKey.filter((k) => !targets.includes(k.index));
    if (missing.length > 0) {
      report(ctx, 'GALE_ERR_SQL_BAD_PRIMARY_KEY', `the primary key column '${missing[0]!.name}' of ${rel.name} needs a value`, s.target.loc);
      return undefined;
    }
  }
  const rows: TExpr[][] = [];
  for (const row of s.rows) {
    if (row.length !== targets.length) {
      const at = row[Math.min(row.length, targets.length)] ?? row[row.length - 1]!;
      report(
        ctx,
        'GALE_ERR_SQL_VALUES_ARITY',
        `this row has ${row.length} value${row.length === 1 ? '' : 's'} but ${targets.length} ${s.columns === undefined ? `fields (${listNames(fields.map((f) => f.name))})` : 'columns are listed'}`,
        at.loc,
      );
      continue;
    }
    const out: TExpr[] = fields.map((f) => ({ kind: 'Cast', operand: { kind: 'Literal', type: 'null', value: null, loc: s.loc }, type: f.type, loc: s.loc }));
    row.forEach((e, k) => {
      const v = valueFor(ctx, e, fields[targets[k]!]!, rel.name);
      if (v !== undefined) out[targets[k]!] = v;
    });
    rows.push(out);
  }
  if (ctx.errors.length > before) return undefined;
  return { kind: 'InsertValues', ast: s, target: { kind: rel.kind, name: rel.name }, fields, rows };
}
