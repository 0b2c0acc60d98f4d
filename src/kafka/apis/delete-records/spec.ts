/**
 * DeleteRecords (api key 21), versions 0-2.
 * Transcribed from apache/kafka clients/src/main/resources/common/message/
 * DeleteRecordsRequest.json and DeleteRecordsResponse.json @1eb7644 by
 * src/kafka/protocol/transcribe.ts, then maintained by hand.
 *
 *   DeleteRecordsRequest (versions 0-2, flexible 2+)
 *     Topics: []DeleteRecordsTopic [0+]
 *       Name: string [0+]
 *       Partitions: []DeleteRecordsPartition [0+]
 *         PartitionIndex: int32 [0+]
 *         Offset: int64 [0+]
 *     TimeoutMs: int32 [0+]
 *
 *   DeleteRecordsResponse (versions 0-2, flexible 2+)
 *     ThrottleTimeMs: int32 [0+]
 *     Topics: []DeleteRecordsTopicResult [0+]
 *       Name: string [0+]
 *       Partitions: []DeleteRecordsPartitionResult [0+]
 *         PartitionIndex: int32 [0+]
 *         LowWatermark: int64 [0+]
 *         ErrorCode: int16 [0+]
 */
import type { ApiSpec, MessageSpec } from '../../protocol/spec.js';

export const deleteRecordsRequest = {
  name: 'DeleteRecordsRequest',
  apiKey: 21,
  type: 'request',
  validVersions: '0-2',
  flexibleVersions: '2+',
  fields: [
    { name: 'topics', type: 'array', struct: 'DeleteRecordsTopic', versions: '0+', items: [
        { name: 'name', type: 'string', versions: '0+' },
        { name: 'partitions', type: 'array', struct: 'DeleteRecordsPartition', versions: '0+', items: [
            { name: 'partitionIndex', type: 'int32', versions: '0+' },
            { name: 'offset', type: 'int64', versions: '0+' },
          ] },
      ] },
    { name: 'timeoutMs', type: 'int32', versions: '0+' },
  ],
} as const satisfies MessageSpec;

export const deleteRecordsResponse = {
  name: 'DeleteRecordsResponse',
  apiKey: 21,
  type: 'response',
  validVersions: '0-2',
  flexibleVersions: '2+',
  fields: [
    { name: 'throttleTimeMs', type: 'int32', versions: '0+' },
    { name: 'topics', type: 'array', struct: 'DeleteRecordsTopicResult', versions: '0+', items: [
        { name: 'name', type: 'string', versions: '0+' },
        { name: 'partitions', type: 'array', struct: 'DeleteRecordsPartitionResult', versions: '0+', items: [
            { name: 'partitionIndex', type: 'int32', versions: '0+' },
            { name: 'lowWatermark', type: 'int64', versions: '0+' },
            { name: 'errorCode', type: 'int16', versions: '0+' },
          ] },
      ] },
  ],
} as const satisfies MessageSpec;

export const deleteRecordsApi = {
  apiKey: 21,
  name: 'DeleteRecords',
  request: deleteRecordsRequest,
  response: deleteRecordsResponse,
} as const satisfies ApiSpec;
