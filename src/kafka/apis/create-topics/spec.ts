/**
 * CreateTopics (api key 19), versions 0-7.
 * Transcribed from apache/kafka clients/src/main/resources/common/message/
 * CreateTopicsRequest.json and CreateTopicsResponse.json @1eb7644 by
 * src/kafka/protocol/transcribe.ts, then maintained by hand.
 *
 *   CreateTopicsRequest (versions 0-7, flexible 5+)
 *     Topics: []CreatableTopic [0+]
 *       Name: string [0+]
 *       NumPartitions: int32 [0+]
 *       ReplicationFactor: int16 [0+]
 *       Assignments: []CreatableReplicaAssignment [0+]
 *         PartitionIndex: int32 [0+]
 *         BrokerIds: []int32 [0+]
 *       Configs: []CreatableTopicConfig [0+]
 *         Name: string [0+]
 *         Value: string [0+] null 0+
 *     timeoutMs: int32 [0+] default 60000
 *     validateOnly: bool [1+] default false
 *
 *   CreateTopicsResponse (versions 0-7, flexible 5+)
 *     ThrottleTimeMs: int32 [2+]
 *     Topics: []CreatableTopicResult [0+]
 *       Name: string [0+]
 *       TopicId: uuid [7+]
 *       ErrorCode: int16 [0+]
 *       ErrorMessage: string [1+] null 0+
 *       TopicConfigErrorCode: int16 [5+] tag 0
 *       NumPartitions: int32 [5+] default -1
 *       ReplicationFactor: int16 [5+] default -1
 *       Configs: []CreatableTopicConfigs [5+] null 5+
 *         Name: string [5+]
 *         Value: string [5+] null 5+
 *         ReadOnly: bool [5+]
 *         ConfigSource: int8 [5+] default -1
 *         IsSensitive: bool [5+]
 */
import type { ApiSpec, MessageSpec } from '../../protocol/spec.js';

export const createTopicsRequest = {
  name: 'CreateTopicsRequest',
  apiKey: 19,
  type: 'request',
  validVersions: '0-7',
  flexibleVersions: '5+',
  fields: [
    { name: 'topics', type: 'array', struct: 'CreatableTopic', versions: '0+', items: [
        { name: 'name', type: 'string', versions: '0+' },
        { name: 'numPartitions', type: 'int32', versions: '0+' },
        { name: 'replicationFactor', type: 'int16', versions: '0+' },
        { name: 'assignments', type: 'array', struct: 'CreatableReplicaAssignment', versions: '0+', items: [
            { name: 'partitionIndex', type: 'int32', versions: '0+' },
            { name: 'brokerIds', type: 'array', items: 'int32', versions: '0+' },
          ] },
        { name: 'configs', type: 'array', struct: 'CreatableTopicConfig', versions: '0+', items: [
            { name: 'name', type: 'string', versions: '0+' },
            { name: 'value', type: 'string', versions: '0+', nullableVersions: '0+' },
          ] },
      ] },
    { name: 'timeoutMs', type: 'int32', versions: '0+', default: 60000 },
    { name: 'validateOnly', type: 'bool', versions: '1+', default: false },
  ],
} as const satisfies MessageSpec;

export const createTopicsResponse = {
  name: 'CreateTopicsResponse',
  apiKey: 19,
  type: 'response',
  validVersions: '0-7',
  flexibleVersions: '5+',
  fields: [
    { name: 'throttleTimeMs', type: 'int32', versions: '2+' },
    { name: 'topics', type: 'array', struct: 'CreatableTopicResult', versions: '0+', items: [
        { name: 'name', type: 'string', versions: '0+' },
        { name: 'topicId', type: 'uuid', versions: '7+' },
        { name: 'errorCode', type: 'int16', versions: '0+' },
        { name: 'errorMessage', type: 'string', versions: '1+', nullableVersions: '0+' },
        { name: 'topicConfigErrorCode', type: 'int16', versions: '5+', tag: 0, taggedVersions: '5+' },
        { name: 'numPartitions', type: 'int32', versions: '5+', default: -1 },
        { name: 'replicationFactor', type: 'int16', versions: '5+', default: -1 },
        { name: 'configs', type: 'array', struct: 'CreatableTopicConfigs', versions: '5+', nullableVersions: '5+', items: [
            { name: 'name', type: 'string', versions: '5+' },
            { name: 'value', type: 'string', versions: '5+', nullableVersions: '5+' },
            { name: 'readOnly', type: 'bool', versions: '5+' },
            { name: 'configSource', type: 'int8', versions: '5+', default: -1 },
            { name: 'isSensitive', type: 'bool', versions: '5+' },
          ] },
      ] },
  ],
} as const satisfies MessageSpec;

export const createTopicsApi = {
  apiKey: 19,
  name: 'CreateTopics',
  request: createTopicsRequest,
  response: createTopicsResponse,
} as const satisfies ApiSpec;
