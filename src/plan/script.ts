/**
 * A checked script as one program: every runnable statement becomes a query
 * (its logical nodes), input streams become shared spouts, output streams
 * get sinks, and reads are connected to the statements that write them.
 * Statements are planned producers-first, so a reader knows which field of
 * a stream carries event time.
 */
import type { Catalog, StreamDef } from '../sql/catalog.js';
import type { CheckedScript, CheckedStatement } from '../sql/checked/index.js';
import { evaluate } from '../sql/eval.js';
import type { SourceSpan } from '../errors.js';
import type { Field } from '../sql/types.js';
import type { Row } from '../runtime/message.js';
import { MemoryTable } from '../runtime/table/memory-table.js';
import { systemClock } from '../runtime/clock.js';
import { sinkFor, sourceFor, ValuesSource } from './bindings.js';
import type { PlanContext, PlanOptions } from './context.js';
import { PlanError } from './errors.js';
import { calcNode } from './logical/calc.js';
import type { BoltNode, ScanNode } from './logical/node.js';
import { sinkNode } from './logical/sink.js';
import { tableChangeNode, tableInsertNode } from './logical/table-write.js';
import { unionNode } from './logical/union.js';
import { variableUpdateNode } from './logical/variable-update.js';
import { planSelect, type Planner } from './query.js';
import { StreamGraph } from './streams.js';
import { inputsEnv } from './compile/env.js';

export interface PlannedQuery {
  /** q1, q2, ... in source order */
  readonly name: string;
  readonly kind: CheckedStatement['kind'];
  readonly loc: SourceSpan | undefined;
  /** where its rows go: a stream, a table, a variable, the terminal */
  readonly target: string;
  readonly nodes: BoltNode[];
}

export interface Program {
  readonly queries: PlannedQuery[];
  readonly spouts: ScanNode[];
  readonly ctx: PlanContext;
}

type Runnable = Exclude<
  CheckedStatement,
  { kind: 'CreateSchema' | 'CreateStream' | 'CreateWindow' | 'CreateTable' | 'Explain' | 'Show' | 'Describe' | 'Terminate' | 'SetProperty' | 'RunScript' }
>;

function isRunnable(s: CheckedStatement): s is Runnable {
  return ['Query', 'Union', 'TableInsert', 'TableUpdate', 'TableDelete', 'InsertValues', 'Declare'].includes(s.kind);
}

function locOf(s: Runnable): SourceSpan | undefined {
  return s.ast.loc;
}

/** Streams a statement reads and writes (for ordering). */
function io(s: Runnable): { reads: string[]; writes: string[] } {
  const streamsOf = (inputs: readonly { source: string; name: string }[]): string[] =>
    inputs.filter((i) => i.source === 'stream').map((i) => i.name);
  switch (s.kind) {
    case 'Query':
      return { reads: streamsOf(s.inputs), writes: s.into === undefined ? [] : [s.into.stream] };
    case 'Union':
      return { reads: s.inputs.map((i) => i.stream), writes: s.into === undefined ? [] : [s.into.stream] };
    case 'TableInsert':
      return { reads: streamsOf(s.query.inputs), writes: s.returning?.into === undefined ? [] : [s.returning.into.stream] };
    case 'TableUpdate':
    case 'TableDelete':
      return { reads: streamsOf(s.inputs), writes: s.returning?.into === undefined ? [] : [s.returning.into.stream] };
    case 'InsertValues':
      return { reads: [], writes: s.target.kind === 'stream' ? [s.target.name] : [] };
    case 'Declare':
      return { reads: s.updateFrom === undefined ? [] : streamsOf(s.updateFrom.inputs), writes: [] };
  }
}

/** Producers before consumers; source order otherwise (and for cycles). */
function order(stmts: readonly Runnable[]): Runnable[] {
  const done = new Set<Runnable>();
  const out: Runnable[] = [];
  const writers = (stream: string): Runnable[] => stmts.filter((s) => io(s).writes.includes(stream));
  const visit = (s: Runnable, path: Set<Runnable>): void => {
    if (done.has(s) || path.has(s)) return;
    path.add(s);
    for (const r of io(s).reads) for (const w of writers(r)) if (w !== s) visit(w, path);
    path.delete(s);
    done.add(s);
    out.push(s);
  };
  for (const s of stmts) visit(s, new Set());
  return out;
}

export function planScript(script: CheckedScript, catalog: Catalog, options: PlanOptions): Program {
  const clock = options.clock ?? systemClock;
  const ctx: PlanContext = { catalog, options, tables: options.tables ?? new Map(), variables: options.variables ?? new Map(), fn: { now: () => clock.now() } };
  for (const r of catalog.relations.values()) {
    if (r.kind === 'table' && !ctx.tables.has(r.name)) {
      ctx.tables.set(r.name, new MemoryTable(r.name, r.fields.length, r.primaryKey.map((k) => k.index), r.index === 'btree'));
    }
  }
  for (const v of catalog.variables.values()) if (!ctx.variables.has(v.name)) ctx.variables.set(v.name, { value: v.initial });

  const streams = new StreamGraph();
  const spouts = new Map<string, ScanNode>();
  const runnable = script.statements.filter(isRunnable);
  const names = new Map(runnable.map((s, i) => [s, `q${i + 1}`]));
  const queries: PlannedQuery[] = [];
  const terminals: { query: PlannedQuery; stream: string; node: BoltNode; fields: readonly Field[] }[] = [];

  const streamDef = (name: string): StreamDef | undefined => {
    const r = catalog.relations.get(name);
    return r?.kind === 'stream' ? r : undefined;
  };
  const inputScan = (name: string): ScanNode => {
    let s = spouts.get(name);
    if (s !== undefined) return s;
    const def = streamDef(name);
    if (def === undefined) throw new PlanError('GALE_ERR_PLAN_UNSUPPORTED', `no stream named ${name}`);
    const source = sourceFor(def, ctx);
    s = {
      kind: 'Scan',
      id: name,
      query: name,
      stream: name,
      source,
      fields: def.fields ?? [],
      ...(def.eventTime === undefined ? {} : { eventTime: def.eventTime.index }),
      inputs: [],
      describe: source.description,
      orderSensitive: false,
    };
    spouts.set(name, s);
    streams.addProducer(name, s);
    return s;
  };

  for (const stmt of order(runnable)) {
    const name = names.get(stmt)!;
    const planned: PlannedQuery = { name, kind: stmt.kind, loc: locOf(stmt), target: 'terminal', nodes: [] };
    const counts = new Map<string, number>();
    const p: Planner = {
      ctx,
      query: name,
      add: (node) => {
        planned.nodes.push(node);
        return node;
      },
      nextId: (kind) => {
        const n = (counts.get(kind) ?? 0) + 1;
        counts.set(kind, n);
        const base = `${name}.${kind.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}`;
        return n === 1 ? base : `${base}-${n}`;
      },
      read: (stream, node, port) => {
        if (!streams.hasProducers(stream)) inputScan(stream);
        streams.read(stream, node, port);
      },
      eventTimeOf: (stream) => (streams.hasProducers(stream) ? streams.eventTime(stream) : streamDef(stream)?.eventTime?.index),
      table: (t) => {
        const def = catalog.relations.get(t);
        if (def?.kind !== 'table') throw new PlanError('GALE_ERR_PLAN_UNSUPPORTED', `no table named ${t}`);
        return { def, table: ctx.tables.get(t)! };
      },
    };
    const output = (node: BoltNode, into: string | undefined, fields: readonly Field[]): void => {
      if (into === undefined) {
        terminals.push({ query: planned, stream: name, node, fields });
      } else {
        streams.addProducer(into, node);
        (planned as { target: string }).target = `stream ${into}`;
      }
    };
    switch (stmt.kind) {
      case 'Query':
        output(planSelect(stmt, p), stmt.into?.stream, stmt.output);
        break;
      case 'Union': {
        const eventTimes = stmt.inputs.map((i, k) => {
          const et = p.eventTimeOf(i.stream);
          return et === undefined ? undefined : stmt.inputs[k]!.mapping.indexOf(et);
        });
        const et = eventTimes.every((e) => e !== undefined && e >= 0 && e === eventTimes[0]) ? eventTimes[0] : undefined;
        const node = p.add(
          unionNode({
            id: p.nextId('Union'),
            query: name,
            fields: stmt.output,
            mappings: stmt.inputs.map((i) => i.mapping),
            eventTime: et,
            describe: `UNION ${stmt.inputs.map((i) => i.stream).join(', ')}`,
          }),
        );
        stmt.inputs.forEach((i, port) => p.read(i.stream, node, port));
        output(node, stmt.into?.stream, stmt.output);
        break;
      }
      case 'TableInsert': {
        const rows = planSelect(stmt.query, p);
        const { def, table } = p.table(stmt.table);
        const node = p.add(
          tableInsertNode({
            id: p.nextId('TableWrite'),
            query: name,
            mode: stmt.mode,
            table,
            def,
            columnMap: stmt.columnMap,
            onDuplicate: stmt.onDuplicate,
            queryWidth: stmt.query.output.length,
            returning: stmt.returning,
            ctx,
          }),
        );
        node.inputs.push({ node: rows, port: 0 });
        (planned as { target: string }).target = `table ${stmt.table}`;
        if (stmt.returning !== undefined) output(node, stmt.returning.into?.stream, stmt.returning.output);
        break;
      }
      case 'TableUpdate':
      case 'TableDelete': {
        const { def, table } = p.table(stmt.table);
        const node = p.add(
          tableChangeNode({
            id: p.nextId('TableWrite'),
            query: name,
            kind: stmt.kind === 'TableUpdate' ? 'update' : 'delete',
            table,
            def,
            assignments: stmt.kind === 'TableUpdate' ? stmt.assignments : [],
            where: stmt.where,
            returning: stmt.returning,
            aliases: stmt.inputs,
            ctx,
          }),
        );
        p.read(stmt.inputs[1]!.name, node, 0);
        (planned as { target: string }).target = `table ${stmt.table}`;
        if (stmt.returning !== undefined) output(node, stmt.returning.into?.stream, stmt.returning.output);
        break;
      }
      case 'InsertValues': {
        const rows: Row[] = stmt.rows.map((r) => r.map((e) => evaluate(e)));
        if (stmt.target.kind === 'table') {
          const t = ctx.tables.get(stmt.target.name)!;
          for (const row of rows) t.put(row);
          (planned as { target: string }).target = `table ${stmt.target.name}`;
        } else {
          const def = streamDef(stmt.target.name);
          const src = new ValuesSource(stmt.fields, rows, def?.eventTime?.index);
          const scan: ScanNode = {
            kind: 'Scan',
            id: `${name}.values`,
            query: name,
            stream: stmt.target.name,
            source: src,
            fields: stmt.fields,
            ...(def?.eventTime === undefined ? {} : { eventTime: def.eventTime.index }),
            inputs: [],
            describe: src.description,
            orderSensitive: false,
          };
          spouts.set(scan.id, scan);
          streams.addProducer(stmt.target.name, scan);
          (planned as { target: string }).target = `stream ${stmt.target.name}`;
        }
        break;
      }
      case 'Declare': {
        if (stmt.updateFrom === undefined) continue;
        const rows = planSelect(stmt.updateFrom, p);
        const cell = ctx.variables.get(stmt.variable.name) ?? { value: stmt.variable.initial };
        ctx.variables.set(stmt.variable.name, cell);
        const node = p.add(variableUpdateNode({ id: p.nextId('VariableUpdate'), query: name, name: stmt.variable.name, cell }));
        node.inputs.push({ node: rows, port: 0 });
        (planned as { target: string }).target = `variable ${stmt.variable.name}`;
        break;
      }
    }
    queries.push(planned);
  }

  // sinks: FILE-bound streams that are written; outputs and streams nobody reads go to the terminal
  const sinks: { query: PlannedQuery; stream: string; fields: readonly Field[]; def: StreamDef | undefined; inputs: BoltNode[] }[] = [];
  for (const r of catalog.relations.values()) {
    if (r.kind !== 'stream') continue;
    const producers = streams.producersOf(r.name).filter((n): n is BoltNode => n.kind !== 'Scan');
    if (producers.length === 0) continue;
    const read = streams.readers(r.name).length > 0;
    if (r.binding.file === undefined && read && r.direction !== 'output') continue;
    const owner = queries.find((q) => q.nodes.includes(producers[0]!))!;
    sinks.push({ query: owner, stream: r.name, fields: r.fields ?? producers[0]!.fields, def: r, inputs: producers });
  }
  for (const t of terminals) sinks.push({ query: t.query, stream: t.stream, fields: t.fields, def: undefined, inputs: [t.node] });
  const terminalCount = sinks.filter((s) => s.def?.binding.file === undefined).length;
  for (const s of sinks) {
    const { sink, text } = sinkFor({ stream: s.stream, def: s.def, fields: s.fields, labelled: terminalCount > 1, ctx });
    const node = sinkNode({ id: `${s.query.name}.sink${s.def === undefined ? '' : `.${s.stream}`}`, query: s.query.name, stream: s.stream, fields: s.fields, sink, describe: text });
    for (const producer of s.inputs) node.inputs.push({ node: reorder(producer, s.fields, ctx, s.query), port: 0 });
    s.query.nodes.push(node);
  }

  streams.connect();
  return { queries, spouts: [...spouts.values()], ctx };
}

/** Rows in a stream's declared field order (a query may produce them in another order). */
function reorder(node: BoltNode, fields: readonly Field[], ctx: PlanContext, q: PlannedQuery): BoltNode {
  const same = node.fields.length === fields.length && node.fields.every((f, i) => f.name === fields[i]!.name);
  if (same) return node;
  const map = fields.map((f) => node.fields.findIndex((g) => g.name.toLowerCase() === f.name.toLowerCase()));
  if (map.some((i) => i < 0)) return node;
  const calc = calcNode({
    id: `${q.name}.reorder`,
    query: q.name,
    project: map.map((i) => ({ kind: 'Column', input: 0, field: i, name: node.fields[i]!.name, type: node.fields[i]!.type, loc: { line: 0, column: 0, start: 0, end: 0 } })),
    fields,
    env: inputsEnv(ctx, [0]),
    describe: 'fields in the stream’s order',
  });
  calc.inputs.push({ node, port: 0 });
  q.nodes.push(calc);
  return calc;
}


