/** Sink: a stream's rows to its FILE or the terminal (runtime/bolts/sink.ts). */
import type { Field } from '../../sql/types.js';
import { SinkBolt, type RowSink } from '../../runtime/bolts/sink.js';
import type { BoltNode } from './node.js';

export function sinkNode(o: { id: string; query: string; stream: string; fields: readonly Field[]; sink: () => RowSink; describe: string }): BoltNode {
  return {
    kind: 'Sink',
    id: o.id,
    query: o.query,
    fields: o.fields,
    inputs: [],
    describe: o.describe,
    orderSensitive: false,
    partitioning: { kind: 'single' },
    create: () => new SinkBolt(o.sink()),
  };
}
