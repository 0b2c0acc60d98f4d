/**
 * SyncGroup (api key 14), versions 0-4.
 * Transcribed from apache/kafka clients/src/main/resources/common/message/
 * SyncGroupRequest.json and SyncGroupResponse.json @1eb7644 by
 * src/kafka/protocol/transcribe.ts, then maintained by hand.
 *
 *   SyncGroupRequest (versions 0-4, flexible 4+)
 *     GroupId: string [0+]
 *     GenerationId: int32 [0+]
 *     MemberId: string [0+]
 *     GroupInstanceId: string [3+] null 3+ default null
 *     Assignments: []SyncGroupRequestAssignment [0+]
 *       MemberId: string [0+]
 *       Assignment: bytes [0+]
 *
 *   SyncGroupResponse (versions 0-4, flexible 4+)
 *     ThrottleTimeMs: int32 [1+]
 *     ErrorCode: int16 [0+]
 *     Assignment: bytes [0+]
 */
import type { ApiSpec, MessageSpec } from '../../protocol/spec.js';

export const syncGroupRequest = {
  name: 'SyncGroupRequest',
  apiKey: 14,
  type: 'request',
  validVersions: '0-4',
  flexibleVersions: '4+',
  fields: [
    { name: 'groupId', type: 'string', versions: '0+' },
    { name: 'generationId', type: 'int32', versions: '0+' },
    { name: 'memberId', type: 'string', versions: '0+' },
    { name: 'groupInstanceId', type: 'string', versions: '3+', nullableVersions: '3+', default: null },
    { name: 'assignments', type: 'array', struct: 'SyncGroupRequestAssignment', versions: '0+', items: [
        { name: 'memberId', type: 'string', versions: '0+' },
        { name: 'assignment', type: 'bytes', versions: '0+' },
      ] },
  ],
} as const satisfies MessageSpec;

export const syncGroupResponse = {
  name: 'SyncGroupResponse',
  apiKey: 14,
  type: 'response',
  validVersions: '0-4',
  flexibleVersions: '4+',
  fields: [
    { name: 'throttleTimeMs', type: 'int32', versions: '1+' },
    { name: 'errorCode', type: 'int16', versions: '0+' },
    { name: 'assignment', type: 'bytes', versions: '0+' },
  ],
} as const satisfies MessageSpec;

export const syncGroupApi = {
  apiKey: 14,
  name: 'SyncGroup',
  request: syncGroupRequest,
  response: syncGroupResponse,
} as const satisfies ApiSpec;
