/**
 * Raw HTTP helpers for the API tests: JSON requests, and a push query read
 * line by line from the wire (node:http, no client library), so the tests
 * see exactly what a curl user would.
 */
import { request } from 'node:http';
import type { ClientRequest, IncomingMessage } from 'node:http';

export interface JsonResponse {
  readonly status: number;
  readonly headers: IncomingMessage['headers'];
  readonly body: unknown;
  readonly text: string;
}

export function httpJson(
  port: number,
  method: string,
  path: string,
  body?: string | Buffer,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): Promise<JsonResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parsed, text });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** A push query read from the wire: lines as they come, and a way to hang up. */
export interface StreamingQuery {
  readonly status: number;
  readonly contentType: string | undefined;
  /** resolves with the next line (parsed JSON), or undefined when the stream ended */
  next(): Promise<unknown>;
  /** the client disconnects */
  hangUp(): void;
  readonly req: ClientRequest;
  readonly res: IncomingMessage;
}

export function streamQuery(port: number, body: unknown, path = '/query-stream'): Promise<StreamingQuery> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path, headers: { 'content-type': 'application/json' } }, (res) => {
      const lines: string[] = [];
      const waiters: ((v: unknown) => void)[] = [];
      let rest = '';
      let ended = false;
      const deliver = (): void => {
        while (waiters.length > 0 && (lines.length > 0 || ended)) {
          const w = waiters.shift()!;
          const line = lines.shift();
          w(line === undefined ? undefined : JSON.parse(line));
        }
      };
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        rest += chunk;
        const parts = rest.split('\n');
        rest = parts.pop() ?? '';
        lines.push(...parts.filter((p) => p.trim() !== ''));
        deliver();
      });
      const finish = (): void => {
        if (rest.trim() !== '') lines.push(rest);
        rest = '';
        ended = true;
        deliver();
      };
      res.on('end', finish);
      res.on('error', finish);
      res.on('close', finish);
      resolve({
        status: res.statusCode ?? 0,
        contentType: res.headers['content-type'],
        next: () =>
          new Promise((r) => {
            waiters.push(r);
            deliver();
          }),
        hangUp: () => req.destroy(),
        req,
        res,
      });
    });
    req.on('error', (err) => reject(err));
    req.end(JSON.stringify(body));
  });
}

/** Polls `check` until it holds (no timing asserted: the test timeout bounds it). */
export async function eventually(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
