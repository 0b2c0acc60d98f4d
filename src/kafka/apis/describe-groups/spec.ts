/**
 * DescribeGroups (api key 15), versions 0-5.
 * Transcribed from apache/kafka clients/src/main/resources/common/message/
 * DescribeGroupsRequest.json and DescribeGroupsResponse.json @1eb7644 by
 * src/kafka/protocol/transcribe.ts, then maintained by hand.
 *
 *   DescribeGroupsRequest (versions 0-5, flexible 5+)
 *     Groups: []string [0+]
 *     IncludeAuthorizedOperations: bool [3+]
 *
 *   DescribeGroupsResponse (versions 0-5, flexible 5+)
 *     ThrottleTimeMs: int32 [1+]
 *     Groups: []DescribedGroup [0+]
 *       ErrorCode: int16 [0+]
 *       GroupId: string [0+]
 *       GroupState: string [0+]
 *       ProtocolType: string [0+]
 *       ProtocolData: string [0+]
 *       Members: []DescribedGroupMember [0+]
 *         MemberId: string [0+]
 *         GroupInstanceId: string [4+] null 4+ default null
 *         ClientId: string [0+]
 *         ClientHost: string [0+]
 *         MemberMetadata: bytes [0+]
 *         MemberAssignment: bytes [0+]
 *       AuthorizedOperations: int32 [3+] default -2147483648
 */
import type { ApiSpec, MessageSpec } from '../../protocol/spec.js';

export const describeGroupsRequest = {
  name: 'DescribeGroupsRequest',
  apiKey: 15,
  type: 'request',
  validVersions: '0-5',
  flexibleVersions: '5+',
  fields: [
    { name: 'groups', type: 'array', items: 'string', versions: '0+' },
    { name: 'includeAuthorizedOperations', type: 'bool', versions: '3+' },
  ],
} as const satisfies MessageSpec;

export const describeGroupsResponse = {
  name: 'DescribeGroupsResponse',
  apiKey: 15,
  type: 'response',
  validVersions: '0-5',
  flexibleVersions: '5+',
  fields: [
    { name: 'throttleTimeMs', type: 'int32', versions: '1+' },
    { name: 'groups', type: 'array', struct: 'DescribedGroup', versions: '0+', items: [
        { name: 'errorCode', type: 'int16', versions: '0+' },
        { name: 'groupId', type: 'string', versions: '0+' },
        { name: 'groupState', type: 'string', versions: '0+' },
        { name: 'protocolType', type: 'string', versions: '0+' },
        { name: 'protocolData', type: 'string', versions: '0+' },
        { name: 'members', type: 'array', struct: 'DescribedGroupMember', versions: '0+', items: [
            { name: 'memberId', type: 'string', versions: '0+' },
            { name: 'groupInstanceId', type: 'string', versions: '4+', nullableVersions: '4+', default: null },
            { name: 'clientId', type: 'string', versions: '0+' },
            { name: 'clientHost', type: 'string', versions: '0+' },
            { name: 'memberMetadata', type: 'bytes', versions: '0+' },
            { name: 'memberAssignment', type: 'bytes', versions: '0+' },
          ] },
        { name: 'authorizedOperations', type: 'int32', versions: '3+', default: -2147483648 },
      ] },
  ],
} as const satisfies MessageSpec;

export const describeGroupsApi = {
  apiKey: 15,
  name: 'DescribeGroups',
  request: describeGroupsRequest,
  response: describeGroupsResponse,
} as const satisfies ApiSpec;
