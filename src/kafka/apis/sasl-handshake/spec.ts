/**
 * SaslHandshake (api key 17), versions 0-1.
 * Transcribed from apache/kafka clients/src/main/resources/common/message/
 * SaslHandshakeRequest.json and SaslHandshakeResponse.json @1eb7644 by
 * src/kafka/protocol/transcribe.ts, then maintained by hand.
 *
 *   SaslHandshakeRequest (versions 0-1, flexible none)
 *     Mechanism: string [0+]
 *
 *   SaslHandshakeResponse (versions 0-1, flexible none)
 *     ErrorCode: int16 [0+]
 *     Mechanisms: []string [0+]
 */
import type { ApiSpec, MessageSpec } from '../../protocol/spec.js';
import type { Versions } from '../../protocol/versions.js';

export const saslHandshakeRequest = {
  name: 'SaslHandshakeRequest',
  apiKey: 17,
  type: 'request',
  validVersions: '0-1',
  flexibleVersions: 'none',
  fields: [
    { name: 'mechanism', type: 'string', versions: '0+' },
  ],
} as const satisfies MessageSpec;

export const saslHandshakeResponse = {
  name: 'SaslHandshakeResponse',
  apiKey: 17,
  type: 'response',
  validVersions: '0-1',
  flexibleVersions: 'none',
  fields: [
    { name: 'errorCode', type: 'int16', versions: '0+' },
    { name: 'mechanisms', type: 'array', items: 'string', versions: '0+' },
  ],
} as const satisfies MessageSpec;

export const saslHandshakeApi = {
  apiKey: 17,
  name: 'SaslHandshake',
  request: saslHandshakeRequest,
  response: saslHandshakeResponse,
} as const satisfies ApiSpec;

/**
 * Meaning the fields do not carry: after a v0 handshake the client sends the
 * SASL tokens as raw frames; from v1 it wraps them in SaslAuthenticate.
 */
export const rawTokensAfter: Versions = '0';
