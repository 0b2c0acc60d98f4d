/**
 * Metadata (api key 3), versions 0-9.
 * Transcribed from apache/kafka clients/src/main/resources/common/message/
 * MetadataRequest.json and MetadataResponse.json @1eb7644 by
 * src/kafka/protocol/transcribe.ts, then maintained by hand.
 *
 *   MetadataRequest (versions 0-9, flexible 9+)
 *     Topics: []MetadataRequestTopic [0+] null 1+
 *       Name: string [0+] null 10+
 *     AllowAutoTopicCreation: bool [4+] default true
 *     IncludeClusterAuthorizedOperations: bool [8-10]
 *     IncludeTopicAuthorizedOperations: bool [8+]
 *
 *   MetadataResponse (versions 0-9, flexible 9+)
 *     ThrottleTimeMs: int32 [3+]
 *     Brokers: []MetadataResponseBroker [0+]
 *       NodeId: int32 [0+]
 *       Host: string [0+]
 *       Port: int32 [0+]
 *       Rack: string [1+] null 1+ default null
 *     ClusterId: string [2+] null 2+ default null
 *     ControllerId: int32 [1+] default -1
 *     Topics: []MetadataResponseTopic [0+]
 *       ErrorCode: int16 [0+]
 *       Name: string [0+] null 12+
 *       IsInternal: bool [1+] default false
 *       Partitions: []MetadataResponsePartition [0+]
 *         ErrorCode: int16 [0+]
 *         PartitionIndex: int32 [0+]
 *         LeaderId: int32 [0+]
 *         LeaderEpoch: int32 [7+] default -1
 *         ReplicaNodes: []int32 [0+]
 *         IsrNodes: []int32 [0+]
 *         OfflineReplicas: []int32 [5+]
 *       TopicAuthorizedOperations: int32 [8+] default -2147483648
 *     ClusterAuthorizedOperations: int32 [8-10] default -2147483648
 */
import type { ApiSpec, MessageSpec } from '../../protocol/spec.js';
import type { Versions } from '../../protocol/versions.js';

export const metadataRequest = {
  name: 'MetadataRequest',
  apiKey: 3,
  type: 'request',
  validVersions: '0-9',
  flexibleVersions: '9+',
  fields: [
    { name: 'topics', type: 'array', struct: 'MetadataRequestTopic', versions: '0+', nullableVersions: '1+', items: [
        { name: 'name', type: 'string', versions: '0+', nullableVersions: '10+' },
      ] },
    { name: 'allowAutoTopicCreation', type: 'bool', versions: '4+', default: true },
    { name: 'includeClusterAuthorizedOperations', type: 'bool', versions: '8-10' },
    { name: 'includeTopicAuthorizedOperations', type: 'bool', versions: '8+' },
  ],
} as const satisfies MessageSpec;

export const metadataResponse = {
  name: 'MetadataResponse',
  apiKey: 3,
  type: 'response',
  validVersions: '0-9',
  flexibleVersions: '9+',
  fields: [
    { name: 'throttleTimeMs', type: 'int32', versions: '3+' },
    { name: 'brokers', type: 'array', struct: 'MetadataResponseBroker', versions: '0+', items: [
        { name: 'nodeId', type: 'int32', versions: '0+' },
        { name: 'host', type: 'string', versions: '0+' },
        { name: 'port', type: 'int32', versions: '0+' },
        { name: 'rack', type: 'string', versions: '1+', nullableVersions: '1+', default: null },
      ] },
    { name: 'clusterId', type: 'string', versions: '2+', nullableVersions: '2+', default: null },
    { name: 'controllerId', type: 'int32', versions: '1+', default: -1 },
    { name: 'topics', type: 'array', struct: 'MetadataResponseTopic', versions: '0+', items: [
        { name: 'errorCode', type: 'int16', versions: '0+' },
        { name: 'name', type: 'string', versions: '0+', nullableVersions: '12+' },
        { name: 'isInternal', type: 'bool', versions: '1+', default: false },
        { name: 'partitions', type: 'array', struct: 'MetadataResponsePartition', versions: '0+', items: [
            { name: 'errorCode', type: 'int16', versions: '0+' },
            { name: 'partitionIndex', type: 'int32', versions: '0+' },
            { name: 'leaderId', type: 'int32', versions: '0+' },
            { name: 'leaderEpoch', type: 'int32', versions: '7+', default: -1 },
            { name: 'replicaNodes', type: 'array', items: 'int32', versions: '0+' },
            { name: 'isrNodes', type: 'array', items: 'int32', versions: '0+' },
            { name: 'offlineReplicas', type: 'array', items: 'int32', versions: '5+' },
          ] },
        { name: 'topicAuthorizedOperations', type: 'int32', versions: '8+', default: -2147483648 },
      ] },
    { name: 'clusterAuthorizedOperations', type: 'int32', versions: '8-10', default: -2147483648 },
  ],
} as const satisfies MessageSpec;

export const metadataApi = {
  apiKey: 3,
  name: 'Metadata',
  request: metadataRequest,
  response: metadataResponse,
} as const satisfies ApiSpec;

/**
 * Meaning the fields alone do not carry: before v1 the topic list was not
 * nullable and an EMPTY list asked for all topics; from v1 null means all
 * and empty means none.
 */
export const allTopicsWhenEmpty: Versions = '0';
