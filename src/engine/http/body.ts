/**
 * Reading a request body as JSON, within a byte limit. A body over the limit
 * is refused as soon as its declared length (or the bytes read so far) pass
 * it, without buffering the rest; the connection is then closed by the
 * caller so the client stops sending.
 */
import type { IncomingMessage } from 'node:http';
import { HttpApiError } from './errors.js';

export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const type = req.headers['content-type'];
  // JSON types, and the ones plain tools send by default (curl -d: form-urlencoded) with JSON in them
  if (type !== undefined && !/^application\/(?:[\w.+-]*\+)?json\b|^application\/vnd\.ksql|^text\/plain\b|^application\/x-www-form-urlencoded\b/i.test(type)) {
    throw new HttpApiError('GALE_ERR_HTTP_UNSUPPORTED_MEDIA_TYPE', `expected a JSON body, got content-type ${type}`);
  }
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    throw new HttpApiError('GALE_ERR_HTTP_BODY_TOO_LARGE', `the request body (${declared} bytes) is larger than the limit of ${maxBytes} bytes`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      throw new HttpApiError('GALE_ERR_HTTP_BODY_TOO_LARGE', `the request body is larger than the limit of ${maxBytes} bytes`);
    }
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') throw new HttpApiError('GALE_ERR_HTTP_BAD_REQUEST', 'the request has no body; expected a JSON object');
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new HttpApiError('GALE_ERR_HTTP_MALFORMED_JSON', `the request body is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** The object's string field `names[0]` (or the first alias present); a typed error if absent or not a string. */
export function stringField(body: unknown, names: readonly string[]): string {
  const obj = objectBody(body);
  for (const name of names) {
    const v = obj[name];
    if (v === undefined) continue;
    if (typeof v !== 'string') throw new HttpApiError('GALE_ERR_HTTP_BAD_REQUEST', `"${name}" must be a string`);
    return v;
  }
  throw new HttpApiError('GALE_ERR_HTTP_BAD_REQUEST', `the request body has no "${names[0] ?? ''}" string`);
}

/** Session properties: a JSON object whose values are strings, numbers or booleans (kept as strings). */
export function propertiesField(body: unknown, names: readonly string[]): Record<string, string> {
  const obj = objectBody(body);
  for (const name of names) {
    const v = obj[name];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'object' || Array.isArray(v)) {
      throw new HttpApiError('GALE_ERR_HTTP_BAD_REQUEST', `"${name}" must be an object of property names to values`);
    }
    const props: Record<string, string> = {};
    for (const [k, value] of Object.entries(v as Record<string, unknown>)) {
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
        throw new HttpApiError('GALE_ERR_HTTP_BAD_REQUEST', `property "${k}" must be a string, number or boolean`);
      }
      props[k] = String(value);
    }
    return props;
  }
  return {};
}

function objectBody(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpApiError('GALE_ERR_HTTP_BAD_REQUEST', 'the request body must be a JSON object');
  }
  return body as Record<string, unknown>;
}
