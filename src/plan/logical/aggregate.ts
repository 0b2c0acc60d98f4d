/** Aggregate: an unwindowed aggregate, one changelog row per input (runtime/bolts/aggregate.ts). */
import type { CheckedQuery } from '../../sql/checked/index.js';
import { AggregateBolt } from '../../runtime/bolts/aggregate.js';
import type { PlanContext } from '../context.js';
import { aggregateParts } from './aggregate-parts.js';
import type { BoltNode } from './node.js';

export function aggregateNode(o: { id: string; query: string; q: CheckedQuery; ctx: PlanContext; offsets?: readonly number[] }): BoltNode {
  const parts = aggregateParts(o.q, o.q.groupBy, o.ctx, o.offsets);
  const spec = {
    groupBy: parts.keyParts,
    aggregates: parts.calls,
    ...(parts.having === undefined ? {} : { having: parts.having }),
    project: parts.project,
  };
  return {
    kind: 'Aggregate',
    id: o.id,
    query: o.query,
    fields: o.q.output,
    inputs: [],
    describe: `changelog: ${parts.text}`,
    orderSensitive: parts.orderSensitive,
    partitioning: parts.columnKeys.length > 0 ? { kind: 'keyed', fields: [parts.columnKeys] } : { kind: 'single' },
    create: () => new AggregateBolt(spec),
  };
}
