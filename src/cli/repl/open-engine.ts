/**
 * The engine a REPL session talks to: a running server's HTTP API
 * (`--server URL`), or the engine embedded in this process.
 */
import { GaleError } from '../../errors.js';
import type { EngineApi } from '../../engine/api.js';
import { HttpEngineClient } from '../../engine/http/client.js';

export interface OpenedEngine {
  readonly engine: EngineApi;
  /** for the banner: where statements go */
  readonly describe: string;
  close(): Promise<void>;
}

export interface OpenEngineOptions {
  readonly server?: string;
  readonly dataDir?: string;
}

export async function openReplEngine(opts: OpenEngineOptions): Promise<OpenedEngine> {
  if (opts.server !== undefined) return openServer(opts.server);
  throw new GaleError('GALE_ERR_CLI_NO_ENGINE', 'the embedded engine is not available in this build; use gale repl --server URL');
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
