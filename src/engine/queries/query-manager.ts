/**
 * The engine's persistent queries: started from a statement with INTO (and
 * recorded in the coordinator under /gale/queries/<id>), restarted from
 * their checkpoints when the engine opens, terminated on TERMINATE, stopped
 * with a final checkpoint when the engine closes.
 */
import type { Catalog } from '../../sql/catalog.js';
import type { CheckedStatement } from '../../sql/checked/index.js';
import type { EngineState } from '../engine-state.js';
import { EngineError } from '../errors.js';
import type { QueryRow } from '../statements/show.js';
import { PersistentQuery } from './persistent-query.js';
import { bindStatement, planFingerprint, planQuery, streamsOf } from './query-plan.js';

/** Operators whose state checkpoints do not cover (window and changelog aggregates, joins, patterns and table writes are). */
const UNCHECKPOINTED = ['VariableUpdate'] as const;

export interface RunningQuery {
  readonly id: string;
  readonly sql: string;
  readonly sink: string;
  readonly query: PersistentQuery;
}

export class QueryManager {
  readonly running = new Map<string, RunningQuery>();
  /** catalog writes made from query callbacks; a clean stop waits for them (else a restart may resume a completed query) */
  private readonly pendingWrites = new Set<Promise<unknown>>();

  constructor(private readonly s: EngineState) {}

  /** The running query with exactly this (canonical) SQL, if any. */
  bySql(sql: string): RunningQuery | undefined {
    for (const q of this.running.values()) if (q.sql === sql) return q;
    return undefined;
  }

  /**
   * Plans and starts a persistent query; resumes from its checkpoint if it
   * has one. `properties`: the session's (auto.offset.reset: where a new
   * query starts reading; default earliest).
   */
  async start(
    id: string,
    sql: string,
    stmt: CheckedStatement,
    catalog: Catalog,
    properties: Readonly<Record<string, string>>,
    baseDir = this.s.settings.baseDir,
  ): Promise<RunningQuery> {
    const s = this.s;
    const { inputs, outputs } = await bindStatement(s.log, catalog, stmt, s.settings.defaultPartitions);
    const reset = properties['auto.offset.reset'] === 'latest' ? 'latest' : 'earliest';
    let warned = false;
    const pq = new PersistentQuery({
      id,
      log: s.log,
      checkpoints: s.checkpoints,
      plan: planFingerprint(sql, inputs, outputs),
      inputs: inputs.map((b) => ({ topic: b.topic, partitions: b.partitions })),
      outputs: outputs.map((b) => ({ topic: b.topic, partitions: b.partitions })),
      reset,
      checkpointIntervalMs: s.settings.checkpointIntervalMs,
      run: { ackTimeoutMs: s.settings.ackTimeoutMs, maxSpoutPending: s.settings.maxSpoutPending, ...(s.settings.clock === undefined ? {} : { clock: s.settings.clock }) },
      logger: s.logger,
      onCompleted: () => {
        s.logger.info(`query ${id} completed: its bounded inputs are consumed`);
        const w = s.store.update('queries', id, { state: 'COMPLETED' }).catch(() => undefined);
        this.pendingWrites.add(w);
        void w.finally(() => this.pendingWrites.delete(w));
      },
      build: (start) => {
        const planned = planQuery({
          log: s.log,
          catalog,
          statement: stmt,
          queryId: id,
          baseDir,
          generators: s.settings.generators,
          inputs,
          outputs,
          offsets: start.offsets,
          outputEnds: start.outputEnds,
          dedup: start.dedup,
          onFail: start.onFail,
          onSinkError: start.onSinkError,
          tables: s.tables,
          variables: s.variables,
          deadLetters: (stream) => s.deadLetters.for(stream),
          defaultIdleTimeoutMs: s.settings.idleTimeoutMs,
          ...(s.settings.clock === undefined ? {} : { clock: s.settings.clock }),
        });
        if (!warned) {
          warned = true;
          const kinds = new Set(planned.topology.queries.flatMap((q) => q.components.map((c) => c.kind)));
          const lost = UNCHECKPOINTED.filter((k) => kinds.has(k));
          if (lost.length > 0) s.logger.warn(`query ${id}: the state of ${lost.join(', ')} is not checkpointed; after a restart it starts empty`);
        }
        return planned;
      },
    });
    await pq.start();
    const { writes } = streamsOf(stmt);
    const sink = writes.length > 0 ? writes.join(', ') : stmt.kind === 'TableInsert' || stmt.kind === 'TableUpdate' || stmt.kind === 'TableDelete' ? `table ${stmt.table}` : '';
    const q: RunningQuery = { id, sql, sink, query: pq };
    this.running.set(id, q);
    return q;
  }

  /** Stops a query for good: its checkpoints and its catalog entry go. */
  async terminate(id: string): Promise<void> {
    const q = this.running.get(id);
    if (q === undefined) throw new EngineError('GALE_ERR_ENGINE_UNKNOWN_QUERY', `no running query ${id} (SHOW QUERIES lists them)`);
    this.running.delete(id);
    await q.query.stop({ checkpoint: false, forget: true });
    await this.s.store.remove('queries', id);
    this.s.forget('queries', id);
  }

  /** Stops every query with a final checkpoint (a clean shutdown): each resumes exactly there. */
  async stopAll(): Promise<void> {
    const all = [...this.running.values()];
    this.running.clear();
    await Promise.all(
      all.map(async (q) => {
        try {
          await q.query.stop({ checkpoint: true });
        } catch (err) {
          this.s.logger.warn(`query ${q.id}: stopping: ${err instanceof Error ? err.message : String(err)}`);
        }
      }),
    );
    await Promise.all([...this.pendingWrites]);
  }

  rows(): QueryRow[] {
    return [...this.running.values()].map((q) => ({
      id: q.id,
      kind: 'persistent',
      state: q.query.state.toUpperCase(),
      sink: q.sink,
      eventsIn: q.query.eventsIn,
      rowsOut: q.query.rowsOut,
      sql: q.sql,
    }));
  }
}
