/**
 * The logical plan: one node per operator, the same names as the runtime's
 * bolts and the EXPLAIN labels (Scan ↔ spout; Calc, WindowAggregate,
 * Aggregate, Join, LookupJoin, Pattern, TableWrite, Union, Sink,
 * VariableUpdate ↔ runtime/bolts/<name>.ts). A node knows its output schema,
 * which output field carries event time, how its input must be partitioned
 * among tasks, a one-line description of what it computes, and how to make
 * its bolt.
 */
import type { Field } from '../../sql/types.js';
import type { Bolt } from '../../runtime/bolt.js';
import type { Source } from '../../runtime/spouts/source.js';

export const OPERATOR_KINDS = [
  'Scan',
  'Calc',
  'WindowAggregate',
  'Aggregate',
  'Join',
  'LookupJoin',
  'Pattern',
  'TableWrite',
  'Union',
  'Sink',
  'VariableUpdate',
] as const;
export type OperatorKind = (typeof OPERATOR_KINDS)[number];

/**
 * How rows must reach the node's tasks:
 *  - any: stateless, every task can take any row (shuffle);
 *  - keyed: same key → same task; `fields[port]` are the key fields in that input's rows;
 *  - single: everything on one task (global).
 */
export type Partitioning =
  | { readonly kind: 'any' }
  | { readonly kind: 'keyed'; readonly fields: readonly (readonly number[])[] }
  | { readonly kind: 'single' };

export interface LogicalInput {
  readonly node: LogicalNode;
  readonly port: number;
}

interface Base {
  readonly id: string;
  /** the query (statement) this node belongs to; spouts are shared and name their stream */
  readonly query: string;
  readonly fields: readonly Field[];
  /** output field whose values follow the watermark (event time), if any */
  readonly eventTime?: number;
  readonly inputs: LogicalInput[];
  /** what it computes, for EXPLAIN */
  readonly describe: string;
  /** results change if rows of different keys arrive in another order */
  readonly orderSensitive: boolean;
}

export interface ScanNode extends Base {
  readonly kind: 'Scan';
  readonly stream: string;
  readonly source: Source;
}

export interface BoltNode extends Base {
  readonly kind: Exclude<OperatorKind, 'Scan'>;
  readonly partitioning: Partitioning;
  /** a new bolt instance (one per task) */
  create(): Bolt;
}

export type LogicalNode = ScanNode | BoltNode;
