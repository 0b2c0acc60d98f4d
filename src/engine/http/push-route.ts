/**
 * POST /query (and /query-stream): one push query whose rows stream back as
 * NDJSON (protocol.ts). The response starts only once the engine says the
 * query runs (onStart), so a query that does not start is a plain 400 with a
 * JSON error. A client that disconnects aborts the query; a client that
 * reads too slowly (more than `maxBufferedBytes` waiting) has its query
 * stopped, so no client can make the server hold unbounded rows.
 */
import type { ServerResponse } from 'node:http';
import type { Column, EngineApi } from '../api.js';
import { HttpApiError } from './errors.js';
import { NDJSON_CONTENT_TYPE, encodeRow, headerOf, pushQueryCheck } from './protocol.js';
import type { ErrorLine, QueryEndLine } from './protocol.js';
import { classifyError } from './statement-error.js';

export interface PushRouteContext {
  readonly engine: EngineApi;
  readonly maxBufferedBytes: number;
  /** a blank line is sent after this long without output */
  readonly keepAliveMs: number;
  readonly logger: { warn(msg: string): void };
  /** answers a request with a JSON error (status from the error) */
  readonly sendError: (res: ServerResponse, err: unknown, source?: string) => void;
}

export interface PushRequest {
  readonly sql: string;
  readonly properties: Readonly<Record<string, string>>;
}

/**
 * Runs the query for this response; resolves when the response is over.
 * `abort` is the controller the server aborts on shutdown.
 */
export async function runPushQuery(
  ctx: PushRouteContext,
  req: PushRequest,
  res: ServerResponse,
  abort: AbortController,
): Promise<void> {
  const check = pushQueryCheck(req.sql);
  if (!check.ok) {
    if (check.syntax !== undefined) {
      ctx.sendError(res, { error: check.syntax });
    } else {
      ctx.sendError(
        res,
        new HttpApiError('GALE_ERR_HTTP_NOT_A_PUSH_QUERY', 'POST /query takes exactly one SELECT without INTO; send other statements to POST /ksql'),
      );
    }
    return;
  }

  // the client going away (before or during the stream) stops the query
  const onClose = (): void => {
    if (!res.writableFinished) abort.abort();
  };
  res.on('close', onClose);

  let columns: readonly Column[] = [];
  let started = false;
  let pending: string[] = [];
  let flushScheduled = false;
  // rows arriving in one tick go out in one write (one chunk), not one write per row
  const flush = (): void => {
    flushScheduled = false;
    if (pending.length === 0 || res.destroyed) return;
    res.write(pending.join(''));
    pending = [];
    lastWrite = Date.now();
    if (res.writableLength > ctx.maxBufferedBytes && !abort.signal.aborted) {
      ctx.logger.warn(`http: push query stopped: the client is not reading (${res.writableLength} bytes waiting)`);
      res.destroy();
      abort.abort();
    }
  };
  const send = (value: unknown): void => {
    pending.push(`${JSON.stringify(value)}\n`);
    if (!flushScheduled) {
      flushScheduled = true;
      setImmediate(flush);
    }
  };
  // a quiet query still sends a blank line now and then, so that clients and proxies
  // with idle timeouts (fetch's body timeout is 5 minutes) keep the stream open
  let lastWrite = Date.now();
  const keepAlive = setInterval(() => {
    if (Date.now() - lastWrite >= ctx.keepAliveMs && !res.destroyed) {
      res.write('\n');
      lastWrite = Date.now();
    }
  }, ctx.keepAliveMs);
  keepAlive.unref();
  const start = (queryId: string, cols: readonly Column[]): void => {
    if (started) return;
    started = true;
    columns = cols;
    res.writeHead(200, { 'content-type': NDJSON_CONTENT_TYPE, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    // push the header out at once, so a client sees the query started before any row
    res.flushHeaders();
    send(headerOf(queryId, cols));
  };

  try {
    const end = await ctx.engine.push(req.sql, {
      properties: req.properties,
      signal: abort.signal,
      onStart: (info) => start(info.queryId, info.columns),
      onRow: (row) => {
        if (!started) start('', []);
        if (!abort.signal.aborted) send(encodeRow(columns, row));
      },
    });
    if (res.destroyed) return;
    if (!started) start('', []);
    const last: QueryEndLine = { end: { reason: end.reason, rows: end.rows } };
    send(last);
    flush();
    res.end();
  } catch (err) {
    if (res.destroyed) return;
    if (!started) {
      ctx.sendError(res, err, req.sql);
      return;
    }
    const c = classifyError(err, req.sql);
    if (c.internal) ctx.logger.warn(`http: push query failed: ${c.cause instanceof Error ? (c.cause.stack ?? c.cause.message) : String(c.cause)}`);
    const line: ErrorLine = { error: c.error };
    send(line);
    flush();
    res.end();
  } finally {
    clearInterval(keepAlive);
    res.off('close', onClose);
  }
}
