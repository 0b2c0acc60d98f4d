/**
 * The engine as a `gale serve` service: continuous queries over the log the
 * Kafka service opened (or its own EmbeddedLog when --kafka-port is -1) and
 * the coordinator the ZooKeeper service shared. Shared with later services
 * as `engine` (the HTTP API serves it). On start it resumes every persistent
 * query the catalog records, then runs `gale serve FILE.sql ...`'s
 * statements (a statement already in the catalog is not run twice). On
 * stop, every query stops with a final checkpoint.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Coordinator } from '../../coord/coordinator.js';
import { Engine } from '../../engine/engine.js';
import { EmbeddedLog } from '../../log/embedded-log.js';
import type { Log } from '../../log/log.js';
import type { RunningService, ServeContext, Service } from './service.js';

function positive(v: unknown, what: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${what} must be a positive number, not ${String(v)}`);
  return n;
}

export const engineService: Service = {
  name: 'engine',
  enabled: (ctx) => ctx.shared.has('coordinator'),
  async start(ctx: ServeContext): Promise<RunningService> {
    const coordinator = ctx.shared.get('coordinator') as Coordinator;
    let log = ctx.shared.get('log') as Log | undefined;
    let ownLog: EmbeddedLog | undefined;
    if (log === undefined) {
      ownLog = await EmbeddedLog.open({
        dataDir: ctx.dataDir,
        flush: typeof ctx.options['flush'] === 'string' ? ctx.options['flush'] : 'always',
        logger: { info: (m) => ctx.logger.info(`log: ${m}`), warn: (m) => ctx.logger.warn(`log: ${m}`) },
      });
      log = ownLog;
      ctx.shared.set('log', log);
    }
    const interval = positive(ctx.options['checkpointInterval'], '--checkpoint-interval');
    const partitions = positive(ctx.options['defaultPartitions'], '--default-partitions');
    let engine: Engine;
    try {
      engine = await Engine.open({
        log,
        coordinator,
        baseDir: process.cwd(),
        logger: { info: (m) => ctx.logger.info(`engine: ${m}`), warn: (m) => ctx.logger.warn(`engine: ${m}`) },
        ...(interval === undefined ? {} : { checkpointIntervalMs: interval }),
        ...(partitions === undefined ? {} : { defaultPartitions: Math.floor(partitions) }),
      });
    } catch (err) {
      await ownLog?.close();
      throw err;
    }
    const close = async (): Promise<void> => {
      ctx.shared.delete('engine');
      await engine.close();
      if (ownLog !== undefined) {
        ctx.shared.delete('log');
        await ownLog.close();
      }
    };
    try {
      for (const file of ctx.files ?? []) {
        const path = resolve(file);
        const text = await readFile(path, 'utf8');
        const results = await engine.execute(text, { file });
        const errors = results.filter((r) => r.kind === 'error');
        for (const r of results) {
          if (r.kind === 'error') {
            const e = r.error;
            ctx.logger.warn(`${e.file ?? file}${e.line === undefined ? '' : `:${e.line}:${e.column ?? 1}`}: ${e.message} (${e.code})`);
          } else if (r.kind === 'message') {
            ctx.logger.info(`engine: ${file}: ${r.message}`);
          }
        }
        if (errors.length > 0) throw new Error(`${file}: ${errors.length} statement${errors.length === 1 ? '' : 's'} failed`);
      }
    } catch (err) {
      await close();
      throw err;
    }
    ctx.shared.set('engine', engine);
    const n = engine.runningQueries.length;
    return { describe: `engine (${n} quer${n === 1 ? 'y' : 'ies'})`, close };
  },
};
