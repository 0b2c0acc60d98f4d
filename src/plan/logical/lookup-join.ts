/** LookupJoin: a stream probing a memory table (runtime/bolts/lookup-join.ts). */
import type { JoinType } from '../../sql/ast/index.js';
import type { TExpr } from '../../sql/checked/index.js';
import type { TableDef } from '../../sql/catalog.js';
import type { Field } from '../../sql/types.js';
import { LookupJoinBolt, type LookupJoinSpec } from '../../runtime/bolts/lookup-join.js';
import type { Row } from '../../runtime/message.js';
import type { MemoryTable } from '../../runtime/table/memory-table.js';
import { compileExpr, compilePredicate, type ExprEnv, type RowFn } from '../compile/expr.js';
import { conjuncts, equiPairs, inputsEnv } from '../compile/env.js';
import type { PlanContext } from '../context.js';
import { exprText } from '../explain-expr.js';
import type { BoltNode } from './node.js';

/**
 * A function giving the table key from the stream row when `cond`'s
 * equalities fix every primary-key column of the table (input `tableInput`);
 * undefined otherwise.
 */
export function keyLookup(o: {
  cond: TExpr | undefined;
  table: MemoryTable;
  def: TableDef;
  tableInput: number;
  streamInputs: ReadonlySet<number>;
  streamEnv: ExprEnv;
}): ((r: Row) => unknown) | undefined {
  const pairs = equiPairs(o.cond, new Set([o.tableInput]), o.streamInputs);
  const byKeyColumn: RowFn[] = [];
  for (const pk of o.def.primaryKey) {
    const p = pairs.find((x) => x.a.kind === 'Column' && x.a.field === pk.index);
    if (p === undefined) return undefined;
    byKeyColumn.push(compileExpr(p.b, o.streamEnv));
  }
  const table = o.table;
  if (byKeyColumn.length === 1) {
    const f = byKeyColumn[0]!;
    return (r) => f(r);
  }
  return (r) => {
    const values = byKeyColumn.map((f) => f(r));
    return values.includes(null) ? null : table.keyOfValues(values);
  };
}

export function lookupJoinNode(o: {
  id: string;
  query: string;
  joinType: JoinType;
  table: MemoryTable;
  def: TableDef;
  tableInput: number;
  tableSide: 'left' | 'right';
  /** the stream side's inputs and offsets within the stream rows */
  stream: { readonly fields: readonly Field[]; readonly offsets: ReadonlyMap<number, number> };
  on: TExpr;
  aliases: readonly { alias: string }[];
  ctx: PlanContext;
}): BoltNode {
  const tableWidth = o.def.fields.length;
  const combined = new Map<number, number>();
  if (o.tableSide === 'left') {
    combined.set(o.tableInput, 0);
    for (const [i, off] of o.stream.offsets) combined.set(i, off + tableWidth);
  } else {
    for (const [i, off] of o.stream.offsets) combined.set(i, off);
    combined.set(o.tableInput, o.stream.fields.length);
  }
  const lookup = keyLookup({
    cond: o.on,
    table: o.table,
    def: o.def,
    tableInput: o.tableInput,
    streamInputs: new Set(o.stream.offsets.keys()),
    streamEnv: inputsEnv(o.ctx, o.stream.offsets),
  });
  // when ON is exactly the primary-key equalities, the lookup is the whole condition
  const parts = conjuncts(o.on);
  const keyOnly =
    lookup !== undefined &&
    parts.length === o.def.primaryKey.length &&
    equiPairs(o.on, new Set([o.tableInput]), new Set(o.stream.offsets.keys())).length === parts.length;
  const spec: LookupJoinSpec = {
    table: o.table,
    tableSide: o.tableSide,
    outer: o.tableSide === 'right' ? o.joinType === 'left' || o.joinType === 'full' : o.joinType === 'right' || o.joinType === 'full',
    ...(lookup === undefined ? {} : { lookup }),
    ...(keyOnly ? {} : { condition: compilePredicate(o.on, inputsEnv(o.ctx, combined)) }),
    project: (r) => r,
  };
  const fields = o.tableSide === 'left' ? [...o.def.fields, ...o.stream.fields] : [...o.stream.fields, ...o.def.fields];
  return {
    kind: 'LookupJoin',
    id: o.id,
    query: o.query,
    fields,
    inputs: [],
    describe: `${spec.outer ? 'outer ' : ''}lookup in table ${o.def.name} ${lookup === undefined ? '(scan)' : '(by primary key)'} ON ${exprText(o.on, o.aliases)}`,
    orderSensitive: false,
    partitioning: { kind: 'any' },
    create: () => new LookupJoinBolt(spec),
  };
}
