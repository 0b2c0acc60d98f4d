/**
 * ListGroups (api key 16), versions 0-4.
 * Transcribed from apache/kafka clients/src/main/resources/common/message/
 * ListGroupsRequest.json and ListGroupsResponse.json @1eb7644 by
 * src/kafka/protocol/transcribe.ts, then maintained by hand.
 *
 *   ListGroupsRequest (versions 0-4, flexible 3+)
 *     StatesFilter: []string [4+]
 *
 *   ListGroupsResponse (versions 0-4, flexible 3+)
 *     ThrottleTimeMs: int32 [1+]
 *     ErrorCode: int16 [0+]
 *     Groups: []ListedGroup [0+]
 *       GroupId: string [0+]
 *       ProtocolType: string [0+]
 *       GroupState: string [4+]
 */
import type { ApiSpec, MessageSpec } from '../../protocol/spec.js';

export const listGroupsRequest = {
  name: 'ListGroupsRequest',
  apiKey: 16,
  type: 'request',
  validVersions: '0-4',
  flexibleVersions: '3+',
  fields: [
    { name: 'statesFilter', type: 'array', items: 'string', versions: '4+' },
  ],
} as const satisfies MessageSpec;

export const listGroupsResponse = {
  name: 'ListGroupsResponse',
  apiKey: 16,
  type: 'response',
  validVersions: '0-4',
  flexibleVersions: '3+',
  fields: [
    { name: 'throttleTimeMs', type: 'int32', versions: '1+' },
    { name: 'errorCode', type: 'int16', versions: '0+' },
    { name: 'groups', type: 'array', struct: 'ListedGroup', versions: '0+', items: [
        { name: 'groupId', type: 'string', versions: '0+' },
        { name: 'protocolType', type: 'string', versions: '0+' },
        { name: 'groupState', type: 'string', versions: '4+' },
      ] },
  ],
} as const satisfies MessageSpec;

export const listGroupsApi = {
  apiKey: 16,
  name: 'ListGroups',
  request: listGroupsRequest,
  response: listGroupsResponse,
} as const satisfies ApiSpec;
