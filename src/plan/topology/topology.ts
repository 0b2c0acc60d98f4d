/**
 * A program's topology: Storm-style components (spouts, bolts), each with a
 * parallelism, and edges that carry a grouping. It is both what EXPLAIN
 * prints and what runtime/run.ts executes (RunnableTopology).
 */
import type { SourceSpan } from '../../errors.js';
import type { Grouping } from '../../runtime/groupings.js';
import type { BoltComponent, RunnableTopology, SpoutComponent } from '../../runtime/run.js';
import type { OperatorKind } from '../logical/node.js';

export interface ComponentView {
  readonly id: string;
  readonly role: 'spout' | 'bolt';
  readonly kind: OperatorKind;
  readonly parallelism: number;
  readonly inputs: readonly { readonly from: string; readonly grouping: Grouping; readonly port: number }[];
  /** what it computes (or reads) */
  readonly describe: string;
  /** the query that owns it; a spout belongs to its stream */
  readonly owner: string;
}

export interface QueryView {
  readonly name: string;
  readonly target: string;
  readonly loc: SourceSpan | undefined;
  /** the query's own components, and (role spout / other owner) the ones it reads from */
  readonly components: readonly ComponentView[];
}

export interface Topology extends RunnableTopology {
  readonly spouts: readonly SpoutComponent[];
  readonly bolts: readonly BoltComponent[];
  readonly queries: readonly QueryView[];
}
