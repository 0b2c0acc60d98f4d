/**
 * A checked SELECT as logical nodes: the FROM (a stream, a join, a pattern),
 * then Calc (WHERE + SELECT list), WindowAggregate or Aggregate. Returns the
 * node whose rows are the query's output rows.
 */
import type { CheckedFrom, CheckedQuery, QueryInput, TExpr } from '../sql/checked/index.js';
import type { TableDef } from '../sql/catalog.js';
import type { Field } from '../sql/types.js';
import { conjuncts, inputsEnv, inputsOf } from './compile/env.js';
import type { PlanContext } from './context.js';
import { PlanError } from './errors.js';
import { exprText } from './explain-expr.js';
import { aggregateNode } from './logical/aggregate.js';
import { calcNode, projectedEventTime } from './logical/calc.js';
import { joinNode } from './logical/join.js';
import { lookupJoinNode } from './logical/lookup-join.js';
import type { BoltNode } from './logical/node.js';
import { patternNode, patternStreams } from './logical/pattern.js';
import { windowAggregateNode } from './logical/window-aggregate.js';
import type { ResolvedWindow } from '../sql/checked/index.js';

/** What the query planner needs from the script planner. */
export interface Planner {
  readonly ctx: PlanContext;
  /** registers a node of the current query (gives it a unique id) */
  add<N extends BoltNode>(node: N): N;
  /** `node` reads stream `stream` on `port` (a spout is made for input streams) */
  read(stream: string, node: BoltNode, port: number): void;
  /** the output field of a stream that carries event time */
  eventTimeOf(stream: string): number | undefined;
  table(name: string): { def: TableDef; table: import('../runtime/table/memory-table.js').MemoryTable };
  nextId(kind: string): string;
  readonly query: string;
}

/** One side of a FROM: rows of some inputs laid side by side. */
interface Side {
  connect(node: BoltNode, port: number): void;
  readonly fields: readonly Field[];
  readonly offsets: Map<number, number>;
  readonly window: ResolvedWindow | undefined;
  readonly eventTime: number | undefined;
}

const unsupported = (what: string, q: CheckedQuery): PlanError => new PlanError('GALE_ERR_PLAN_UNSUPPORTED', what, q.ast.loc);

/**
 * WHERE conjuncts not yet applied. A conjunct that reads only one stream of a
 * join is applied before the join (fewer tuples to probe and keep), when that
 * keeps the meaning: the side is not a TUPLES window (filtering first would
 * change which tuples are its last N) and NULL-extended rows cannot be
 * affected (inner joins, or the preserved side of an outer join).
 */
class Pushdown {
  constructor(public remaining: TExpr[]) {}

  take(input: number): TExpr[] {
    const taken = this.remaining.filter((c) => {
      const ins = inputsOf(c);
      return ins.size === 1 && ins.has(input);
    });
    this.remaining = this.remaining.filter((c) => !taken.includes(c));
    return taken;
  }

  where(): TExpr | undefined {
    return this.remaining.reduce<TExpr | undefined>(
      (acc, c) => (acc === undefined ? c : { kind: 'Logical', op: 'and', left: acc, right: c, type: 'bool', loc: c.loc }),
      undefined,
    );
  }
}

const NO_PUSH = new Pushdown([]);

export function planSelect(q: CheckedQuery, p: Planner): BoltNode {
  switch (q.from.kind) {
    case 'Scan': {
      const inp = q.inputs[q.from.input]!;
      if (inp.source === 'table') throw unsupported(`reading table ${inp.name} on its own: join it with a stream (a lookup)`, q);
      return finish(q, p, streamSide(inp, q.from.input, p, NO_PUSH), q.where);
    }
    case 'Join': {
      const push = new Pushdown(conjuncts(q.where));
      const side = joinSide(q.from, q, p, push);
      return finish(q, p, side, push.where());
    }
    case 'TupleJoin': {
      if (q.from.items.length !== 2) throw unsupported('a tuple join of more than two streams (join two, INTO a stream, then join the third)', q);
      const [a, b] = q.from.items as [CheckedFrom, CheckedFrom];
      const isTable = (f: CheckedFrom): f is Extract<CheckedFrom, { kind: 'Scan' }> => f.kind === 'Scan' && q.inputs[f.input]!.source === 'table';
      const table = isTable(a) ? a : isTable(b) ? b : undefined;
      if (table !== undefined) {
        // FROM s[w], t WHERE p is the lookup s JOIN t ON p: each stream tuple reads the table as it is then
        const on: TExpr = q.where ?? { kind: 'Literal', type: 'bool', value: true, loc: q.ast.loc };
        const side = joinSide({ kind: 'Join', joinType: 'inner', left: table === a ? b : a, right: table.input, on, lookup: 'right-table' }, q, p, NO_PUSH);
        return finish(q, p, side, undefined);
      }
      const push = new Pushdown(conjuncts(q.where));
      const l = fromSide(a, q, p, push);
      const r = fromSide(b, q, p, push);
      const side = streamJoin('inner', l, r, push.where(), q, p);
      return finish(q, p, side, undefined);
    }
    case 'Pattern': {
      // an aggregate over the matches is a changelog over the matched rows laid side by side
      const raw = q.aggregation !== 'none';
      const node = p.add(
        patternNode({
          id: p.nextId('Pattern'),
          query: p.query,
          q,
          pattern: q.from.pattern,
          within: q.from.within,
          eventTimes: q.inputs.map((i) => p.eventTimeOf(i.name)),
          ctx: p.ctx,
          raw,
        }),
      );
      patternStreams(q).forEach((stream, port) => p.read(stream, node, port));
      if (!raw) return q.limit === undefined ? node : limitAfter(node, q, p);
      const offsets = new Map<number, number>();
      let w = 0;
      q.inputs.forEach((inp, i) => {
        offsets.set(i, w);
        w += inp.fields.length;
      });
      const side: Side = { connect: (n, port) => n.inputs.push({ node, port }), fields: node.fields, offsets, window: undefined, eventTime: undefined };
      return finish(q, p, side, undefined);
    }
  }
}

function streamSide(inp: QueryInput, index: number, p: Planner, push: Pushdown): Side {
  const side: Side = {
    connect: (node, port) => p.read(inp.name, node, port),
    fields: inp.fields,
    offsets: new Map([[index, 0]]),
    window: inp.window,
    eventTime: p.eventTimeOf(inp.name),
  };
  if (inp.window?.dimension === 'tuples') return side;
  const taken = push.take(index);
  if (taken.length === 0) return side;
  const where = new Pushdown(taken).where()!;
  const filter = p.add(
    calcNode({
      id: p.nextId('Calc'),
      query: p.query,
      where,
      fields: inp.fields,
      env: inputsEnv(p.ctx, [0]),
      eventTime: side.eventTime,
      describe: `WHERE ${exprText(where)} (before the join)`,
    }),
  );
  p.read(inp.name, filter, 0);
  return { ...side, connect: (node, port) => node.inputs.push({ node: filter, port }) };
}

function fromSide(f: CheckedFrom, q: CheckedQuery, p: Planner, push: Pushdown): Side {
  if (f.kind === 'Scan') {
    const inp = q.inputs[f.input]!;
    if (inp.source === 'table') throw unsupported(`table ${inp.name} in a tuple join: use JOIN ... ON for a lookup`, q);
    return streamSide(inp, f.input, p, push);
  }
  if (f.kind === 'Join') return joinSide(f, q, p, push);
  throw unsupported('this FROM shape', q);
}

function joinSide(f: Extract<CheckedFrom, { kind: 'Join' }>, q: CheckedQuery, p: Planner, push: Pushdown): Side {
  const right = q.inputs[f.right]!;
  const keepsLeft = f.joinType === 'inner' || f.joinType === 'left';
  const keepsRight = f.joinType === 'inner' || f.joinType === 'right';
  if (f.lookup === 'left-table') {
    if (f.left.kind !== 'Scan') throw unsupported('a table on the left of a join whose left side is itself a join', q);
    const tIndex = f.left.input;
    const { def, table } = p.table(q.inputs[tIndex]!.name);
    const stream = streamSide(right, f.right, p, keepsRight ? push : NO_PUSH);
    const node = p.add(
      lookupJoinNode({
        id: p.nextId('LookupJoin'),
        query: p.query,
        joinType: f.joinType,
        table,
        def,
        tableInput: tIndex,
        tableSide: 'left',
        stream: { fields: stream.fields, offsets: stream.offsets },
        on: f.on,
        aliases: q.inputs,
        ctx: p.ctx,
      }),
    );
    stream.connect(node, 0);
    const w = def.fields.length;
    return {
      connect: (n, port) => n.inputs.push({ node, port }),
      fields: node.fields,
      offsets: new Map([[tIndex, 0], ...[...stream.offsets].map(([i, o]): [number, number] => [i, o + w])]),
      window: undefined,
      eventTime: stream.eventTime === undefined ? undefined : stream.eventTime + w,
    };
  }
  const left = fromSide(f.left, q, p, keepsLeft ? push : NO_PUSH);
  if (f.lookup === 'right-table') {
    const { def, table } = p.table(right.name);
    const node = p.add(
      lookupJoinNode({
        id: p.nextId('LookupJoin'),
        query: p.query,
        joinType: f.joinType,
        table,
        def,
        tableInput: f.right,
        tableSide: 'right',
        stream: { fields: left.fields, offsets: left.offsets },
        on: f.on,
        aliases: q.inputs,
        ctx: p.ctx,
      }),
    );
    left.connect(node, 0);
    return {
      connect: (n, port) => n.inputs.push({ node, port }),
      fields: node.fields,
      offsets: new Map([...left.offsets, [f.right, left.fields.length]]),
      window: undefined,
      eventTime: left.eventTime,
    };
  }
  if (f.left.kind !== 'Scan') throw unsupported('a stream–stream join whose left side is itself a join (join two, INTO a stream, then join again)', q);
  return streamJoin(f.joinType, left, streamSide(right, f.right, p, keepsRight ? push : NO_PUSH), f.on, q, p);
}

function streamJoin(
  joinType: 'inner' | 'left' | 'right' | 'full',
  l: Side,
  r: Side,
  cond: CheckedQuery['where'],
  q: CheckedQuery,
  p: Planner,
): Side {
  const node = p.add(
    joinNode({
      id: p.nextId('Join'),
      query: p.query,
      joinType,
      left: { fields: l.fields, offsets: l.offsets, window: l.window, eventTime: l.eventTime },
      right: { fields: r.fields, offsets: r.offsets, window: r.window, eventTime: r.eventTime },
      condition: cond,
      aliases: q.inputs,
      ctx: p.ctx,
    }),
  );
  l.connect(node, 0);
  r.connect(node, 1);
  const offsets = new Map(l.offsets);
  for (const [i, o] of r.offsets) offsets.set(i, o + l.fields.length);
  return { connect: (n, port) => n.inputs.push({ node, port }), fields: node.fields, offsets, window: undefined, eventTime: undefined };
}

/** WHERE (what is left of it), then the SELECT list or the aggregate, over a side's rows. */
function finish(q: CheckedQuery, p: Planner, side: Side, where: TExpr | undefined): BoltNode {
  const offsets = Array.from({ length: q.inputs.length }, (_, i) => side.offsets.get(i) ?? 0);
  const env = inputsEnv(p.ctx, side.offsets);
  const whereText = where === undefined ? '' : `WHERE ${exprText(where, q.inputs)}`;
  if (q.aggregation === 'none') {
    const project = q.columns.map((c) => c.expr);
    const et = side.eventTime === undefined ? undefined : projectedEventTime(project.map((e) => (e.kind === 'Column' ? { ...e, field: side.offsets.get(e.input)! + e.field, input: 0 } : e)), side.eventTime);
    const node = p.add(
      calcNode({
        id: p.nextId('Calc'),
        query: p.query,
        where,
        project,
        fields: q.output,
        env,
        eventTime: et,
        limit: q.limit,
        describe: [whereText, `SELECT ${q.columns.map((c) => { const t = exprText(c.expr, q.inputs); return t === c.name ? t : `${t} AS ${c.name}`; }).join(', ')}`].filter((s) => s !== '').join('; '),
      }),
    );
    side.connect(node, 0);
    return node;
  }
  let upstream: Side = side;
  if (where !== undefined) {
    const filter = p.add(
      calcNode({ id: p.nextId('Calc'), query: p.query, where, fields: side.fields, env, eventTime: side.eventTime, describe: whereText }),
    );
    side.connect(filter, 0);
    upstream = { ...side, connect: (n, port) => n.inputs.push({ node: filter, port }) };
  }
  if (q.aggregation === 'windowed') {
    const window = side.window;
    if (window === undefined || q.from.kind !== 'Scan') throw unsupported('a windowed aggregate over a join (aggregate an intermediate stream instead)', q);
    const node = p.add(
      windowAggregateNode({ id: p.nextId('WindowAggregate'), query: p.query, q, window, inputEventTime: side.eventTime, ctx: p.ctx }),
    );
    upstream.connect(node, 0);
    return node;
  }
  const node = p.add(aggregateNode({ id: p.nextId('Aggregate'), query: p.query, q, ctx: p.ctx, offsets }));
  upstream.connect(node, 0);
  return q.limit === undefined ? node : limitAfter(node, q, p);
}

/** LIMIT n of a query without a window whose last node is not a Calc: the first n rows, counted on one task. */
function limitAfter(node: BoltNode, q: CheckedQuery, p: Planner): BoltNode {
  const limit = p.add(
    calcNode({ id: p.nextId('Calc'), query: p.query, fields: q.output, env: inputsEnv(p.ctx, [0]), limit: q.limit, describe: `LIMIT ${q.limit}` }),
  );
  limit.inputs.push({ node, port: 0 });
  return limit;
}
