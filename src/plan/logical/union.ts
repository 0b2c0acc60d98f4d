/** Union: several streams into one, fields matched by name (runtime/bolts/union.ts). */
import type { Field } from '../../sql/types.js';
import { UnionBolt } from '../../runtime/bolts/union.js';
import type { BoltNode } from './node.js';

export function unionNode(o: {
  id: string;
  query: string;
  fields: readonly Field[];
  mappings: readonly (readonly number[])[];
  eventTime?: number | undefined;
  describe: string;
}): BoltNode {
  return {
    kind: 'Union',
    id: o.id,
    query: o.query,
    fields: o.fields,
    ...(o.eventTime === undefined ? {} : { eventTime: o.eventTime }),
    inputs: [],
    describe: o.describe,
    orderSensitive: false,
    partitioning: { kind: 'single' },
    create: () => new UnionBolt(o.mappings),
  };
}
