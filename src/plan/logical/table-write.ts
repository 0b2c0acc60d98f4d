/** TableWrite: INSERT / REPLACE / UPDATE / DELETE on a memory table with RETURNING (runtime/bolts/table-write.ts). */
import type { CheckedAssignment, CheckedReturning, TExpr } from '../../sql/checked/index.js';
import type { TableDef } from '../../sql/catalog.js';
import type { Field } from '../../sql/types.js';
import { TableWriteBolt, type TableWriteSpec } from '../../runtime/bolts/table-write.js';
import type { Row, Value } from '../../runtime/message.js';
import type { MemoryTable } from '../../runtime/table/memory-table.js';
import { compilePredicate, compileProjection } from '../compile/expr.js';
import { inputsEnv } from '../compile/env.js';
import type { PlanContext } from '../context.js';
import { exprText } from '../explain-expr.js';
import { keyLookup } from './lookup-join.js';
import type { BoltNode } from './node.js';

function node(o: {
  id: string;
  query: string;
  def: TableDef;
  spec: TableWriteSpec;
  returning: CheckedReturning | undefined;
  describe: string;
}): BoltNode {
  const fields: readonly Field[] = o.returning?.output ?? [];
  return {
    kind: 'TableWrite',
    id: o.id,
    query: o.query,
    fields,
    inputs: [],
    describe: `${o.describe}${o.returning === undefined ? '' : ` RETURNING ${o.returning.columns.map((c) => c.name).join(', ')}`}`,
    orderSensitive: true,
    partitioning: { kind: 'single' },
    create: () => new TableWriteBolt(o.spec),
  };
}

/** INSERT / REPLACE INTO table SELECT ...: rows arrive as the query's output rows. */
export function tableInsertNode(o: {
  id: string;
  query: string;
  mode: 'insert' | 'replace';
  table: MemoryTable;
  def: TableDef;
  columnMap: readonly number[];
  onDuplicate: readonly CheckedAssignment[] | undefined;
  queryWidth: number;
  returning: CheckedReturning | undefined;
  ctx: PlanContext;
}): BoltNode {
  const width = o.def.fields.length;
  const map = o.columnMap;
  const toTableRow = (r: Row): Row => {
    const row = new Array<Value>(width).fill(null);
    for (let i = 0; i < map.length; i++) row[map[i]!] = r[i]!;
    return row;
  };
  let onDuplicate: ((combined: Row) => Row) | undefined;
  if (o.onDuplicate !== undefined) {
    const values = compileProjection(
      o.onDuplicate.map((a) => a.value),
      inputsEnv(o.ctx, [0, width]),
    );
    const cols = o.onDuplicate.map((a) => a.column);
    onDuplicate = (combined) => {
      const v = values(combined);
      const row = combined.slice(0, width);
      for (let i = 0; i < cols.length; i++) row[cols[i]!] = v[i]!;
      return row;
    };
  }
  const returning =
    o.returning === undefined
      ? undefined
      : compileProjection(
          o.returning.columns.map((c) => c.expr),
          inputsEnv(o.ctx, [0]),
        );
  const spec: TableWriteSpec = {
    kind: o.mode,
    table: o.table,
    toTableRow,
    ...(onDuplicate === undefined ? {} : { onDuplicate }),
    ...(returning === undefined ? {} : { returning }),
  };
  const dup = o.onDuplicate === undefined ? '' : ` ON DUPLICATE KEY UPDATE ${o.onDuplicate.map((a) => `${a.name} = ${exprText(a.value)}`).join(', ')}`;
  return node({ id: o.id, query: o.query, def: o.def, spec, returning: o.returning, describe: `${o.mode.toUpperCase()} INTO ${o.def.name}${dup}` });
}

/** UPDATE table USING s SET ... WHERE ... / DELETE FROM table USING s WHERE ...: rows arrive as the USING stream's tuples. */
export function tableChangeNode(o: {
  id: string;
  query: string;
  kind: 'update' | 'delete';
  table: MemoryTable;
  def: TableDef;
  assignments: readonly CheckedAssignment[];
  where: TExpr | undefined;
  returning: CheckedReturning | undefined;
  aliases: readonly { alias: string }[];
  ctx: PlanContext;
}): BoltNode {
  const width = o.def.fields.length;
  const env = inputsEnv(o.ctx, [0, width]);
  const lookup = keyLookup({
    cond: o.where,
    table: o.table,
    def: o.def,
    tableInput: 0,
    streamInputs: new Set([1]),
    streamEnv: inputsEnv(o.ctx, new Map([[1, 0]])),
  });
  let assign: ((combined: Row) => Row) | undefined;
  if (o.kind === 'update') {
    const values = compileProjection(
      o.assignments.map((a) => a.value),
      env,
    );
    const cols = o.assignments.map((a) => a.column);
    assign = (combined) => {
      const v = values(combined);
      const row = combined.slice(0, width);
      for (let i = 0; i < cols.length; i++) row[cols[i]!] = v[i]!;
      return row;
    };
  }
  const spec: TableWriteSpec = {
    kind: o.kind,
    table: o.table,
    ...(assign === undefined ? {} : { assign }),
    ...(o.where === undefined ? {} : { where: compilePredicate(o.where, env) }),
    ...(lookup === undefined ? {} : { lookup }),
    ...(o.returning === undefined
      ? {}
      : {
          returning: compileProjection(
            o.returning.columns.map((c) => c.expr),
            env,
          ),
        }),
  };
  const what =
    o.kind === 'update'
      ? `UPDATE ${o.def.name} SET ${o.assignments.map((a) => `${a.name} = ${exprText(a.value, o.aliases)}`).join(', ')}`
      : `DELETE FROM ${o.def.name}`;
  const where = o.where === undefined ? '' : ` WHERE ${exprText(o.where, o.aliases)}`;
  return node({
    id: o.id,
    query: o.query,
    def: o.def,
    spec,
    returning: o.returning,
    describe: `${what}${where}${lookup === undefined ? ' (scan)' : ' (by primary key)'}`,
  });
}

