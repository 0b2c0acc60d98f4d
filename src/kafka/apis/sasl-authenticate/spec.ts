/**
 * SaslAuthenticate (api key 36), versions 0-2.
 * Transcribed from apache/kafka clients/src/main/resources/common/message/
 * SaslAuthenticateRequest.json and SaslAuthenticateResponse.json @1eb7644 by
 * src/kafka/protocol/transcribe.ts, then maintained by hand.
 *
 *   SaslAuthenticateRequest (versions 0-2, flexible 2+)
 *     AuthBytes: bytes [0+]
 *
 *   SaslAuthenticateResponse (versions 0-2, flexible 2+)
 *     ErrorCode: int16 [0+]
 *     ErrorMessage: string [0+] null 0+
 *     AuthBytes: bytes [0+]
 *     SessionLifetimeMs: int64 [1+] default 0
 */
import type { ApiSpec, MessageSpec } from '../../protocol/spec.js';

export const saslAuthenticateRequest = {
  name: 'SaslAuthenticateRequest',
  apiKey: 36,
  type: 'request',
  validVersions: '0-2',
  flexibleVersions: '2+',
  fields: [
    { name: 'authBytes', type: 'bytes', versions: '0+' },
  ],
} as const satisfies MessageSpec;

export const saslAuthenticateResponse = {
  name: 'SaslAuthenticateResponse',
  apiKey: 36,
  type: 'response',
  validVersions: '0-2',
  flexibleVersions: '2+',
  fields: [
    { name: 'errorCode', type: 'int16', versions: '0+' },
    { name: 'errorMessage', type: 'string', versions: '0+', nullableVersions: '0+' },
    { name: 'authBytes', type: 'bytes', versions: '0+' },
    { name: 'sessionLifetimeMs', type: 'int64', versions: '1+', default: 0n },
  ],
} as const satisfies MessageSpec;

export const saslAuthenticateApi = {
  apiKey: 36,
  name: 'SaslAuthenticate',
  request: saslAuthenticateRequest,
  response: saslAuthenticateResponse,
} as const satisfies ApiSpec;
