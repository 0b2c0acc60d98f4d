/**
 * The engine: continuous queries over the log, with the catalog in the
 * coordinator. It talks to the two seams only (`Log`, `Coordinator`), so
 * the same engine runs embedded (gale serve, gale run over topics, the
 * REPL) or against a real Kafka cluster and ZooKeeper ensemble.
 *
 * execute(): statements in order, one result each, never a thrown SQL
 * error. Declarations go to the catalog; a query with INTO (or a table
 * write) becomes a persistent query — checkpointed, resumed after a restart
 * (persistent-query.ts); INSERT ... VALUES appends to a topic; SHOW,
 * DESCRIBE, EXPLAIN, TERMINATE, SET, RUN SCRIPT as the dialect says.
 * push(): a SELECT without INTO as a transient query, rows to the caller.
 */
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { Coordinator } from '../coord/coordinator.js';
import type { Log } from '../log/log.js';
import { explain } from '../plan/topology/explain.js';
import type { Clock } from '../runtime/clock.js';
import type { Statement } from '../sql/ast/index.js';
import { analyzeScript, analyzeStatements } from '../sql/analyze.js';
import { createCatalog, streams, tables } from '../sql/catalog.js';
import type { CheckedStatement } from '../sql/checked/index.js';
import { formatStatement } from '../sql/format.js';
import { parseScript } from '../sql/parse.js';
import type { CompletionCatalog, EngineApi, ExecuteOptions, PushQueryEnd, PushQueryOptions, StatementResult } from './api.js';
import { CatalogStore } from './catalog/catalog-store.js';
import { EngineState, type EngineLogger } from './engine-state.js';
import { EngineError } from './errors.js';
import { CheckpointStore } from './queries/checkpoint-store.js';
import { runPushQuery, type PushRun } from './queries/push-query.js';
import { QueryManager } from './queries/query-manager.js';
import { bindStatement, DeadLetters, planQuery } from './queries/query-plan.js';
import { persistQuery } from './statements/persist-query.js';
import { alreadyDeclared, declare, isDeclaration } from './statements/ddl.js';
import { insertValues } from './statements/insert-values.js';
import { describe, show, type QueryRow } from './statements/show.js';
import { StatementFailed, toStatementError } from './statement-errors.js';
import { setProperty } from './statements/properties.js';

export interface EngineOptions {
  readonly log: Log;
  readonly coordinator: Coordinator;
  /** where relative FILE and RUN SCRIPT paths start (default: the working directory) */
  readonly baseDir?: string;
  readonly logger?: EngineLogger;
  /** partitions of topics the engine creates for streams without PARTITIONS (default 1) */
  readonly defaultPartitions?: number;
  /** idle timeout of topic partitions for event time, when a stream gives none (default 2000 ms) */
  readonly idleTimeoutMs?: number;
  /** ms between checkpoints of a persistent query (default 1000) */
  readonly checkpointIntervalMs?: number;
  /** a tuple tree not complete in this time is replayed (default 30000 ms) */
  readonly ackTimeoutMs?: number;
  /** spout batches in flight per partition (default 64) */
  readonly maxSpoutPending?: number;
  readonly clock?: Clock;
  /** restart the persistent queries the catalog records (default true) */
  readonly resume?: boolean;
  /** overrides every generator's EVENTS and RATE (`gale run --events/--rate`) */
  readonly generators?: { readonly events?: number; readonly rate?: number };
}

/** execute() options of the embedded engine beyond the EngineApi's. */
export interface EngineExecuteOptions extends ExecuteOptions {
  /**
   * A SELECT without INTO in the script is handed here (its text, from the
   * script) instead of being an error — `gale run` streams such queries to
   * stdout through push().
   */
  readonly onPushQuery?: (sql: string, properties: Readonly<Record<string, string>>) => string;
}

const SILENT: EngineLogger = { info: () => {}, warn: () => {} };
const MAX_SCRIPT_DEPTH = 8;

type Props = Record<string, string>;
type OnPush = NonNullable<EngineExecuteOptions['onPushQuery']>;

export class Engine implements EngineApi {
  private readonly queries: QueryManager;
  private readonly pushes = new Map<string, { run: PushRun; stop: () => void }>();
  private lock: Promise<unknown> = Promise.resolve();
  private pushCount = 0;

  private constructor(private readonly s: EngineState) {
    this.queries = new QueryManager(s);
  }

  /** Opens the catalog and checkpoints, and resumes every persistent query the catalog records. */
  static async open(o: EngineOptions): Promise<Engine> {
    const logger = o.logger ?? SILENT;
    const store = new CatalogStore(o.coordinator);
    await store.init();
    const checkpoints = await CheckpointStore.open(o.log);
    const state = new EngineState(
      o.log,
      o.coordinator,
      store,
      checkpoints,
      new DeadLetters(o.log, (m) => logger.warn(m)),
      {
        baseDir: o.baseDir ?? process.cwd(),
        defaultPartitions: o.defaultPartitions ?? 1,
        idleTimeoutMs: o.idleTimeoutMs ?? 2000,
        checkpointIntervalMs: o.checkpointIntervalMs ?? 1000,
        ackTimeoutMs: o.ackTimeoutMs ?? 30_000,
        maxSpoutPending: o.maxSpoutPending ?? 64,
        ...(o.generators === undefined ? {} : { generators: o.generators }),
        ...(o.clock === undefined ? {} : { clock: o.clock }),
      },
      logger,
      createCatalog(),
    );
    const engine = new Engine(state);
    await engine.load(o.resume ?? true);
    return engine;
  }

  /** Ids of the running persistent queries. */
  get runningQueries(): string[] {
    return [...this.queries.running.keys()];
  }

  execute(sql: string, opts: EngineExecuteOptions = {}): Promise<StatementResult[]> {
    if (this.s.closed) return Promise.resolve([errorResult(sql, new EngineError('GALE_ERR_ENGINE_CLOSED', 'the engine is closed'), sql, opts.file)]);
    // a copy: SET in the script changes it for the script's later statements only
    const props: Props = { ...opts.properties };
    return this.serial(() => this.script(sql, opts.file, props, 0, opts.onPushQuery));
  }

  async push(sql: string, opts: PushQueryOptions): Promise<PushQueryEnd> {
    if (this.s.closed) throw new StatementFailed({ code: 'GALE_ERR_ENGINE_CLOSED', message: 'the engine is closed' });
    const parsed = parseScript(sql, opts.file === undefined ? {} : { file: opts.file });
    const fail = (err: unknown): never => {
      throw new StatementFailed(toStatementError(err, sql, opts.file));
    };
    if (parsed.errors.length > 0) fail(parsed.errors[0]);
    if (parsed.statements.length !== 1) {
      fail(new EngineError('GALE_ERR_ENGINE_NOT_PUSH_QUERY', `a push query is one SELECT without INTO; got ${parsed.statements.length} statements`));
    }
    const stmt = parsed.statements[0]!;
    const r = analyzeStatements([stmt], this.s.catalog);
    if (r.errors.length > 0) fail(r.errors[0]);
    const checked = r.script.statements[0]!;
    if ((checked.kind !== 'Query' && checked.kind !== 'Union') || checked.into !== undefined) {
      fail(new EngineError('GALE_ERR_ENGINE_NOT_PUSH_QUERY', 'push() runs a SELECT (or UNION) without INTO; other statements go to execute()', { span: stmt.loc }));
    }
    const id = `push_${++this.pushCount}`;
    try {
      return await runPushQuery(this.s, {
        id,
        sql: formatStatement(stmt),
        statement: checked as Extract<CheckedStatement, { kind: 'Query' | 'Union' }>,
        catalog: r.catalog,
        properties: { ...opts.properties },
        baseDir: this.baseDirOf(opts.file),
        signal: opts.signal,
        onRow: opts.onRow,
        ...(opts.onStart === undefined ? {} : { onStart: opts.onStart }),
        track: (run, stop) => {
          this.pushes.set(run.id, { run, stop });
          return () => this.pushes.delete(run.id);
        },
      });
    } catch (err) {
      return fail(err);
    }
  }

  async completions(): Promise<CompletionCatalog> {
    const c = this.s.catalog;
    const columns: Record<string, string[]> = {};
    for (const r of c.relations.values()) columns[r.name] = (r.fields ?? []).map((f) => f.name);
    return { streams: streams(c).map((s) => s.name), tables: tables(c).map((t) => t.name), columns };
  }

  /** Stops every query (persistent ones with a final checkpoint) and flushes dead letters. */
  async close(): Promise<void> {
    if (this.s.closed) return;
    this.s.closed = true;
    for (const p of this.pushes.values()) p.stop();
    await this.serial(async () => {
      await this.queries.stopAll();
      await this.s.deadLetters.flush();
    });
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const p = this.lock.then(fn);
    this.lock = p.catch(() => undefined);
    return p;
  }

  /** Rebuilds the catalog from the coordinator and resumes the persistent queries. */
  private async load(resume: boolean): Promise<void> {
    const s = this.s;
    const entries = await s.store.load();
    for (const p of s.store.skipped) s.logger.warn(`catalog: ${p} is not a catalog entry; skipped`);
    for (const q of s.checkpoints.unreadable) s.logger.warn(`checkpoints: a record of query ${q} is unreadable; it starts from its previous checkpoint, or afresh`);
    for (const e of entries.filter((x) => x.kind !== 'queries')) {
      const r = analyzeScript(e.sql, { catalog: s.catalog });
      if (r.errors.length > 0) {
        s.logger.warn(`catalog: ${e.kind}/${e.name} no longer checks (${r.errors[0]!.message}); skipped`);
        continue;
      }
      s.catalog = r.catalog;
      s.remember(e);
    }
    for (const e of entries.filter((x) => x.kind === 'queries')) {
      s.remember(e);
      if (!resume || e.state !== 'RUNNING') continue;
      const r = analyzeScript(e.sql, { catalog: s.catalog });
      const checked = r.script.statements[0];
      if (r.errors.length > 0 || checked === undefined) {
        s.logger.warn(`query ${e.name} no longer checks (${r.errors[0]?.message ?? 'empty'}); not started`);
        continue;
      }
      try {
        await this.queries.start(e.name, e.sql, checked, r.catalog, e.properties ?? {}, e.baseDir ?? s.settings.baseDir);
        s.logger.info(`query ${e.name} resumed`);
      } catch (err) {
        s.logger.warn(`query ${e.name} cannot start: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }

  private async script(text: string, file: string | undefined, props: Props, depth: number, onPush?: OnPush): Promise<StatementResult[]> {
    const parsed = parseScript(text, file === undefined ? {} : { file });
    const items: ({ at: number; stmt: Statement } | { at: number; err: unknown; end: number })[] = [
      ...parsed.statements.map((stmt) => ({ at: stmt.loc.start, stmt })),
      ...parsed.errors.map((err) => ({ at: err.span.start, err, end: err.span.end })),
    ].sort((a, b) => a.at - b.at);
    const results: StatementResult[] = [];
    for (const it of items) {
      if ('err' in it) results.push(errorResult(around(text, it.at), it.err, text, file));
      else results.push(...(await this.statement(it.stmt, text, file, props, depth, onPush)));
    }
    return results;
  }

  private async statement(
    stmt: Statement,
    text: string,
    file: string | undefined,
    props: Props,
    depth: number,
    onPush: OnPush | undefined,
  ): Promise<StatementResult[]> {
    const s = this.s;
    const statement = text.slice(stmt.loc.start, stmt.loc.end).trim();
    const message = (m: string, queryId?: string): StatementResult[] => [
      { kind: 'message', statement, message: m, ...(queryId === undefined ? {} : { queryId }) },
    ];
    try {
      switch (stmt.kind) {
        case 'SetProperty': {
          const set = setProperty(props, stmt);
          return [{ kind: 'message', statement, message: set.message, property: { name: set.name, value: set.value } }];
        }
        case 'RunScript':
          return await this.runScript(stmt.path, stmt.loc, file, props, depth, statement, onPush);
        case 'Terminate':
          return message(await this.terminate(stmt.query.name));
        default:
          break;
      }
      if (isDeclaration(stmt)) {
        const same = alreadyDeclared(s, stmt);
        if (same !== undefined) return message(same);
      }
      const r = analyzeStatements([stmt], s.catalog);
      if (r.errors.length > 0) return [errorResult(statement, r.errors[0], text, file)];
      const checked = r.script.statements[0]!;
      switch (checked.kind) {
        case 'CreateSchema':
        case 'CreateStream':
        case 'CreateWindow':
        case 'CreateTable':
        case 'Declare':
          return message(await declare(s, stmt, checked, r.catalog));
        case 'Query':
        case 'Union':
          if (checked.into === undefined && onPush !== undefined) return message(onPush(`${text.slice(stmt.loc.start, stmt.loc.end).replace(/;\s*$/, '')};`, { ...props }));
          if (checked.into === undefined) {
            throw new EngineError('GALE_ERR_ENGINE_PUSH_QUERY', 'a SELECT without INTO is a push query: run it from the REPL or POST /query (push()), or add INTO a stream', { span: stmt.loc });
          }
          return await this.persistent(stmt, checked, r.catalog, props, statement, file);
        case 'TableInsert':
        case 'TableUpdate':
        case 'TableDelete':
          return await this.persistent(stmt, checked, r.catalog, props, statement, file);
        case 'InsertValues':
          return message(await insertValues(s, r.catalog, checked));
        case 'Explain':
          return [{ kind: 'explain', statement, text: await this.explain(checked.statement, r.catalog, file) }];
        case 'Show':
          return [await show(checked.what, { catalog: s.catalog, queries: this.queryRows(), log: s.log, statement })];
        case 'Describe':
          return [describe(checked, { catalog: s.catalog, queries: [], log: s.log, statement })];
        case 'Terminate':
        case 'SetProperty':
        case 'RunScript':
          return message('done');
      }
    } catch (err) {
      return [errorResult(statement, err, text, file)];
    }
  }

  private async persistent(
    stmt: Statement,
    checked: CheckedStatement,
    after: import('../sql/catalog.js').Catalog,
    props: Props,
    statement: string,
    file: string | undefined,
  ): Promise<StatementResult[]> {
    const sql = formatStatement(stmt);
    const running = this.queries.bySql(sql);
    if (running !== undefined) return [{ kind: 'message', statement, message: `Query ${running.id} already runs this statement`, queryId: running.id }];
    const id = await persistQuery(this.s, this.queries, { sql, checked, before: this.s.catalog, after, properties: props, baseDir: this.baseDirOf(file) });
    this.s.catalog = after;
    return [{ kind: 'message', statement, message: `Created query ${id}`, queryId: id }];
  }

  /** Relative FILE paths of a script's statements start at the script's directory. */
  private baseDirOf(file: string | undefined): string {
    return file === undefined ? this.s.settings.baseDir : dirname(resolve(this.s.settings.baseDir, file));
  }

  private async explain(checked: CheckedStatement, catalog: import('../sql/catalog.js').Catalog, file: string | undefined): Promise<string> {
    const s = this.s;
    const { inputs, outputs } = await bindStatement(s.log, catalog, checked, s.settings.defaultPartitions, false);
    const offsets = new Map(inputs.map((b) => [b.topic, new Array<bigint>(b.partitions).fill(0n)]));
    const planned = planQuery({
      log: s.log,
      catalog,
      statement: checked,
      queryId: 'explain',
      baseDir: this.baseDirOf(file),
      inputs,
      outputs,
      offsets,
      terminal: () => ({ description: 'push query', write: () => undefined, close: () => Promise.resolve() }),
      tables: new Map(s.tables),
      variables: new Map(s.variables),
      deadLetters: (stream) => s.deadLetters.for(stream),
      defaultIdleTimeoutMs: s.settings.idleTimeoutMs,
      explainOnly: true,
    });
    return explain(planned.topology, 'text');
  }

  private async terminate(id: string): Promise<string> {
    const push = this.pushes.get(id);
    if (push !== undefined) {
      push.stop();
      return `Push query ${id} stopped`;
    }
    await this.queries.terminate(id);
    return `Query ${id} terminated`;
  }

  private async runScript(
    path: string,
    loc: Statement['loc'],
    file: string | undefined,
    props: Props,
    depth: number,
    statement: string,
    onPush: OnPush | undefined,
  ): Promise<StatementResult[]> {
    if (depth >= MAX_SCRIPT_DEPTH) throw new EngineError('GALE_ERR_ENGINE_SCRIPT', `RUN SCRIPT nested more than ${MAX_SCRIPT_DEPTH} deep`, { span: loc });
    const base = this.baseDirOf(file);
    const full = isAbsolute(path) ? path : resolve(base, path);
    let text: string;
    try {
      text = await readFile(full, 'utf8');
    } catch (err) {
      throw new EngineError('GALE_ERR_ENGINE_SCRIPT', `cannot read ${path}: ${err instanceof Error ? err.message : String(err)}`, { span: loc, cause: err });
    }
    const results = await this.script(text, full, props, depth + 1, onPush);
    return [{ kind: 'message', statement, message: `Ran ${path}: ${results.length} statement${results.length === 1 ? '' : 's'}` }, ...results];
  }

  private queryRows(): QueryRow[] {
    const pushes: QueryRow[] = [...this.pushes.values()].map(({ run }) => ({
      id: run.id,
      kind: 'push',
      state: 'RUNNING',
      sink: 'push',
      eventsIn: run.eventsIn(),
      rowsOut: run.rows,
      sql: run.sql,
    }));
    return [...this.queries.rows(), ...pushes];
  }
}

function errorResult(statement: string, err: unknown, source: string, file: string | undefined): StatementResult {
  return { kind: 'error', statement, error: toStatementError(err, source, file) };
}

/** The statement text around an offset (from the `;` before it to the `;` after it). */
function around(text: string, at: number): string {
  const start = text.lastIndexOf(';', Math.max(0, at - 1)) + 1;
  const end = text.indexOf(';', at);
  return text.slice(start, end < 0 ? text.length : end + 1).trim();
}
