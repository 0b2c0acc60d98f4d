/**
 * OffsetFetch (api key 9), versions 0-8.
 * Transcribed from apache/kafka clients/src/main/resources/common/message/
 * OffsetFetchRequest.json and OffsetFetchResponse.json @1eb7644 by
 * src/kafka/protocol/transcribe.ts, then maintained by hand.
 *
 *   OffsetFetchRequest (versions 0-8, flexible 6+)
 *     GroupId: string [0-7]
 *     Topics: []OffsetFetchRequestTopic [0-7] null 2-7
 *       Name: string [0-7]
 *       PartitionIndexes: []int32 [0-7]
 *     Groups: []OffsetFetchRequestGroup [8+]
 *       GroupId: string [8+]
 *       Topics: []OffsetFetchRequestTopics [8+] null 8+
 *         Name: string [8+]
 *         PartitionIndexes: []int32 [8+]
 *     RequireStable: bool [7+] default false
 *
 *   OffsetFetchResponse (versions 0-8, flexible 6+)
 *     ThrottleTimeMs: int32 [3+]
 *     Topics: []OffsetFetchResponseTopic [0-7]
 *       Name: string [0-7]
 *       Partitions: []OffsetFetchResponsePartition [0-7]
 *         PartitionIndex: int32 [0-7]
 *         CommittedOffset: int64 [0-7]
 *         CommittedLeaderEpoch: int32 [5-7] default -1
 *         Metadata: string [0-7] null 0-7
 *         ErrorCode: int16 [0-7]
 *     ErrorCode: int16 [2-7] default 0
 *     Groups: []OffsetFetchResponseGroup [8+]
 *       GroupId: string [8+]
 *       Topics: []OffsetFetchResponseTopics [8+]
 *         Name: string [8+]
 *         Partitions: []OffsetFetchResponsePartitions [8+]
 *           PartitionIndex: int32 [8+]
 *           CommittedOffset: int64 [8+]
 *           CommittedLeaderEpoch: int32 [8+] default -1
 *           Metadata: string [8+] null 8+
 *           ErrorCode: int16 [8+]
 *       ErrorCode: int16 [8+] default 0
 */
import type { ApiSpec, MessageSpec } from '../../protocol/spec.js';

export const offsetFetchRequest = {
  name: 'OffsetFetchRequest',
  apiKey: 9,
  type: 'request',
  validVersions: '0-8',
  flexibleVersions: '6+',
  fields: [
    { name: 'groupId', type: 'string', versions: '0-7' },
    { name: 'topics', type: 'array', struct: 'OffsetFetchRequestTopic', versions: '0-7', nullableVersions: '2-7', items: [
        { name: 'name', type: 'string', versions: '0-7' },
        { name: 'partitionIndexes', type: 'array', items: 'int32', versions: '0-7' },
      ] },
    { name: 'groups', type: 'array', struct: 'OffsetFetchRequestGroup', versions: '8+', items: [
        { name: 'groupId', type: 'string', versions: '8+' },
        { name: 'topics', type: 'array', struct: 'OffsetFetchRequestTopics', versions: '8+', nullableVersions: '8+', items: [
            { name: 'name', type: 'string', versions: '8+' },
            { name: 'partitionIndexes', type: 'array', items: 'int32', versions: '8+' },
          ] },
      ] },
    { name: 'requireStable', type: 'bool', versions: '7+', default: false },
  ],
} as const satisfies MessageSpec;

export const offsetFetchResponse = {
  name: 'OffsetFetchResponse',
  apiKey: 9,
  type: 'response',
  validVersions: '0-8',
  flexibleVersions: '6+',
  fields: [
    { name: 'throttleTimeMs', type: 'int32', versions: '3+' },
    { name: 'topics', type: 'array', struct: 'OffsetFetchResponseTopic', versions: '0-7', items: [
        { name: 'name', type: 'string', versions: '0-7' },
        { name: 'partitions', type: 'array', struct: 'OffsetFetchResponsePartition', versions: '0-7', items: [
            { name: 'partitionIndex', type: 'int32', versions: '0-7' },
            { name: 'committedOffset', type: 'int64', versions: '0-7' },
            { name: 'committedLeaderEpoch', type: 'int32', versions: '5-7', default: -1 },
            { name: 'metadata', type: 'string', versions: '0-7', nullableVersions: '0-7' },
            { name: 'errorCode', type: 'int16', versions: '0-7' },
          ] },
      ] },
    { name: 'errorCode', type: 'int16', versions: '2-7', default: 0 },
    { name: 'groups', type: 'array', struct: 'OffsetFetchResponseGroup', versions: '8+', items: [
        { name: 'groupId', type: 'string', versions: '8+' },
        { name: 'topics', type: 'array', struct: 'OffsetFetchResponseTopics', versions: '8+', items: [
            { name: 'name', type: 'string', versions: '8+' },
            { name: 'partitions', type: 'array', struct: 'OffsetFetchResponsePartitions', versions: '8+', items: [
                { name: 'partitionIndex', type: 'int32', versions: '8+' },
                { name: 'committedOffset', type: 'int64', versions: '8+' },
                { name: 'committedLeaderEpoch', type: 'int32', versions: '8+', default: -1 },
                { name: 'metadata', type: 'string', versions: '8+', nullableVersions: '8+' },
                { name: 'errorCode', type: 'int16', versions: '8+' },
              ] },
          ] },
        { name: 'errorCode', type: 'int16', versions: '8+', default: 0 },
      ] },
  ],
} as const satisfies MessageSpec;

export const offsetFetchApi = {
  apiKey: 9,
  name: 'OffsetFetch',
  request: offsetFetchRequest,
  response: offsetFetchResponse,
} as const satisfies ApiSpec;
