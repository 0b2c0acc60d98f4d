/**
 * LeaveGroup (api key 13), versions 0-4.
 * Transcribed from apache/kafka clients/src/main/resources/common/message/
 * LeaveGroupRequest.json and LeaveGroupResponse.json @1eb7644 by
 * src/kafka/protocol/transcribe.ts, then maintained by hand.
 *
 *   LeaveGroupRequest (versions 0-4, flexible 4+)
 *     GroupId: string [0+]
 *     MemberId: string [0-2]
 *     Members: []MemberIdentity [3+]
 *       MemberId: string [3+]
 *       GroupInstanceId: string [3+] null 3+ default null
 *
 *   LeaveGroupResponse (versions 0-4, flexible 4+)
 *     ThrottleTimeMs: int32 [1+]
 *     ErrorCode: int16 [0+]
 *     Members: []MemberResponse [3+]
 *       MemberId: string [3+]
 *       GroupInstanceId: string [3+] null 3+
 *       ErrorCode: int16 [3+]
 */
import type { ApiSpec, MessageSpec } from '../../protocol/spec.js';

export const leaveGroupRequest = {
  name: 'LeaveGroupRequest',
  apiKey: 13,
  type: 'request',
  validVersions: '0-4',
  flexibleVersions: '4+',
  fields: [
    { name: 'groupId', type: 'string', versions: '0+' },
    { name: 'memberId', type: 'string', versions: '0-2' },
    { name: 'members', type: 'array', struct: 'MemberIdentity', versions: '3+', items: [
        { name: 'memberId', type: 'string', versions: '3+' },
        { name: 'groupInstanceId', type: 'string', versions: '3+', nullableVersions: '3+', default: null },
      ] },
  ],
} as const satisfies MessageSpec;

export const leaveGroupResponse = {
  name: 'LeaveGroupResponse',
  apiKey: 13,
  type: 'response',
  validVersions: '0-4',
  flexibleVersions: '4+',
  fields: [
    { name: 'throttleTimeMs', type: 'int32', versions: '1+' },
    { name: 'errorCode', type: 'int16', versions: '0+' },
    { name: 'members', type: 'array', struct: 'MemberResponse', versions: '3+', items: [
        { name: 'memberId', type: 'string', versions: '3+' },
        { name: 'groupInstanceId', type: 'string', versions: '3+', nullableVersions: '3+' },
        { name: 'errorCode', type: 'int16', versions: '3+' },
      ] },
  ],
} as const satisfies MessageSpec;

export const leaveGroupApi = {
  apiKey: 13,
  name: 'LeaveGroup',
  request: leaveGroupRequest,
  response: leaveGroupResponse,
} as const satisfies ApiSpec;
