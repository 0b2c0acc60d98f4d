/**
 * The HTTP API (src/engine/http) as a `gale serve` service: serves the
 * engine that the engine service shared as `engine`, on --bind and
 * --http-port (default 8088, 0 = any free port, -1 = off).
 */
import type { EngineApi } from '../../engine/api.js';
import { HttpApiServer } from '../../engine/http/server.js';
import type { RunningService, ServeContext, Service } from './service.js';

function httpPort(ctx: ServeContext): number {
  return Number(ctx.options['httpPort'] ?? 8088);
}

export const httpService: Service = {
  name: 'http',
  enabled(ctx) {
    if (httpPort(ctx) === -1) return false;
    if (!ctx.shared.has('engine')) {
      ctx.logger.warn('http: no engine is running, so the HTTP API is off');
      return false;
    }
    return true;
  },
  async start(ctx: ServeContext): Promise<RunningService> {
    const engine = ctx.shared.get('engine') as EngineApi;
    const server = await HttpApiServer.start({
      engine,
      host: ctx.bind,
      port: httpPort(ctx),
      logger: ctx.logger,
    });
    const host = ctx.bind.includes(':') ? `[${ctx.bind}]` : ctx.bind;
    return {
      describe: `HTTP on ${host}:${server.port}`,
      close: () => server.close(),
    };
  },
};
