/**
 * FindCoordinator (api key 10), versions 0-4.
 * Transcribed from apache/kafka clients/src/main/resources/common/message/
 * FindCoordinatorRequest.json and FindCoordinatorResponse.json @1eb7644 by
 * src/kafka/protocol/transcribe.ts, then maintained by hand.
 *
 *   FindCoordinatorRequest (versions 0-4, flexible 3+)
 *     Key: string [0-3]
 *     KeyType: int8 [1+] default 0
 *     CoordinatorKeys: []string [4+]
 *
 *   FindCoordinatorResponse (versions 0-4, flexible 3+)
 *     ThrottleTimeMs: int32 [1+]
 *     ErrorCode: int16 [0-3]
 *     ErrorMessage: string [1-3] null 1-3
 *     NodeId: int32 [0-3]
 *     Host: string [0-3]
 *     Port: int32 [0-3]
 *     Coordinators: []Coordinator [4+]
 *       Key: string [4+]
 *       NodeId: int32 [4+]
 *       Host: string [4+]
 *       Port: int32 [4+]
 *       ErrorCode: int16 [4+]
 *       ErrorMessage: string [4+] null 4+
 */
import type { ApiSpec, MessageSpec } from '../../protocol/spec.js';

export const findCoordinatorRequest = {
  name: 'FindCoordinatorRequest',
  apiKey: 10,
  type: 'request',
  validVersions: '0-4',
  flexibleVersions: '3+',
  fields: [
    { name: 'key', type: 'string', versions: '0-3' },
    { name: 'keyType', type: 'int8', versions: '1+', default: 0 },
    { name: 'coordinatorKeys', type: 'array', items: 'string', versions: '4+' },
  ],
} as const satisfies MessageSpec;

export const findCoordinatorResponse = {
  name: 'FindCoordinatorResponse',
  apiKey: 10,
  type: 'response',
  validVersions: '0-4',
  flexibleVersions: '3+',
  fields: [
    { name: 'throttleTimeMs', type: 'int32', versions: '1+' },
    { name: 'errorCode', type: 'int16', versions: '0-3' },
    { name: 'errorMessage', type: 'string', versions: '1-3', nullableVersions: '1-3' },
    { name: 'nodeId', type: 'int32', versions: '0-3' },
    { name: 'host', type: 'string', versions: '0-3' },
    { name: 'port', type: 'int32', versions: '0-3' },
    { name: 'coordinators', type: 'array', struct: 'Coordinator', versions: '4+', items: [
        { name: 'key', type: 'string', versions: '4+' },
        { name: 'nodeId', type: 'int32', versions: '4+' },
        { name: 'host', type: 'string', versions: '4+' },
        { name: 'port', type: 'int32', versions: '4+' },
        { name: 'errorCode', type: 'int16', versions: '4+' },
        { name: 'errorMessage', type: 'string', versions: '4+', nullableVersions: '4+' },
      ] },
  ],
} as const satisfies MessageSpec;

export const findCoordinatorApi = {
  apiKey: 10,
  name: 'FindCoordinator',
  request: findCoordinatorRequest,
  response: findCoordinatorResponse,
} as const satisfies ApiSpec;
