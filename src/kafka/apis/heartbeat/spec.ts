/**
 * Heartbeat (api key 12), versions 0-4.
 * Transcribed from apache/kafka clients/src/main/resources/common/message/
 * HeartbeatRequest.json and HeartbeatResponse.json @1eb7644 by
 * src/kafka/protocol/transcribe.ts, then maintained by hand.
 *
 *   HeartbeatRequest (versions 0-4, flexible 4+)
 *     GroupId: string [0+]
 *     GenerationId: int32 [0+]
 *     MemberId: string [0+]
 *     GroupInstanceId: string [3+] null 3+ default null
 *
 *   HeartbeatResponse (versions 0-4, flexible 4+)
 *     ThrottleTimeMs: int32 [1+]
 *     ErrorCode: int16 [0+]
 */
import type { ApiSpec, MessageSpec } from '../../protocol/spec.js';

export const heartbeatRequest = {
  name: 'HeartbeatRequest',
  apiKey: 12,
  type: 'request',
  validVersions: '0-4',
  flexibleVersions: '4+',
  fields: [
    { name: 'groupId', type: 'string', versions: '0+' },
    { name: 'generationId', type: 'int32', versions: '0+' },
    { name: 'memberId', type: 'string', versions: '0+' },
    { name: 'groupInstanceId', type: 'string', versions: '3+', nullableVersions: '3+', default: null },
  ],
} as const satisfies MessageSpec;

export const heartbeatResponse = {
  name: 'HeartbeatResponse',
  apiKey: 12,
  type: 'response',
  validVersions: '0-4',
  flexibleVersions: '4+',
  fields: [
    { name: 'throttleTimeMs', type: 'int32', versions: '1+' },
    { name: 'errorCode', type: 'int16', versions: '0+' },
  ],
} as const satisfies MessageSpec;

export const heartbeatApi = {
  apiKey: 12,
  name: 'Heartbeat',
  request: heartbeatRequest,
  response: heartbeatResponse,
} as const satisfies ApiSpec;
