/**
 * InitProducerId (api key 22), versions 0-4.
 * Transcribed from apache/kafka clients/src/main/resources/common/message/
 * InitProducerIdRequest.json and InitProducerIdResponse.json @1eb7644 by
 * src/kafka/protocol/transcribe.ts, then maintained by hand.
 *
 *   InitProducerIdRequest (versions 0-4, flexible 2+)
 *     TransactionalId: string [0+] null 0+
 *     TransactionTimeoutMs: int32 [0+]
 *     ProducerId: int64 [3+] default -1
 *     ProducerEpoch: int16 [3+] default -1
 *
 *   InitProducerIdResponse (versions 0-4, flexible 2+)
 *     ThrottleTimeMs: int32 [0+]
 *     ErrorCode: int16 [0+]
 *     ProducerId: int64 [0+] default -1
 *     ProducerEpoch: int16 [0+]
 */
import type { ApiSpec, MessageSpec } from '../../protocol/spec.js';

export const initProducerIdRequest = {
  name: 'InitProducerIdRequest',
  apiKey: 22,
  type: 'request',
  validVersions: '0-4',
  flexibleVersions: '2+',
  fields: [
    { name: 'transactionalId', type: 'string', versions: '0+', nullableVersions: '0+' },
    { name: 'transactionTimeoutMs', type: 'int32', versions: '0+' },
    { name: 'producerId', type: 'int64', versions: '3+', default: -1n },
    { name: 'producerEpoch', type: 'int16', versions: '3+', default: -1 },
  ],
} as const satisfies MessageSpec;

export const initProducerIdResponse = {
  name: 'InitProducerIdResponse',
  apiKey: 22,
  type: 'response',
  validVersions: '0-4',
  flexibleVersions: '2+',
  fields: [
    { name: 'throttleTimeMs', type: 'int32', versions: '0+' },
    { name: 'errorCode', type: 'int16', versions: '0+' },
    { name: 'producerId', type: 'int64', versions: '0+', default: -1n },
    { name: 'producerEpoch', type: 'int16', versions: '0+' },
  ],
} as const satisfies MessageSpec;

export const initProducerIdApi = {
  apiKey: 22,
  name: 'InitProducerId',
  request: initProducerIdRequest,
  response: initProducerIdResponse,
} as const satisfies ApiSpec;
