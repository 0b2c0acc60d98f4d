/**
 * HttpEngineClient: the EngineApi over a running `gale serve`'s HTTP API
 * (protocol.ts), so `gale repl --server URL` works like the embedded REPL.
 * Push query rows are parsed as they arrive (NDJSON, line by line); aborting
 * the signal closes the request, which stops the query on the server.
 */
import type {
  CompletionCatalog,
  EngineApi,
  ExecuteOptions,
  PushQueryEnd,
  PushQueryOptions,
  StatementError,
  StatementResult,
} from '../api.js';
import { HttpApiError } from './errors.js';
import { columnsOf, decodeRow } from './protocol.js';
import type { Column } from '../api.js';
import type { ErrorBody, QueryHeader } from './protocol.js';
import { StatementFailed } from '../statement-errors.js';

export interface HttpEngineClientOptions {
  /** e.g. http://127.0.0.1:8088 */
  readonly url: string;
}

export class HttpEngineClient implements EngineApi {
  private readonly base: string;
  private readonly inFlight = new Set<AbortController>();

  constructor(opts: HttpEngineClientOptions) {
    let u: URL;
    try {
      u = new URL(opts.url);
    } catch {
      throw new HttpApiError('GALE_ERR_HTTP_UNREACHABLE', `not a URL: ${opts.url} (expected e.g. http://127.0.0.1:8088)`);
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') {
      throw new HttpApiError('GALE_ERR_HTTP_UNREACHABLE', `not an http(s) URL: ${opts.url}`);
    }
    this.base = u.origin + u.pathname.replace(/\/+$/, '');
  }

  /** GET /info: the server's name, version and status. */
  async info(): Promise<{ server: string; version: string; status: string }> {
    return (await this.getJson('/info')) as { server: string; version: string; status: string };
  }

  async execute(sql: string, opts: ExecuteOptions = {}): Promise<StatementResult[]> {
    const res = await this.request('/ksql', {
      method: 'POST',
      body: JSON.stringify({ ksql: sql, streamsProperties: opts.properties ?? {} }),
    });
    const body = await readJson(res);
    if (res.status === 200 && Array.isArray(body)) return body as StatementResult[];
    const err = errorOf(body);
    if (res.status >= 400 && res.status < 500 && err !== undefined) {
      if (Array.isArray((body as ErrorBody).results)) return [...(body as ErrorBody).results!];
      // the request as a whole was refused (e.g. too large): one error for the whole text
      return [{ kind: 'error', statement: sql, error: err }];
    }
    throw unexpected(res.status, body);
  }

  async push(sql: string, opts: PushQueryOptions): Promise<PushQueryEnd> {
    if (opts.signal.aborted) return { reason: 'cancelled', rows: 0 };
    const abort = new AbortController();
    const onAbort = (): void => abort.abort();
    opts.signal.addEventListener('abort', onAbort, { once: true });
    this.inFlight.add(abort);
    let rows = 0;
    try {
      const res = await this.request('/query-stream', {
        method: 'POST',
        body: JSON.stringify({ sql, properties: opts.properties ?? {} }),
        signal: abort.signal,
      });
      if (res.status !== 200) {
        const body = await readJson(res);
        const err = errorOf(body);
        if (err !== undefined && res.status < 500) throw new StatementFailed(err);
        throw unexpected(res.status, body);
      }
      if (res.body === null) throw new HttpApiError('GALE_ERR_HTTP_BAD_RESPONSE', 'the server sent no query stream');
      let columns: Column[] | undefined;
      for await (const line of ndjsonLines(res.body)) {
        const value = parseLine(line);
        if (columns === undefined) {
          const header = value as QueryHeader;
          if (!isHeader(header)) throw new HttpApiError('GALE_ERR_HTTP_BAD_RESPONSE', `expected a query header, got ${line.slice(0, 200)}`);
          columns = columnsOf(header);
          opts.onStart?.({ queryId: header.queryId, columns });
        } else if (Array.isArray(value)) {
          rows++;
          opts.onRow(decodeRow(columns, value));
        } else if (isObject(value) && isObject(value['end'])) {
          const reason = value['end']['reason'] === 'cancelled' ? 'cancelled' : 'completed';
          return { reason, rows };
        } else if (isObject(value) && errorOf(value) !== undefined) {
          throw new StatementFailed(errorOf(value)!);
        } else {
          throw new HttpApiError('GALE_ERR_HTTP_BAD_RESPONSE', `unexpected line in the query stream: ${line.slice(0, 200)}`);
        }
      }
      if (opts.signal.aborted) return { reason: 'cancelled', rows };
      throw new HttpApiError('GALE_ERR_HTTP_BAD_RESPONSE', 'the server closed the query stream before the query ended');
    } catch (err) {
      if (opts.signal.aborted) return { reason: 'cancelled', rows };
      throw err;
    } finally {
      opts.signal.removeEventListener('abort', onAbort);
      this.inFlight.delete(abort);
      abort.abort();
    }
  }

  async completions(): Promise<CompletionCatalog> {
    return (await this.getJson('/completions')) as CompletionCatalog;
  }

  async close(): Promise<void> {
    for (const a of this.inFlight) a.abort();
    this.inFlight.clear();
  }

  private async getJson(path: string): Promise<unknown> {
    const res = await this.request(path, { method: 'GET' });
    const body = await readJson(res);
    if (res.status !== 200) throw unexpected(res.status, body);
    return body;
  }

  private async request(path: string, init: { method: string; body?: string; signal?: AbortSignal }): Promise<Response> {
    try {
      return await fetch(this.base + path, {
        method: init.method,
        headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
        ...(init.body === undefined ? {} : { body: init.body }),
        ...(init.signal === undefined ? {} : { signal: init.signal }),
      });
    } catch (err) {
      if (init.signal?.aborted === true) throw err;
      const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : errorText(err);
      throw new HttpApiError('GALE_ERR_HTTP_UNREACHABLE', `cannot reach Gale at ${this.base}: ${cause}`, { cause: err, retriable: true });
    }
  }
}

/** Lines of an NDJSON body as they arrive (a line may span chunks). */
async function* ndjsonLines(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let rest = '';
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    rest += decoder.decode(chunk, { stream: true });
    let nl = rest.indexOf('\n');
    while (nl >= 0) {
      const line = rest.slice(0, nl).trim();
      rest = rest.slice(nl + 1);
      if (line !== '') yield line;
      nl = rest.indexOf('\n');
    }
  }
  rest += decoder.decode();
  if (rest.trim() !== '') yield rest.trim();
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    throw new HttpApiError('GALE_ERR_HTTP_BAD_RESPONSE', `the query stream has a line that is not JSON: ${line.slice(0, 200)}`);
  }
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpApiError('GALE_ERR_HTTP_BAD_RESPONSE', `HTTP ${res.status} with a body that is not JSON: ${text.slice(0, 200)}`);
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isHeader(v: unknown): v is QueryHeader {
  return isObject(v) && typeof v['queryId'] === 'string' && Array.isArray(v['columnNames']) && Array.isArray(v['columnTypes']);
}

function errorOf(body: unknown): StatementError | undefined {
  if (!isObject(body)) return undefined;
  const e = body['error'];
  if (!isObject(e) || typeof e['code'] !== 'string' || typeof e['message'] !== 'string') return undefined;
  return e as unknown as StatementError;
}

function unexpected(status: number, body: unknown): HttpApiError {
  const err = errorOf(body);
  const text = err !== undefined ? `${err.message} [${err.code}]` : JSON.stringify(body).slice(0, 200);
  return new HttpApiError('GALE_ERR_HTTP_BAD_RESPONSE', `the server answered HTTP ${status}: ${text}`);
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
