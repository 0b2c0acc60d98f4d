/**
 * CreatePartitions (api key 37), versions 0-3.
 * Transcribed from apache/kafka clients/src/main/resources/common/message/
 * CreatePartitionsRequest.json and CreatePartitionsResponse.json @1eb7644 by
 * src/kafka/protocol/transcribe.ts, then maintained by hand.
 *
 *   CreatePartitionsRequest (versions 0-3, flexible 2+)
 *     Topics: []CreatePartitionsTopic [0+]
 *       Name: string [0+]
 *       Count: int32 [0+]
 *       Assignments: []CreatePartitionsAssignment [0+] null 0+
 *         BrokerIds: []int32 [0+]
 *     TimeoutMs: int32 [0+]
 *     ValidateOnly: bool [0+]
 *
 *   CreatePartitionsResponse (versions 0-3, flexible 2+)
 *     ThrottleTimeMs: int32 [0+]
 *     Results: []CreatePartitionsTopicResult [0+]
 *       Name: string [0+]
 *       ErrorCode: int16 [0+]
 *       ErrorMessage: string [0+] null 0+ default null
 */
import type { ApiSpec, MessageSpec } from '../../protocol/spec.js';

export const createPartitionsRequest = {
  name: 'CreatePartitionsRequest',
  apiKey: 37,
  type: 'request',
  validVersions: '0-3',
  flexibleVersions: '2+',
  fields: [
    { name: 'topics', type: 'array', struct: 'CreatePartitionsTopic', versions: '0+', items: [
        { name: 'name', type: 'string', versions: '0+' },
        { name: 'count', type: 'int32', versions: '0+' },
        { name: 'assignments', type: 'array', struct: 'CreatePartitionsAssignment', versions: '0+', nullableVersions: '0+', items: [
            { name: 'brokerIds', type: 'array', items: 'int32', versions: '0+' },
          ] },
      ] },
    { name: 'timeoutMs', type: 'int32', versions: '0+' },
    { name: 'validateOnly', type: 'bool', versions: '0+' },
  ],
} as const satisfies MessageSpec;

export const createPartitionsResponse = {
  name: 'CreatePartitionsResponse',
  apiKey: 37,
  type: 'response',
  validVersions: '0-3',
  flexibleVersions: '2+',
  fields: [
    { name: 'throttleTimeMs', type: 'int32', versions: '0+' },
    { name: 'results', type: 'array', struct: 'CreatePartitionsTopicResult', versions: '0+', items: [
        { name: 'name', type: 'string', versions: '0+' },
        { name: 'errorCode', type: 'int16', versions: '0+' },
        { name: 'errorMessage', type: 'string', versions: '0+', nullableVersions: '0+', default: null },
      ] },
  ],
} as const satisfies MessageSpec;

export const createPartitionsApi = {
  apiKey: 37,
  name: 'CreatePartitions',
  request: createPartitionsRequest,
  response: createPartitionsResponse,
} as const satisfies ApiSpec;
