/**
 * OffsetCommit (api key 8), versions 0-8.
 * Transcribed from apache/kafka clients/src/main/resources/common/message/
 * OffsetCommitRequest.json and OffsetCommitResponse.json @1eb7644 by
 * src/kafka/protocol/transcribe.ts, then maintained by hand.
 *
 *   OffsetCommitRequest (versions 0-8, flexible 8+)
 *     GroupId: string [0+]
 *     GenerationIdOrMemberEpoch: int32 [1+] default -1
 *     MemberId: string [1+]
 *     GroupInstanceId: string [7+] null 7+ default null
 *     RetentionTimeMs: int64 [2-4] default -1
 *     Topics: []OffsetCommitRequestTopic [0+]
 *       Name: string [0+]
 *       Partitions: []OffsetCommitRequestPartition [0+]
 *         PartitionIndex: int32 [0+]
 *         CommittedOffset: int64 [0+]
 *         CommittedLeaderEpoch: int32 [6+] default -1
 *         CommitTimestamp: int64 [1] default -1
 *         CommittedMetadata: string [0+] null 0+
 *
 *   OffsetCommitResponse (versions 0-8, flexible 8+)
 *     ThrottleTimeMs: int32 [3+]
 *     Topics: []OffsetCommitResponseTopic [0+]
 *       Name: string [0+]
 *       Partitions: []OffsetCommitResponsePartition [0+]
 *         PartitionIndex: int32 [0+]
 *         ErrorCode: int16 [0+]
 */
import type { ApiSpec, MessageSpec } from '../../protocol/spec.js';

export const offsetCommitRequest = {
  name: 'OffsetCommitRequest',
  apiKey: 8,
  type: 'request',
  validVersions: '0-8',
  flexibleVersions: '8+',
  fields: [
    { name: 'groupId', type: 'string', versions: '0+' },
    { name: 'generationIdOrMemberEpoch', type: 'int32', versions: '1+', default: -1 },
    { name: 'memberId', type: 'string', versions: '1+' },
    { name: 'groupInstanceId', type: 'string', versions: '7+', nullableVersions: '7+', default: null },
    { name: 'retentionTimeMs', type: 'int64', versions: '2-4', default: -1n },
    { name: 'topics', type: 'array', struct: 'OffsetCommitRequestTopic', versions: '0+', items: [
        { name: 'name', type: 'string', versions: '0+' },
        { name: 'partitions', type: 'array', struct: 'OffsetCommitRequestPartition', versions: '0+', items: [
            { name: 'partitionIndex', type: 'int32', versions: '0+' },
            { name: 'committedOffset', type: 'int64', versions: '0+' },
            { name: 'committedLeaderEpoch', type: 'int32', versions: '6+', default: -1 },
            { name: 'commitTimestamp', type: 'int64', versions: '1', default: -1n },
            { name: 'committedMetadata', type: 'string', versions: '0+', nullableVersions: '0+' },
          ] },
      ] },
  ],
} as const satisfies MessageSpec;

export const offsetCommitResponse = {
  name: 'OffsetCommitResponse',
  apiKey: 8,
  type: 'response',
  validVersions: '0-8',
  flexibleVersions: '8+',
  fields: [
    { name: 'throttleTimeMs', type: 'int32', versions: '3+' },
    { name: 'topics', type: 'array', struct: 'OffsetCommitResponseTopic', versions: '0+', items: [
        { name: 'name', type: 'string', versions: '0+' },
        { name: 'partitions', type: 'array', struct: 'OffsetCommitResponsePartition', versions: '0+', items: [
            { name: 'partitionIndex', type: 'int32', versions: '0+' },
            { name: 'errorCode', type: 'int16', versions: '0+' },
          ] },
      ] },
  ],
} as const satisfies MessageSpec;

export const offsetCommitApi = {
  apiKey: 8,
  name: 'OffsetCommit',
  request: offsetCommitRequest,
  response: offsetCommitResponse,
} as const satisfies ApiSpec;
