/**
 * Produce (api key 0), versions 0-7.
 * Transcribed from apache/kafka clients/src/main/resources/common/message/
 * ProduceRequest.json and ProduceResponse.json @1eb7644 by
 * src/kafka/protocol/transcribe.ts, then maintained by hand.
 *
 *   ProduceRequest (versions 0-7, flexible none)
 *     TransactionalId: string [3+] null 3+ default null
 *     Acks: int16 [0+]
 *     TimeoutMs: int32 [0+]
 *     TopicData: []TopicProduceData [0+]
 *       Name: string [0+]
 *       PartitionData: []PartitionProduceData [0+]
 *         Index: int32 [0+]
 *         Records: records [0+] null 0+
 *
 *   ProduceResponse (versions 0-7, flexible none)
 *     Responses: []TopicProduceResponse [0+]
 *       Name: string [0+]
 *       PartitionResponses: []PartitionProduceResponse [0+]
 *         Index: int32 [0+]
 *         ErrorCode: int16 [0+]
 *         BaseOffset: int64 [0+]
 *         LogAppendTimeMs: int64 [2+] default -1
 *         LogStartOffset: int64 [5+] default -1
 *     ThrottleTimeMs: int32 [1+] default 0
 */
import type { ApiSpec, MessageSpec } from '../../protocol/spec.js';

export const produceRequest = {
  name: 'ProduceRequest',
  apiKey: 0,
  type: 'request',
  validVersions: '0-7',
  flexibleVersions: 'none',
  fields: [
    { name: 'transactionalId', type: 'string', versions: '3+', nullableVersions: '3+', default: null },
    { name: 'acks', type: 'int16', versions: '0+' },
    { name: 'timeoutMs', type: 'int32', versions: '0+' },
    { name: 'topicData', type: 'array', struct: 'TopicProduceData', versions: '0+', items: [
        { name: 'name', type: 'string', versions: '0+' },
        { name: 'partitionData', type: 'array', struct: 'PartitionProduceData', versions: '0+', items: [
            { name: 'index', type: 'int32', versions: '0+' },
            { name: 'records', type: 'records', versions: '0+', nullableVersions: '0+' },
          ] },
      ] },
  ],
} as const satisfies MessageSpec;

export const produceResponse = {
  name: 'ProduceResponse',
  apiKey: 0,
  type: 'response',
  validVersions: '0-7',
  flexibleVersions: 'none',
  fields: [
    { name: 'responses', type: 'array', struct: 'TopicProduceResponse', versions: '0+', items: [
        { name: 'name', type: 'string', versions: '0+' },
        { name: 'partitionResponses', type: 'array', struct: 'PartitionProduceResponse', versions: '0+', items: [
            { name: 'index', type: 'int32', versions: '0+' },
            { name: 'errorCode', type: 'int16', versions: '0+' },
            { name: 'baseOffset', type: 'int64', versions: '0+' },
            { name: 'logAppendTimeMs', type: 'int64', versions: '2+', default: -1n },
            { name: 'logStartOffset', type: 'int64', versions: '5+', default: -1n },
          ] },
      ] },
    { name: 'throttleTimeMs', type: 'int32', versions: '1+', default: 0 },
  ],
} as const satisfies MessageSpec;

export const produceApi = {
  apiKey: 0,
  name: 'Produce',
  request: produceRequest,
  response: produceResponse,
} as const satisfies ApiSpec;
