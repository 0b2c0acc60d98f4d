/**
 * ListOffsets (api key 2), versions 0-7.
 * Transcribed from apache/kafka clients/src/main/resources/common/message/
 * ListOffsetsRequest.json and ListOffsetsResponse.json @1eb7644 by
 * src/kafka/protocol/transcribe.ts, then maintained by hand.
 *
 *   ListOffsetsRequest (versions 0-7, flexible 6+)
 *     ReplicaId: int32 [0+]
 *     IsolationLevel: int8 [2+]
 *     Topics: []ListOffsetsTopic [0+]
 *       Name: string [0+]
 *       Partitions: []ListOffsetsPartition [0+]
 *         PartitionIndex: int32 [0+]
 *         CurrentLeaderEpoch: int32 [4+] default -1
 *         Timestamp: int64 [0+]
 *         MaxNumOffsets: int32 [0] default 1
 *
 *   ListOffsetsResponse (versions 0-7, flexible 6+)
 *     ThrottleTimeMs: int32 [2+]
 *     Topics: []ListOffsetsTopicResponse [0+]
 *       Name: string [0+]
 *       Partitions: []ListOffsetsPartitionResponse [0+]
 *         PartitionIndex: int32 [0+]
 *         ErrorCode: int16 [0+]
 *         OldStyleOffsets: []int64 [0]
 *         Timestamp: int64 [1+] default -1
 *         Offset: int64 [1+] default -1
 *         LeaderEpoch: int32 [4+] default -1
 */
import type { ApiSpec, MessageSpec } from '../../protocol/spec.js';
import type { Versions } from '../../protocol/versions.js';

export const listOffsetsRequest = {
  name: 'ListOffsetsRequest',
  apiKey: 2,
  type: 'request',
  validVersions: '0-7',
  flexibleVersions: '6+',
  fields: [
    { name: 'replicaId', type: 'int32', versions: '0+' },
    { name: 'isolationLevel', type: 'int8', versions: '2+' },
    { name: 'topics', type: 'array', struct: 'ListOffsetsTopic', versions: '0+', items: [
        { name: 'name', type: 'string', versions: '0+' },
        { name: 'partitions', type: 'array', struct: 'ListOffsetsPartition', versions: '0+', items: [
            { name: 'partitionIndex', type: 'int32', versions: '0+' },
            { name: 'currentLeaderEpoch', type: 'int32', versions: '4+', default: -1 },
            { name: 'timestamp', type: 'int64', versions: '0+' },
            { name: 'maxNumOffsets', type: 'int32', versions: '0', default: 1 },
          ] },
      ] },
  ],
} as const satisfies MessageSpec;

export const listOffsetsResponse = {
  name: 'ListOffsetsResponse',
  apiKey: 2,
  type: 'response',
  validVersions: '0-7',
  flexibleVersions: '6+',
  fields: [
    { name: 'throttleTimeMs', type: 'int32', versions: '2+' },
    { name: 'topics', type: 'array', struct: 'ListOffsetsTopicResponse', versions: '0+', items: [
        { name: 'name', type: 'string', versions: '0+' },
        { name: 'partitions', type: 'array', struct: 'ListOffsetsPartitionResponse', versions: '0+', items: [
            { name: 'partitionIndex', type: 'int32', versions: '0+' },
            { name: 'errorCode', type: 'int16', versions: '0+' },
            { name: 'oldStyleOffsets', type: 'array', items: 'int64', versions: '0' },
            { name: 'timestamp', type: 'int64', versions: '1+', default: -1n },
            { name: 'offset', type: 'int64', versions: '1+', default: -1n },
            { name: 'leaderEpoch', type: 'int32', versions: '4+', default: -1 },
          ] },
      ] },
  ],
} as const satisfies MessageSpec;

export const listOffsetsApi = {
  apiKey: 2,
  name: 'ListOffsets',
  request: listOffsetsRequest,
  response: listOffsetsResponse,
} as const satisfies ApiSpec;

/**
 * Not carried by the fields: from v7 (KIP-734) a partition's timestamp -3
 * (MAX_TIMESTAMP) asks for the record with the largest timestamp; older
 * versions treat it as an invalid timestamp.
 */
export const maxTimestampSpec: Versions = '7+';
