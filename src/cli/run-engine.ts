/**
 * `gale run FILE.sql` when the file names topics (a stream WITH (TOPIC ...),
 * or a stream read with neither FILE nor GENERATOR that the file does not
 * write): the same engine as `gale serve`, embedded, over a log and
 * coordinator in a temporary directory (or --data-dir). Queries with INTO
 * run as persistent queries on the engine; a SELECT without INTO streams its
 * rows to stdout as JSON lines. Kafka and ZooKeeper ports are opened only
 * when asked (--kafka-port, --zk-port), so other clients can feed the
 * topics. Runs until SIGINT/SIGTERM (or until every push query over bounded
 * inputs is done and no persistent query runs), then stops cleanly.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Coordinator } from '../coord/coordinator.js';
import { jsonLineEncoder } from '../connectors/file/file-sink.js';
import { isTopicStream } from '../engine/bindings/topic-binding.js';
import { Engine } from '../engine/engine.js';
import { streamsOf } from '../engine/queries/query-plan.js';
import { EmbeddedLog } from '../log/embedded-log.js';
import type { Log } from '../log/log.js';
import { Layout } from '../runtime/layout.js';
import type { Row } from '../runtime/message.js';
import { analyzeScript, streams } from '../sql/index.js';
import { kafkaService } from './serve/kafka-service.js';
import type { RunningService, ServeContext } from './serve/service.js';
import { zookeeperService } from './serve/zookeeper-service.js';

/** True when the script needs the engine: it binds a stream to a topic, or reads a stream nothing feeds. */
export function namesTopics(text: string, file: string): boolean {
  const r = analyzeScript(text, { file });
  if (r.errors.length > 0) return false;
  const written = new Set<string>();
  const read = new Set<string>();
  for (const s of r.script.statements) {
    const io = streamsOf(s);
    io.writes.forEach((w) => written.add(w));
    io.reads.forEach((x) => read.add(x));
    if (s.kind === 'InsertValues' && s.target.kind === 'stream') written.add(s.target.name);
  }
  return streams(r.catalog).some((d) => d.binding.topic !== undefined || (isTopicStream(d) && read.has(d.name) && !written.has(d.name)));
}

export interface EngineRunOptions {
  readonly dataDir?: string;
  readonly kafkaPort?: number;
  readonly zkPort?: number;
  /** overrides every generator's EVENTS and RATE */
  readonly events?: number;
  readonly rate?: number;
}

function caret(text: string, line: number, column: number): string {
  const src = text.split(/\r\n|\r|\n/)[line - 1] ?? '';
  return `${src}\n${' '.repeat(Math.max(0, column - 1))}^`;
}

export async function runWithEngine(path: string, text: string, o: EngineRunOptions): Promise<number> {
  const temp = o.dataDir === undefined;
  const dataDir = o.dataDir === undefined ? await mkdtemp(join(tmpdir(), 'gale-run-')) : resolve(o.dataDir);
  const say = (m: string): void => void process.stderr.write(`${m}\n`);
  const ctx: ServeContext = {
    dataDir,
    bind: '127.0.0.1',
    advertisedHost: '127.0.0.1',
    options: { kafkaPort: o.kafkaPort ?? -1, zkPort: o.zkPort ?? -1, flush: 'always' },
    logger: { info: () => {}, warn: (m) => say(`gale: ${m}`) },
    shared: new Map(),
  };
  const services: RunningService[] = [];
  let ownLog: EmbeddedLog | undefined;
  let engine: Engine | undefined;
  const abort = new AbortController();
  const stop = (): void => abort.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    for (const svc of [zookeeperService, kafkaService]) if (svc.enabled(ctx)) services.push(await svc.start(ctx));
    let log = ctx.shared.get('log') as Log | undefined;
    if (log === undefined) log = ownLog = await EmbeddedLog.open({ dataDir, flush: 'always' });
    engine = await Engine.open({ log, coordinator: ctx.shared.get('coordinator') as Coordinator, baseDir: dirname(resolve(path)),
      generators: { ...(o.events === undefined ? {} : { events: o.events }), ...(o.rate === undefined ? {} : { rate: o.rate }) },
    });
    const e = engine;
    const pushes: Promise<unknown>[] = [];
    const results = await e.execute(text, {
      file: path,
      onPushQuery: (sql, properties) => {
        let encode: ((r: Row) => string) | undefined;
        pushes.push(
          e
            .push(sql, {
              properties,
              signal: abort.signal,
              onStart: (info) => (encode = jsonLineEncoder(new Layout(info.columns.map((c) => ({ name: c.name, type: c.type === 'null' ? 'string' : c.type }))))),
              onRow: (row) => void process.stdout.write(`${encode!(row as Row)}\n`),
            })
            .catch((err: unknown) => say(`gale run: ${err instanceof Error ? err.message : String(err)}`)),
        );
        return 'push query started (rows on stdout)';
      },
    });
    let failed = 0;
    for (const r of results) {
      if (r.kind !== 'error') continue;
      failed++;
      const er = r.error;
      say(er.line === undefined ? `${er.file ?? path}: error: ${er.message}` : `${er.file ?? path}:${er.line}:${er.column ?? 1}: error: ${er.message}\n${caret(er.source ?? text, er.line, er.column ?? 1)}`);
    }
    if (failed > 0) return 1;
    if (services.length > 0) say(`gale run: ${services.map((s) => s.describe).join(', ')}`);
    if (e.runningQueries.length > 0 || pushes.length > 0) {
      say(`gale run: ${e.runningQueries.length} persistent quer${e.runningQueries.length === 1 ? 'y' : 'ies'} and ${pushes.length} push quer${pushes.length === 1 ? 'y' : 'ies'} on the engine (data in ${dataDir}); Ctrl-C stops`);
      const aborted = new Promise<void>((r) => abort.signal.addEventListener('abort', () => r(), { once: true }));
      // bounded push queries end by themselves; with nothing else running, so does the run
      await Promise.race([aborted, e.runningQueries.length > 0 ? aborted : Promise.all(pushes)]);
      abort.abort();
      await Promise.all(pushes);
      say('gale: stopped; outputs flushed, persistent queries checkpointed');
    }
    return 0;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await engine?.close();
    await ownLog?.close();
    for (const s of services.reverse()) await s.close().catch(() => undefined);
    if (temp) await rm(dataDir, { recursive: true, force: true });
  }
}
