/** WindowAggregate: aggregates over TUPLES / TIME / ON-field windows (runtime/bolts/window-aggregate.ts). */
import type { CheckedQuery, ResolvedWindow, TExpr } from '../../sql/checked/index.js';
import type { Field } from '../../sql/types.js';
import { WindowAggregateBolt } from '../../runtime/bolts/window-aggregate.js';
import type { PlanContext } from '../context.js';
import { aggregateParts } from './aggregate-parts.js';
import type { BoltNode, Partitioning } from './node.js';

export function windowText(w: ResolvedWindow): string {
  const ts = w.dimension === 'time' || w.field?.type === 'timestamp';
  const n = (x: number): string => (ts ? `${x / 1000}s` : String(x));
  const dim = w.dimension === 'tuples' ? 'TUPLES' : w.dimension === 'time' ? 'TIME' : `ON ${w.field!.name}`;
  const parts = [`SIZE ${n(w.size)}`, `ADVANCE ${n(w.advance)}`, dim];
  if (w.partitionBy.length > 0) parts.push(`PARTITION BY ${w.partitionBy.map((f) => f.name).join(', ')}`);
  if (w.offset !== 0) parts.push(`OFFSET ${n(w.offset)}`);
  if (w.timeoutMs !== undefined) parts.push(`TIMEOUT ${w.timeoutMs / 1000}s`);
  return `[${parts.join(' ')}]`;
}

export function windowAggregateNode(o: {
  id: string;
  query: string;
  q: CheckedQuery;
  window: ResolvedWindow;
  /** the event-time field of the rows the window reads */
  inputEventTime: number | undefined;
  ctx: PlanContext;
}): BoltNode {
  const { q, window: w } = o;
  const partitionCols: TExpr[] = w.partitionBy.map((f) => ({
    kind: 'Column',
    input: 0,
    field: f.index,
    name: f.name,
    type: f.type,
    loc: w.loc,
  }));
  const parts = aggregateParts(q, [...partitionCols, ...q.groupBy], o.ctx);
  const watermarkDriven = w.dimension === 'field' && w.field !== undefined && w.field.index === o.inputEventTime;
  let partitioning: Partitioning;
  if (w.dimension === 'tuples') {
    partitioning = w.partitionBy.length > 0 ? { kind: 'keyed', fields: [w.partitionBy.map((f) => f.index)] } : { kind: 'single' };
  } else if ((w.dimension === 'field' && !watermarkDriven) || q.orderBy.length > 0 || q.limit !== undefined || parts.columnKeys.length === 0) {
    partitioning = { kind: 'single' };
  } else {
    partitioning = { kind: 'keyed', fields: [parts.columnKeys] };
  }
  const end = q.columns.findIndex((c) => c.expr.kind === 'WindowBound' && c.expr.bound === 'end');
  const fields: readonly Field[] = q.output;
  const spec = {
    dimension: w.dimension,
    size: w.size,
    advance: w.advance,
    offset: w.offset,
    ...(w.timeoutMs === undefined ? {} : { timeoutMs: w.timeoutMs }),
    ...(w.field === undefined ? {} : { field: { index: w.field.index, name: w.field.name, timestamp: w.field.type === 'timestamp' } }),
    watermarkDriven,
    partitionBy: parts.keyParts.slice(0, partitionCols.length),
    groupBy: parts.keyParts.slice(partitionCols.length),
    aggregates: parts.calls,
    ...(parts.having === undefined ? {} : { having: parts.having }),
    project: parts.project,
    ...(parts.order === undefined ? {} : { order: parts.order }),
    ...(q.limit === undefined ? {} : { limit: q.limit }),
  };
  return {
    kind: 'WindowAggregate',
    id: o.id,
    query: o.query,
    fields,
    ...(end < 0 ? {} : { eventTime: end }),
    inputs: [],
    describe: `${windowText(w)} ${parts.text}${watermarkDriven || w.dimension !== 'field' ? '' : ' (closes on the largest value seen)'}`,
    orderSensitive: w.dimension === 'tuples' || parts.orderSensitive,
    partitioning,
    create: () => new WindowAggregateBolt(spec),
  };
}
