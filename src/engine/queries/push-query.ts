/**
 * A push query: a SELECT (or UNION) without INTO, run as a transient query
 * whose rows go to the caller as they are produced, until the caller aborts
 * (or, when every input is bounded, until the inputs end). Topics are read
 * from the end by default, like ksqlDB (`SET 'auto.offset.reset' =
 * 'earliest'` reads them from the beginning); nothing is checkpointed and
 * no offsets are committed.
 */
import type { Column, PushQueryEnd } from '../api.js';
import type { RowSink } from '../../runtime/bolts/sink.js';
import type { Row } from '../../runtime/message.js';
import { runTopology } from '../../runtime/run.js';
import type { Catalog } from '../../sql/catalog.js';
import type { CheckedQuery, CheckedUnion } from '../../sql/checked/index.js';
import type { EngineState } from '../engine-state.js';
import { bindStatement, planQuery } from './query-plan.js';

export interface PushRun {
  readonly id: string;
  readonly sql: string;
  rows: number;
  eventsIn(): number;
}

export interface PushOptions {
  readonly id: string;
  readonly sql: string;
  readonly statement: CheckedQuery | CheckedUnion;
  readonly catalog: Catalog;
  readonly properties: Readonly<Record<string, string>>;
  readonly signal: AbortSignal;
  readonly onStart?: (info: { readonly queryId: string; readonly columns: readonly Column[] }) => void;
  readonly onRow: (row: readonly unknown[]) => void;
  /** where relative FILE paths start */
  readonly baseDir: string;
  /** registered while the query runs (SHOW QUERIES, TERMINATE) */
  readonly track: (run: PushRun, stop: () => void) => () => void;
}

export async function runPushQuery(s: EngineState, o: PushOptions): Promise<PushQueryEnd> {
  const { inputs, outputs } = await bindStatement(s.log, o.catalog, o.statement, s.settings.defaultPartitions);
  const earliest = o.properties['auto.offset.reset'] === 'earliest';
  const offsets = new Map<string, bigint[]>();
  for (const b of inputs) {
    const offs: bigint[] = [];
    for (let p = 0; p < b.partitions; p++) {
      const r = await s.log.offsets({ topic: b.topic, partition: p });
      offs.push(earliest ? r.logStart : r.highWatermark);
    }
    offsets.set(b.topic, offs);
  }
  const run: PushRun = { id: o.id, sql: o.sql, rows: 0, eventsIn: () => handle?.metrics.eventsIn ?? 0 };
  const terminal = (): RowSink => ({
    description: 'push query',
    write(rows: Row[]) {
      if (o.signal.aborted) return;
      for (const r of rows) {
        run.rows++;
        o.onRow(r);
      }
    },
    close: () => Promise.resolve(),
  });
  const planned = planQuery({
    log: s.log,
    catalog: o.catalog,
    statement: o.statement,
    queryId: o.id,
    baseDir: o.baseDir,
    inputs,
    outputs,
    offsets,
    terminal,
    tables: s.tables,
    variables: s.variables,
    deadLetters: (stream) => s.deadLetters.for(stream),
    defaultIdleTimeoutMs: s.settings.idleTimeoutMs,
    generators: s.settings.generators,
    ...(s.settings.clock === undefined ? {} : { clock: s.settings.clock }),
  });
  let handle: ReturnType<typeof runTopology> | undefined;
  handle = runTopology(planned.topology, { ...(s.settings.clock === undefined ? {} : { clock: s.settings.clock }) });
  const h = handle;
  const stop = (): void => h.stop();
  const untrack = o.track(run, stop);
  if (o.signal.aborted) stop();
  o.signal.addEventListener('abort', stop, { once: true });
  try {
    o.onStart?.({ queryId: o.id, columns: o.statement.output.map((f) => ({ name: f.name, type: f.type })) });
    const summary = await h.done;
    return { reason: summary.stopped ? 'cancelled' : 'completed', rows: run.rows };
  } finally {
    o.signal.removeEventListener('abort', stop);
    untrack();
  }
}
