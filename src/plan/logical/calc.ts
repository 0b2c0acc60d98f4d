/** Calc: WHERE and a projection, fused (runtime/bolts/calc.ts). */
import type { Field } from '../../sql/types.js';
import type { TExpr } from '../../sql/checked/index.js';
import { CalcBolt } from '../../runtime/bolts/calc.js';
import { compileCalc, type ExprEnv } from '../compile/expr.js';
import type { BoltNode } from './node.js';

export function calcNode(o: {
  id: string;
  query: string;
  where?: TExpr | undefined;
  project?: readonly TExpr[] | undefined;
  fields: readonly Field[];
  env: ExprEnv;
  eventTime?: number | undefined;
  describe: string;
  /** LIMIT n of a query without a window: one task passes the first n rows */
  limit?: number | undefined;
}): BoltNode {
  const calc = compileCalc({ where: o.where, project: o.project }, o.env);
  return {
    kind: 'Calc',
    id: o.id,
    query: o.query,
    fields: o.fields,
    ...(o.eventTime === undefined ? {} : { eventTime: o.eventTime }),
    inputs: [],
    describe: o.describe,
    orderSensitive: o.limit !== undefined,
    partitioning: o.limit === undefined ? { kind: 'any' } : { kind: 'single' },
    create: () => new CalcBolt(calc, o.limit),
  };
}

/** Where a projection puts the input's event-time field, if it passes it through unchanged. */
export function projectedEventTime(project: readonly TExpr[], eventTime: number | undefined, input = 0): number | undefined {
  if (eventTime === undefined) return undefined;
  const i = project.findIndex((e) => e.kind === 'Column' && e.input === input && e.field === eventTime);
  return i < 0 ? undefined : i;
}
