/**
 * Request and response headers.
 *
 *   Request header v1  => api_key INT16 api_version INT16 correlation_id INT32 client_id NULLABLE_STRING
 *   Request header v2  => v1 + TAGGED_FIELDS            (flexible request versions)
 *   Response header v0 => correlation_id INT32
 *   Response header v1 => correlation_id INT32 TAGGED_FIELDS   (flexible response versions)
 *
 * client_id keeps its classic INT16 length even in header v2. ApiVersions
 * always answers with response header v0, whatever the version (clients
 * must be able to read it before they know what the broker speaks).
 */
import type { ByteReader } from '../../wire/byte-reader.js';
import { readTaggedFields } from './codec.js';

export interface RequestHeader {
  readonly apiKey: number;
  readonly apiVersion: number;
  readonly correlationId: number;
  readonly clientId: string | null;
}

/** The fixed 8-byte prefix every request starts with; enough to route and to answer. */
export interface RequestPrefix {
  readonly apiKey: number;
  readonly apiVersion: number;
  readonly correlationId: number;
}

export function readRequestPrefix(r: ByteReader): RequestPrefix {
  return { apiKey: r.int16(), apiVersion: r.int16(), correlationId: r.int32() };
}

/** Reads the rest of a request header (v1 or v2) after its prefix. */
export function readRequestHeaderRest(r: ByteReader, prefix: RequestPrefix, flexible: boolean): RequestHeader {
  const n = r.int16();
  const clientId = n < 0 ? null : r.utf8(n);
  if (flexible) readTaggedFields(r, [], {});
  return { ...prefix, clientId };
}

/** Response header size in bytes for the given header version (0 or 1, with an empty tag block). */
export function responseHeaderBytes(headerVersion: 0 | 1): number {
  return headerVersion === 0 ? 4 : 5;
}
