/**
 * The engine a REPL session talks to: a running server's HTTP API
 * (`--server URL`), or the engine embedded in this process.
 *
 * The embedded engine is started exactly as `gale serve` starts it, by the
 * same services with every port off: the coordinator (its store in
 * <data-dir>/coord), then the engine (its log in <data-dir>/log). Without
 * --data-dir the data lives in a temporary directory removed on exit; with
 * one, the catalog and persistent queries outlive the session.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { EngineApi } from '../../engine/api.js';
import { HttpEngineClient } from '../../engine/http/client.js';
import { engineService } from '../serve/engine-service.js';
import type { RunningService, ServeContext } from '../serve/service.js';
import { zookeeperService } from '../serve/zookeeper-service.js';

export interface OpenedEngine {
  readonly engine: EngineApi;
  /** for the banner: where statements go */
  readonly describe: string;
  close(): Promise<void>;
}

export interface OpenEngineOptions {
  readonly server?: string;
  readonly dataDir?: string;
  /** where the embedded engine's warnings go (its info lines are not shown) */
  readonly warn?: (msg: string) => void;
}

export async function openReplEngine(opts: OpenEngineOptions): Promise<OpenedEngine> {
  if (opts.server !== undefined) return openServer(opts.server);
  return openEmbedded(opts);
}

async function openServer(url: string): Promise<OpenedEngine> {
  const client = new HttpEngineClient({ url });
  const info = await client.info();
  return {
    engine: client,
    describe: `connected to ${info.server} ${info.version} at ${url}`,
    close: () => client.close(),
  };
}

async function openEmbedded(opts: OpenEngineOptions): Promise<OpenedEngine> {
  const temporary = opts.dataDir === undefined;
  const dataDir = temporary ? mkdtempSync(join(tmpdir(), 'gale-repl-')) : resolve(opts.dataDir!);
  mkdirSync(dataDir, { recursive: true });
  const warn = opts.warn ?? ((m: string) => process.stderr.write(`warn: ${m}\n`));
  const ctx: ServeContext = {
    dataDir,
    bind: '127.0.0.1',
    advertisedHost: '127.0.0.1',
    options: { zkPort: -1, kafkaPort: -1, httpPort: -1, flush: 'always' },
    logger: { info: () => {}, warn },
    shared: new Map(),
  };
  const running: RunningService[] = [];
  const close = async (): Promise<void> => {
    for (const s of running.reverse()) {
      try {
        await s.close();
      } catch (err) {
        warn(`stopping the engine: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    running.length = 0;
    if (temporary) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    for (const svc of [zookeeperService, engineService]) {
      if (svc.enabled(ctx)) running.push(await svc.start(ctx));
    }
  } catch (err) {
    await close();
    throw err;
  }
  const engine = ctx.shared.get('engine') as EngineApi | undefined;
  if (engine === undefined) {
    await close();
    throw new Error('the embedded engine did not start');
  }
  return {
    engine,
    describe: temporary ? 'embedded engine (data in a temporary directory)' : `embedded engine (data in ${dataDir})`,
    close,
  };
}
