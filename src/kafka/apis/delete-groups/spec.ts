/**
 * DeleteGroups (api key 42), versions 0-2.
 * Transcribed from apache/kafka clients/src/main/resources/common/message/
 * DeleteGroupsRequest.json and DeleteGroupsResponse.json @1eb7644 by
 * src/kafka/protocol/transcribe.ts, then maintained by hand.
 *
 *   DeleteGroupsRequest (versions 0-2, flexible 2+)
 *     GroupsNames: []string [0+]
 *
 *   DeleteGroupsResponse (versions 0-2, flexible 2+)
 *     ThrottleTimeMs: int32 [0+]
 *     Results: []DeletableGroupResult [0+]
 *       GroupId: string [0+]
 *       ErrorCode: int16 [0+]
 */
import type { ApiSpec, MessageSpec } from '../../protocol/spec.js';

export const deleteGroupsRequest = {
  name: 'DeleteGroupsRequest',
  apiKey: 42,
  type: 'request',
  validVersions: '0-2',
  flexibleVersions: '2+',
  fields: [
    { name: 'groupsNames', type: 'array', items: 'string', versions: '0+' },
  ],
} as const satisfies MessageSpec;

export const deleteGroupsResponse = {
  name: 'DeleteGroupsResponse',
  apiKey: 42,
  type: 'response',
  validVersions: '0-2',
  flexibleVersions: '2+',
  fields: [
    { name: 'throttleTimeMs', type: 'int32', versions: '0+' },
    { name: 'results', type: 'array', struct: 'DeletableGroupResult', versions: '0+', items: [
        { name: 'groupId', type: 'string', versions: '0+' },
        { name: 'errorCode', type: 'int16', versions: '0+' },
      ] },
  ],
} as const satisfies MessageSpec;

export const deleteGroupsApi = {
  apiKey: 42,
  name: 'DeleteGroups',
  request: deleteGroupsRequest,
  response: deleteGroupsResponse,
} as const satisfies ApiSpec;
