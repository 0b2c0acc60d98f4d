/**
 * Typed errors of the HTTP API (server and client), as data: each code has
 * the HTTP status the server answers with and what it means. SQL errors are
 * not here: they keep the engine's own codes (`GALE_ERR_SQL_*`, ...) and are
 * answered with 400.
 */
import { GaleError } from '../../errors.js';

export const httpErrors = {
  GALE_ERR_HTTP_MALFORMED_JSON: { status: 400, about: 'the request body is not valid JSON' },
  GALE_ERR_HTTP_BAD_REQUEST: {
    status: 400,
    about: 'the request body is JSON but not of the expected shape (e.g. no "ksql" string)',
  },
  GALE_ERR_HTTP_NOT_A_PUSH_QUERY: {
    status: 400,
    about: 'POST /query was given something other than exactly one SELECT without INTO',
  },
  GALE_ERR_HTTP_NOT_FOUND: { status: 404, about: 'no such endpoint' },
  GALE_ERR_HTTP_METHOD_NOT_ALLOWED: { status: 405, about: 'the endpoint exists but not for this HTTP method' },
  GALE_ERR_HTTP_BODY_TOO_LARGE: { status: 413, about: 'the request body is larger than the server accepts' },
  GALE_ERR_HTTP_UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    about: 'the request body is declared as something other than JSON',
  },
  GALE_ERR_HTTP_TOO_MANY_QUERIES: {
    status: 429,
    about: 'the server already runs as many push queries as it allows at once',
  },
  GALE_ERR_HTTP_INTERNAL: {
    status: 500,
    about: 'the engine failed in a way that is not a SQL error (the server log has the details)',
  },
  // client side (HttpEngineClient)
  GALE_ERR_HTTP_UNREACHABLE: { status: 0, about: 'the client could not connect to the server' },
  GALE_ERR_HTTP_BAD_RESPONSE: { status: 0, about: 'the server answered with something the client does not understand' },
} as const;

export type HttpErrorCode = keyof typeof httpErrors;

export class HttpApiError extends GaleError<HttpErrorCode> {
  override readonly name = 'HttpApiError';

  get status(): number {
    return httpErrors[this.code].status;
  }
}
