/**
 * Fetch (api key 1), versions 0-12.
 * Transcribed from apache/kafka clients/src/main/resources/common/message/
 * FetchRequest.json and FetchResponse.json @1eb7644 by
 * src/kafka/protocol/transcribe.ts, then maintained by hand.
 *
 *   FetchRequest (versions 0-12, flexible 12+)
 *     ClusterId: string [12+] null 12+ tag 0 default null
 *     ReplicaId: int32 [0-14] default -1
 *     MaxWaitMs: int32 [0+]
 *     MinBytes: int32 [0+]
 *     MaxBytes: int32 [3+] default 0x7fffffff
 *     IsolationLevel: int8 [4+] default 0
 *     SessionId: int32 [7+] default 0
 *     SessionEpoch: int32 [7+] default -1
 *     Topics: []FetchTopic [0+]
 *       Topic: string [0-12]
 *       Partitions: []FetchPartition [0+]
 *         Partition: int32 [0+]
 *         CurrentLeaderEpoch: int32 [9+] default -1
 *         FetchOffset: int64 [0+]
 *         LastFetchedEpoch: int32 [12+] default -1
 *         LogStartOffset: int64 [5+] default -1
 *         PartitionMaxBytes: int32 [0+]
 *     ForgottenTopicsData: []ForgottenTopic [7+]
 *       Topic: string [7-12]
 *       Partitions: []int32 [7+]
 *     RackId: string [11+] default 
 *
 *   FetchResponse (versions 0-12, flexible 12+)
 *     ThrottleTimeMs: int32 [1+]
 *     ErrorCode: int16 [7+]
 *     SessionId: int32 [7+] default 0
 *     Responses: []FetchableTopicResponse [0+]
 *       Topic: string [0-12]
 *       Partitions: []PartitionData [0+]
 *         PartitionIndex: int32 [0+]
 *         ErrorCode: int16 [0+]
 *         HighWatermark: int64 [0+]
 *         LastStableOffset: int64 [4+] default -1
 *         LogStartOffset: int64 [5+] default -1
 *         DivergingEpoch: EpochEndOffset [12+] tag 0
 *           Epoch: int32 [12+] default -1
 *           EndOffset: int64 [12+] default -1
 *         CurrentLeader: LeaderIdAndEpoch [12+] tag 1
 *           LeaderId: int32 [12+] default -1
 *           LeaderEpoch: int32 [12+] default -1
 *         SnapshotId: SnapshotId [12+] tag 2
 *           EndOffset: int64 [0+] default -1
 *           Epoch: int32 [0+] default -1
 *         AbortedTransactions: []AbortedTransaction [4+] null 4+
 *           ProducerId: int64 [4+]
 *           FirstOffset: int64 [4+]
 *         PreferredReadReplica: int32 [11+] default -1
 *         Records: records [0+] null 0+
 */
import type { ApiSpec, MessageSpec } from '../../protocol/spec.js';

export const fetchRequest = {
  name: 'FetchRequest',
  apiKey: 1,
  type: 'request',
  validVersions: '0-12',
  flexibleVersions: '12+',
  fields: [
    { name: 'clusterId', type: 'string', versions: '12+', nullableVersions: '12+', tag: 0, taggedVersions: '12+', default: null },
    { name: 'replicaId', type: 'int32', versions: '0-14', default: -1 },
    { name: 'maxWaitMs', type: 'int32', versions: '0+' },
    { name: 'minBytes', type: 'int32', versions: '0+' },
    { name: 'maxBytes', type: 'int32', versions: '3+', default: 2147483647 },
    { name: 'isolationLevel', type: 'int8', versions: '4+', default: 0 },
    { name: 'sessionId', type: 'int32', versions: '7+', default: 0 },
    { name: 'sessionEpoch', type: 'int32', versions: '7+', default: -1 },
    { name: 'topics', type: 'array', struct: 'FetchTopic', versions: '0+', items: [
        { name: 'topic', type: 'string', versions: '0-12' },
        { name: 'partitions', type: 'array', struct: 'FetchPartition', versions: '0+', items: [
            { name: 'partition', type: 'int32', versions: '0+' },
            { name: 'currentLeaderEpoch', type: 'int32', versions: '9+', default: -1 },
            { name: 'fetchOffset', type: 'int64', versions: '0+' },
            { name: 'lastFetchedEpoch', type: 'int32', versions: '12+', default: -1 },
            { name: 'logStartOffset', type: 'int64', versions: '5+', default: -1n },
            { name: 'partitionMaxBytes', type: 'int32', versions: '0+' },
          ] },
      ] },
    { name: 'forgottenTopicsData', type: 'array', struct: 'ForgottenTopic', versions: '7+', items: [
        { name: 'topic', type: 'string', versions: '7-12' },
        { name: 'partitions', type: 'array', items: 'int32', versions: '7+' },
      ] },
    { name: 'rackId', type: 'string', versions: '11+', default: "" },
  ],
} as const satisfies MessageSpec;

export const fetchResponse = {
  name: 'FetchResponse',
  apiKey: 1,
  type: 'response',
  validVersions: '0-12',
  flexibleVersions: '12+',
  fields: [
    { name: 'throttleTimeMs', type: 'int32', versions: '1+' },
    { name: 'errorCode', type: 'int16', versions: '7+' },
    { name: 'sessionId', type: 'int32', versions: '7+', default: 0 },
    { name: 'responses', type: 'array', struct: 'FetchableTopicResponse', versions: '0+', items: [
        { name: 'topic', type: 'string', versions: '0-12' },
        { name: 'partitions', type: 'array', struct: 'PartitionData', versions: '0+', items: [
            { name: 'partitionIndex', type: 'int32', versions: '0+' },
            { name: 'errorCode', type: 'int16', versions: '0+' },
            { name: 'highWatermark', type: 'int64', versions: '0+' },
            { name: 'lastStableOffset', type: 'int64', versions: '4+', default: -1n },
            { name: 'logStartOffset', type: 'int64', versions: '5+', default: -1n },
            { name: 'divergingEpoch', type: 'struct', struct: 'EpochEndOffset', versions: '12+', tag: 0, taggedVersions: '12+', fields: [
                { name: 'epoch', type: 'int32', versions: '12+', default: -1 },
                { name: 'endOffset', type: 'int64', versions: '12+', default: -1n },
              ] },
            { name: 'currentLeader', type: 'struct', struct: 'LeaderIdAndEpoch', versions: '12+', tag: 1, taggedVersions: '12+', fields: [
                { name: 'leaderId', type: 'int32', versions: '12+', default: -1 },
                { name: 'leaderEpoch', type: 'int32', versions: '12+', default: -1 },
              ] },
            { name: 'snapshotId', type: 'struct', struct: 'SnapshotId', versions: '12+', tag: 2, taggedVersions: '12+', fields: [
                { name: 'endOffset', type: 'int64', versions: '0+', default: -1n },
                { name: 'epoch', type: 'int32', versions: '0+', default: -1 },
              ] },
            { name: 'abortedTransactions', type: 'array', struct: 'AbortedTransaction', versions: '4+', nullableVersions: '4+', items: [
                { name: 'producerId', type: 'int64', versions: '4+' },
                { name: 'firstOffset', type: 'int64', versions: '4+' },
              ] },
            { name: 'preferredReadReplica', type: 'int32', versions: '11+', default: -1 },
            { name: 'records', type: 'records', versions: '0+', nullableVersions: '0+' },
          ] },
      ] },
  ],
} as const satisfies MessageSpec;

export const fetchApi = {
  apiKey: 1,
  name: 'Fetch',
  request: fetchRequest,
  response: fetchResponse,
} as const satisfies ApiSpec;
