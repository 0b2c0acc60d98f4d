/**
 * DeleteTopics (api key 20), versions 0-6.
 * Transcribed from apache/kafka clients/src/main/resources/common/message/
 * DeleteTopicsRequest.json and DeleteTopicsResponse.json @1eb7644 by
 * src/kafka/protocol/transcribe.ts, then maintained by hand.
 *
 *   DeleteTopicsRequest (versions 0-6, flexible 4+)
 *     Topics: []DeleteTopicState [6+]
 *       Name: string [6+] null 6+ default null
 *       TopicId: uuid [6+]
 *     TopicNames: []string [0-5]
 *     TimeoutMs: int32 [0+]
 *
 *   DeleteTopicsResponse (versions 0-6, flexible 4+)
 *     ThrottleTimeMs: int32 [1+]
 *     Responses: []DeletableTopicResult [0+]
 *       Name: string [0+] null 6+
 *       TopicId: uuid [6+]
 *       ErrorCode: int16 [0+]
 *       ErrorMessage: string [5+] null 5+ default null
 */
import type { ApiSpec, MessageSpec } from '../../protocol/spec.js';

export const deleteTopicsRequest = {
  name: 'DeleteTopicsRequest',
  apiKey: 20,
  type: 'request',
  validVersions: '0-6',
  flexibleVersions: '4+',
  fields: [
    { name: 'topics', type: 'array', struct: 'DeleteTopicState', versions: '6+', items: [
        { name: 'name', type: 'string', versions: '6+', nullableVersions: '6+', default: null },
        { name: 'topicId', type: 'uuid', versions: '6+' },
      ] },
    { name: 'topicNames', type: 'array', items: 'string', versions: '0-5' },
    { name: 'timeoutMs', type: 'int32', versions: '0+' },
  ],
} as const satisfies MessageSpec;

export const deleteTopicsResponse = {
  name: 'DeleteTopicsResponse',
  apiKey: 20,
  type: 'response',
  validVersions: '0-6',
  flexibleVersions: '4+',
  fields: [
    { name: 'throttleTimeMs', type: 'int32', versions: '1+' },
    { name: 'responses', type: 'array', struct: 'DeletableTopicResult', versions: '0+', items: [
        { name: 'name', type: 'string', versions: '0+', nullableVersions: '6+' },
        { name: 'topicId', type: 'uuid', versions: '6+' },
        { name: 'errorCode', type: 'int16', versions: '0+' },
        { name: 'errorMessage', type: 'string', versions: '5+', nullableVersions: '5+', default: null },
      ] },
  ],
} as const satisfies MessageSpec;

export const deleteTopicsApi = {
  apiKey: 20,
  name: 'DeleteTopics',
  request: deleteTopicsRequest,
  response: deleteTopicsResponse,
} as const satisfies ApiSpec;
