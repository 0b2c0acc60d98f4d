/** VariableUpdate: DECLARE ... UPDATE FROM (runtime/bolts/variable-update.ts). */
import { VariableUpdateBolt } from '../../runtime/bolts/variable-update.js';
import type { VariableCell } from '../compile/expr.js';
import type { BoltNode } from './node.js';

export function variableUpdateNode(o: { id: string; query: string; name: string; cell: VariableCell }): BoltNode {
  return {
    kind: 'VariableUpdate',
    id: o.id,
    query: o.query,
    fields: [],
    inputs: [],
    describe: `${o.name} := first column of each row`,
    orderSensitive: true,
    partitioning: { kind: 'single' },
    create: () => new VariableUpdateBolt(o.cell),
  };
}
