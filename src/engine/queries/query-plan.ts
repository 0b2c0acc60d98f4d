/**
 * A checked statement → the topology the engine runs, with the streams it
 * reads and writes bound to topics: the planner (src/plan) does the plan;
 * the engine gives it log sources and sinks for every stream without FILE
 * or GENERATOR, its shared memory tables and variables, and (for push
 * queries) where result rows go.
 */
import { createHash } from 'node:crypto';
import type { Log } from '../../log/log.js';
import { DeadLetterWriter, deadLetterTopic } from '../../connectors/log/dead-letter.js';
import { LogSink } from '../../connectors/log/log-sink.js';
import { LogSource, type LogBatchPosition } from '../../connectors/log/log-source.js';
import type { OutputDedup } from '../../connectors/log/output-dedup.js';
import { RecordKeyEncoder, rowDecoder, rowEncoder } from '../../connectors/log/row-codec.js';
import { planScript } from '../../plan/script.js';
import { lower } from '../../plan/topology/lower.js';
import type { Topology } from '../../plan/topology/topology.js';
import type { VariableCell } from '../../plan/compile/expr.js';
import type { RowSink } from '../../runtime/bolts/sink.js';
import type { Clock } from '../../runtime/clock.js';
import { Layout } from '../../runtime/layout.js';
import type { MemoryTable } from '../../runtime/table/memory-table.js';
import type { Catalog, StreamDef } from '../../sql/catalog.js';
import type { CheckedStatement } from '../../sql/checked/index.js';
import { bindTopic, isTopicStream, type TopicBinding } from '../bindings/topic-binding.js';

/** The streams a runnable statement reads and writes. */
export function streamsOf(s: CheckedStatement): { reads: string[]; writes: string[] } {
  const streams = (inputs: readonly { source: string; name: string }[]): string[] => inputs.filter((i) => i.source === 'stream').map((i) => i.name);
  switch (s.kind) {
    case 'Query':
      return { reads: streams(s.inputs), writes: s.into === undefined ? [] : [s.into.stream] };
    case 'Union':
      return { reads: s.inputs.map((i) => i.stream), writes: s.into === undefined ? [] : [s.into.stream] };
    case 'TableInsert':
      return { reads: streams(s.query.inputs), writes: s.returning?.into === undefined ? [] : [s.returning.into.stream] };
    case 'TableUpdate':
    case 'TableDelete':
      return { reads: streams(s.inputs), writes: s.returning?.into === undefined ? [] : [s.returning.into.stream] };
    case 'Declare':
      return { reads: s.updateFrom === undefined ? [] : streams(s.updateFrom.inputs), writes: [] };
    default:
      return { reads: [], writes: [] };
  }
}

/** Binds (creating topics where missing) every topic stream the statement touches. */
export async function bindStatement(
  log: Log,
  catalog: Catalog,
  s: CheckedStatement,
  defaultPartitions: number,
  create = true,
): Promise<{ inputs: TopicBinding[]; outputs: TopicBinding[] }> {
  const def = (name: string): StreamDef | undefined => {
    const r = catalog.relations.get(name);
    return r?.kind === 'stream' ? r : undefined;
  };
  const { reads, writes } = streamsOf(s);
  const inputs: TopicBinding[] = [];
  const outputs: TopicBinding[] = [];
  for (const name of new Set(reads)) {
    const d = def(name);
    if (d !== undefined && isTopicStream(d)) inputs.push(await bindTopic(log, d, defaultPartitions, create));
  }
  for (const name of new Set(writes)) {
    const d = def(name);
    if (d !== undefined && isTopicStream(d)) outputs.push(await bindTopic(log, d, defaultPartitions, create));
  }
  return { inputs, outputs };
}

/** The identity of a plan: a checkpoint is only restored into the plan it was taken of. */
export function planFingerprint(sql: string, inputs: readonly TopicBinding[], outputs: readonly TopicBinding[]): string {
  const shape = JSON.stringify({ v: 1, sql, in: inputs.map((b) => [b.topic, b.partitions]), out: outputs.map((b) => [b.topic, b.partitions]) });
  return createHash('sha1').update(shape).digest('hex');
}

export interface PlanQueryOptions {
  readonly log: Log;
  readonly catalog: Catalog;
  readonly statement: CheckedStatement;
  /** the query's id (dead letters and output headers name it) */
  readonly queryId: string;
  readonly baseDir: string;
  readonly inputs: readonly TopicBinding[];
  readonly outputs: readonly TopicBinding[];
  /** input topic → start offset per partition */
  readonly offsets: ReadonlyMap<string, readonly bigint[]>;
  /** output topic → where the sink's own output starts, per partition */
  readonly outputEnds?: ReadonlyMap<string, readonly bigint[]>;
  readonly dedup?: ReadonlyMap<string, OutputDedup>;
  readonly onFail?: (pos: LogBatchPosition) => void;
  readonly onSinkError?: (err: unknown) => void;
  /** rows of a query without INTO (push queries) */
  readonly terminal?: (fields: Layout) => RowSink;
  readonly tables: Map<string, MemoryTable>;
  readonly variables: Map<string, VariableCell>;
  readonly deadLetters: (stream: string) => DeadLetterWriter;
  readonly defaultIdleTimeoutMs: number;
  readonly clock?: Clock;
  /** overrides every generator's EVENTS and RATE */
  readonly generators?: { readonly events?: number; readonly rate?: number } | undefined;
  /** planning for EXPLAIN only: input files need not exist */
  readonly explainOnly?: boolean;
}

export interface PlannedQuery {
  readonly topology: Topology;
  /** filled as the topology is built (sources) and started (sinks) */
  readonly sources: LogSource[];
  readonly sinks: LogSink[];
}

export function planQuery(o: PlanQueryOptions): PlannedQuery {
  const sources: LogSource[] = [];
  const sinks: LogSink[] = [];
  const byStream = (list: readonly TopicBinding[], name: string): TopicBinding => {
    const b = list.find((x) => x.stream === name);
    if (b === undefined) throw new Error(`stream ${name} was not bound to a topic`);
    return b;
  };
  const program = planScript({ statements: [o.statement] }, o.catalog, {
    baseDir: o.baseDir,
    ...(o.generators?.events === undefined ? {} : { events: o.generators.events }),
    ...(o.generators?.rate === undefined ? {} : { rate: o.generators.rate }),
    ...(o.clock === undefined ? {} : { clock: o.clock }),
    ...(o.explainOnly === true ? { requireInputFiles: false } : {}),
    tables: o.tables,
    variables: o.variables,
    ...(o.terminal === undefined ? {} : { terminal: (_stream: string, layout: Layout) => o.terminal!(layout) }),
    topics: {
      source: (def: StreamDef) => {
        const b = byStream(o.inputs, def.name);
        const s = new LogSource({
          log: o.log,
          stream: def.name,
          topic: b.topic,
          partitions: b.partitions,
          layout: new Layout(b.fields),
          decoder: rowDecoder(b.format, b.fields, b.keyFields),
          ...(b.timestampField === undefined ? {} : { timestampField: b.timestampField }),
          idleTimeoutMs: b.idleTimeoutMs ?? o.defaultIdleTimeoutMs,
          start: o.offsets.get(b.topic) ?? new Array<bigint>(b.partitions).fill(0n),
          deadLetters: o.deadLetters(def.name),
          query: o.queryId,
          ...(o.onFail === undefined ? {} : { onFail: o.onFail }),
        });
        sources.push(s);
        return s;
      },
      sink: (def: StreamDef) => {
        const b = byStream(o.outputs, def.name);
        const dedup = o.dedup?.get(b.topic);
        const s = new LogSink({
          log: o.log,
          stream: def.name,
          topic: b.topic,
          partitions: b.partitions,
          encode: rowEncoder(b.format, b.fields),
          keys: new RecordKeyEncoder(b.fields, b.keyFields),
          ...(b.timestampField === undefined ? {} : { timestampField: b.timestampField }),
          query: o.queryId,
          startEnds: o.outputEnds?.get(b.topic) ?? new Array<bigint>(b.partitions).fill(0n),
          ...(dedup === undefined ? {} : { dedup }),
          ...(o.onSinkError === undefined ? {} : { onError: o.onSinkError }),
        });
        sinks.push(s);
        return s;
      },
      describe: (def: StreamDef) => `topic ${def.binding.topic ?? def.name}`,
    },
  });
  return { topology: lower(program), sources, sinks };
}

/** One dead-letter writer per stream, shared by every query of an engine. */
export class DeadLetters {
  private readonly writers = new Map<string, DeadLetterWriter>();

  constructor(
    private readonly log: Log,
    private readonly warn: (m: string) => void,
  ) {}

  for(stream: string): DeadLetterWriter {
    let w = this.writers.get(stream);
    if (w === undefined) {
      const topic = deadLetterTopic(stream);
      w = new DeadLetterWriter(this.log, topic, (err) => this.warn(`cannot write dead letters to ${topic}: ${err instanceof Error ? err.message : String(err)}`));
      this.writers.set(stream, w);
    }
    return w;
  }

  async flush(): Promise<void> {
    await Promise.all([...this.writers.values()].map((w) => w.flush()));
  }
}
