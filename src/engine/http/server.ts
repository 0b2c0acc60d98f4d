/**
 * The HTTP API over an EngineApi, in the style of ksqlDB's REST API (the
 * messages are in protocol.ts). Plain node:http; every request is answered
 * with JSON (or NDJSON for push queries); nothing a client sends reaches the
 * process as an exception, and no answer carries a stack trace.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EngineApi, StatementResult } from '../api.js';
import { propertiesField, readJsonBody, stringField } from './body.js';
import { HttpApiError } from './errors.js';
import type { ErrorBody } from './protocol.js';
import { runPushQuery } from './push-route.js';
import { ENGINE_INTERNAL, classifyError } from './statement-error.js';

export interface HttpApiOptions {
  readonly engine: EngineApi;
  /** default 127.0.0.1 */
  readonly host?: string;
  /** 0 = any free port */
  readonly port: number;
  /** largest request body accepted (default 1 MiB) */
  readonly maxBodyBytes?: number;
  /** push queries running at once (default 64) */
  readonly maxPushQueries?: number;
  /** bytes a push query may have waiting for a slow client before it is stopped (default 16 MiB) */
  readonly maxBufferedBytes?: number;
  /** a push query with no output for this long sends a blank line (default 15 s) */
  readonly keepAliveMs?: number;
  readonly version?: string;
  readonly logger?: { info(msg: string): void; warn(msg: string): void };
}

const SHOW_ROUTES: Readonly<Record<string, string>> = {
  '/streams': 'SHOW STREAMS;',
  '/tables': 'SHOW TABLES;',
  '/topics': 'SHOW TOPICS;',
  '/queries': 'SHOW QUERIES;',
};

const ROUTES: Readonly<Record<string, 'GET' | 'POST'>> = {
  '/': 'GET',
  '/ksql': 'POST',
  '/query': 'POST',
  '/query-stream': 'POST',
  '/info': 'GET',
  '/healthcheck': 'GET',
  '/completions': 'GET',
  ...Object.fromEntries(Object.keys(SHOW_ROUTES).map((p) => [p, 'GET' as const])),
};

export class HttpApiServer {
  private readonly server: Server;
  private readonly pushQueries = new Set<AbortController>();
  private readonly engine: EngineApi;
  private readonly maxBodyBytes: number;
  private readonly maxPushQueries: number;
  private readonly maxBufferedBytes: number;
  private readonly keepAliveMs: number;
  private readonly version: string;
  private readonly logger: { info(msg: string): void; warn(msg: string): void };
  private closing = false;

  private constructor(opts: HttpApiOptions) {
    this.engine = opts.engine;
    this.maxBodyBytes = opts.maxBodyBytes ?? 1024 * 1024;
    this.maxPushQueries = opts.maxPushQueries ?? 64;
    this.maxBufferedBytes = opts.maxBufferedBytes ?? 16 * 1024 * 1024;
    this.keepAliveMs = opts.keepAliveMs ?? 15_000;
    this.version = opts.version ?? '0.1.0';
    this.logger = opts.logger ?? { info: () => {}, warn: () => {} };
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => this.sendError(res, err));
    });
    // a socket error (reset, garbage before the request line) concerns that one client only
    this.server.on('clientError', (err, socket) => {
      if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
      else socket.destroy();
      this.logger.warn(`http: bad request from a client: ${err.message}`);
    });
  }

  static async start(opts: HttpApiOptions): Promise<HttpApiServer> {
    const api = new HttpApiServer(opts);
    await new Promise<void>((resolve, reject) => {
      api.server.once('error', reject);
      api.server.listen(opts.port, opts.host ?? '127.0.0.1', () => {
        api.server.off('error', reject);
        resolve();
      });
    });
    return api;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  get host(): string {
    return (this.server.address() as AddressInfo).address;
  }

  /** Stops accepting requests, stops every running push query, closes every connection. */
  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    for (const q of this.pushQueries) q.abort();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeIdleConnections();
    // push responses end once their query sees the abort; give them a moment, then cut
    const timer = setTimeout(() => this.server.closeAllConnections(), 2000);
    await closed;
    clearTimeout(timer);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname.replace(/\/+$/, '') || '/';
    const method = ROUTES[path];
    if (method === undefined) throw new HttpApiError('GALE_ERR_HTTP_NOT_FOUND', `no endpoint ${path}`);
    if (req.method !== method) {
      res.setHeader('allow', method);
      throw new HttpApiError('GALE_ERR_HTTP_METHOD_NOT_ALLOWED', `${path} takes ${method}, not ${req.method ?? '?'}`);
    }
    switch (path) {
      case '/ksql':
        return this.ksql(req, res);
      case '/query':
      case '/query-stream':
        return this.query(req, res);
      case '/':
        return sendJson(res, 200, {
          server: 'gale',
          version: this.version,
          endpoints: Object.entries(ROUTES)
            .filter(([p]) => p !== '/')
            .map(([p, m]) => `${m} ${p}`),
        });
      case '/info':
        return sendJson(res, 200, { server: 'gale', version: this.version, status: this.closing ? 'STOPPING' : 'RUNNING' });
      case '/healthcheck':
        return this.healthcheck(res);
      case '/completions':
        return sendJson(res, 200, await this.engine.completions());
      default: {
        const sql = SHOW_ROUTES[path];
        if (sql !== undefined) return this.show(res, sql);
        throw new HttpApiError('GALE_ERR_HTTP_NOT_FOUND', `no endpoint ${path}`);
      }
    }
  }

  private async ksql(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readJsonBody(req, this.maxBodyBytes);
    const sql = stringField(body, ['ksql', 'sql']);
    const properties = propertiesField(body, ['streamsProperties', 'properties']);
    const results = await this.engine.execute(sql, { properties });
    const failed = results.find((r) => r.kind === 'error');
    if (failed === undefined) return sendJson(res, 200, results);
    const answer: ErrorBody = { error: { ...failed.error, statement: failed.statement }, results };
    // a statement the engine failed on through a bug of its own is not the client's fault
    return sendJson(res, failed.error.code === ENGINE_INTERNAL ? 500 : 400, answer);
  }

  private async query(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readJsonBody(req, this.maxBodyBytes);
    const sql = stringField(body, ['sql', 'ksql']);
    const properties = propertiesField(body, ['properties', 'streamsProperties']);
    if (this.closing) throw new HttpApiError('GALE_ERR_HTTP_TOO_MANY_QUERIES', 'the server is shutting down');
    if (this.pushQueries.size >= this.maxPushQueries) {
      throw new HttpApiError('GALE_ERR_HTTP_TOO_MANY_QUERIES', `the server already runs ${this.pushQueries.size} push queries, its limit`);
    }
    const abort = new AbortController();
    this.pushQueries.add(abort);
    try {
      await runPushQuery(
        {
          engine: this.engine,
          maxBufferedBytes: this.maxBufferedBytes,
          keepAliveMs: this.keepAliveMs,
          logger: this.logger,
          sendError: (r, err, source) => this.sendError(r, err, source),
        },
        { sql, properties },
        res,
        abort,
      );
    } finally {
      this.pushQueries.delete(abort);
    }
  }

  private async healthcheck(res: ServerResponse): Promise<void> {
    try {
      await this.engine.completions();
      sendJson(res, 200, { isHealthy: !this.closing, details: { engine: { isHealthy: true } } });
    } catch (err) {
      sendJson(res, 503, { isHealthy: false, details: { engine: { isHealthy: false, message: errorMessage(err) } } });
    }
  }

  private async show(res: ServerResponse, sql: string): Promise<void> {
    const [result] = await this.engine.execute(sql);
    if (result === undefined) throw new Error(`the engine gave no result for ${sql}`);
    if (result.kind === 'error') return sendJson(res, 400, { error: { ...result.error, statement: result.statement } });
    return sendJson(res, 200, result satisfies StatementResult);
  }

  /** Answers with the JSON error for `err`: its own status, 400 for SQL errors, 500 (logged) for bugs. */
  sendError(res: ServerResponse, err: unknown, source?: string): void {
    let status: number;
    let body: ErrorBody;
    if (err instanceof HttpApiError) {
      status = err.status;
      body = { error: { code: err.code, message: err.message } };
      if (err.code === 'GALE_ERR_HTTP_BODY_TOO_LARGE') res.setHeader('connection', 'close');
    } else {
      const c = classifyError(err, source);
      if (c.internal) {
        this.logger.warn(`http: internal error: ${c.cause instanceof Error ? (c.cause.stack ?? c.cause.message) : String(c.cause)}`);
      }
      status = c.internal ? 500 : 400;
      body = { error: c.error };
    }
    if (res.headersSent) {
      res.destroy();
      return;
    }
    sendJson(res, status, body);
  }
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  if (res.destroyed) return;
  const text = JSON.stringify(value);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
