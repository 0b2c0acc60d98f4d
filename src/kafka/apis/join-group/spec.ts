/**
 * JoinGroup (api key 11), versions 0-6.
 * Transcribed from apache/kafka clients/src/main/resources/common/message/
 * JoinGroupRequest.json and JoinGroupResponse.json @1eb7644 by
 * src/kafka/protocol/transcribe.ts, then maintained by hand.
 *
 *   JoinGroupRequest (versions 0-6, flexible 6+)
 *     GroupId: string [0+]
 *     SessionTimeoutMs: int32 [0+]
 *     RebalanceTimeoutMs: int32 [1+] default -1
 *     MemberId: string [0+]
 *     GroupInstanceId: string [5+] null 5+ default null
 *     ProtocolType: string [0+]
 *     Protocols: []JoinGroupRequestProtocol [0+]
 *       Name: string [0+]
 *       Metadata: bytes [0+]
 *
 *   JoinGroupResponse (versions 0-6, flexible 6+)
 *     ThrottleTimeMs: int32 [2+]
 *     ErrorCode: int16 [0+]
 *     GenerationId: int32 [0+] default -1
 *     ProtocolName: string [0+] null 7+
 *     Leader: string [0+]
 *     MemberId: string [0+]
 *     Members: []JoinGroupResponseMember [0+]
 *       MemberId: string [0+]
 *       GroupInstanceId: string [5+] null 5+ default null
 *       Metadata: bytes [0+]
 */
import type { ApiSpec, MessageSpec } from '../../protocol/spec.js';

export const joinGroupRequest = {
  name: 'JoinGroupRequest',
  apiKey: 11,
  type: 'request',
  validVersions: '0-6',
  flexibleVersions: '6+',
  fields: [
    { name: 'groupId', type: 'string', versions: '0+' },
    { name: 'sessionTimeoutMs', type: 'int32', versions: '0+' },
    { name: 'rebalanceTimeoutMs', type: 'int32', versions: '1+', default: -1 },
    { name: 'memberId', type: 'string', versions: '0+' },
    { name: 'groupInstanceId', type: 'string', versions: '5+', nullableVersions: '5+', default: null },
    { name: 'protocolType', type: 'string', versions: '0+' },
    { name: 'protocols', type: 'array', struct: 'JoinGroupRequestProtocol', versions: '0+', items: [
        { name: 'name', type: 'string', versions: '0+' },
        { name: 'metadata', type: 'bytes', versions: '0+' },
      ] },
  ],
} as const satisfies MessageSpec;

export const joinGroupResponse = {
  name: 'JoinGroupResponse',
  apiKey: 11,
  type: 'response',
  validVersions: '0-6',
  flexibleVersions: '6+',
  fields: [
    { name: 'throttleTimeMs', type: 'int32', versions: '2+' },
    { name: 'errorCode', type: 'int16', versions: '0+' },
    { name: 'generationId', type: 'int32', versions: '0+', default: -1 },
    { name: 'protocolName', type: 'string', versions: '0+', nullableVersions: '7+' },
    { name: 'leader', type: 'string', versions: '0+' },
    { name: 'memberId', type: 'string', versions: '0+' },
    { name: 'members', type: 'array', struct: 'JoinGroupResponseMember', versions: '0+', items: [
        { name: 'memberId', type: 'string', versions: '0+' },
        { name: 'groupInstanceId', type: 'string', versions: '5+', nullableVersions: '5+', default: null },
        { name: 'metadata', type: 'bytes', versions: '0+' },
      ] },
  ],
} as const satisfies MessageSpec;

export const joinGroupApi = {
  apiKey: 11,
  name: 'JoinGroup',
  request: joinGroupRequest,
  response: joinGroupResponse,
} as const satisfies ApiSpec;
