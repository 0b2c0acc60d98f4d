/**
 * DescribeCluster (api key 60), versions 0-1.
 * Transcribed from apache/kafka clients/src/main/resources/common/message/
 * DescribeClusterRequest.json and DescribeClusterResponse.json @1eb7644 by
 * src/kafka/protocol/transcribe.ts, then maintained by hand.
 *
 *   DescribeClusterRequest (versions 0-1, flexible 0+)
 *     IncludeClusterAuthorizedOperations: bool [0+]
 *     EndpointType: int8 [1+] default 1
 *
 *   DescribeClusterResponse (versions 0-1, flexible 0+)
 *     ThrottleTimeMs: int32 [0+]
 *     ErrorCode: int16 [0+]
 *     ErrorMessage: string [0+] null 0+ default null
 *     EndpointType: int8 [1+] default 1
 *     ClusterId: string [0+]
 *     ControllerId: int32 [0+] default -1
 *     Brokers: []DescribeClusterBroker [0+]
 *       BrokerId: int32 [0+]
 *       Host: string [0+]
 *       Port: int32 [0+]
 *       Rack: string [0+] null 0+ default null
 *     ClusterAuthorizedOperations: int32 [0+] default -2147483648
 */
import type { ApiSpec, MessageSpec } from '../../protocol/spec.js';

export const describeClusterRequest = {
  name: 'DescribeClusterRequest',
  apiKey: 60,
  type: 'request',
  validVersions: '0-1',
  flexibleVersions: '0+',
  fields: [
    { name: 'includeClusterAuthorizedOperations', type: 'bool', versions: '0+' },
    { name: 'endpointType', type: 'int8', versions: '1+', default: 1 },
  ],
} as const satisfies MessageSpec;

export const describeClusterResponse = {
  name: 'DescribeClusterResponse',
  apiKey: 60,
  type: 'response',
  validVersions: '0-1',
  flexibleVersions: '0+',
  fields: [
    { name: 'throttleTimeMs', type: 'int32', versions: '0+' },
    { name: 'errorCode', type: 'int16', versions: '0+' },
    { name: 'errorMessage', type: 'string', versions: '0+', nullableVersions: '0+', default: null },
    { name: 'endpointType', type: 'int8', versions: '1+', default: 1 },
    { name: 'clusterId', type: 'string', versions: '0+' },
    { name: 'controllerId', type: 'int32', versions: '0+', default: -1 },
    { name: 'brokers', type: 'array', struct: 'DescribeClusterBroker', versions: '0+', items: [
        { name: 'brokerId', type: 'int32', versions: '0+' },
        { name: 'host', type: 'string', versions: '0+' },
        { name: 'port', type: 'int32', versions: '0+' },
        { name: 'rack', type: 'string', versions: '0+', nullableVersions: '0+', default: null },
      ] },
    { name: 'clusterAuthorizedOperations', type: 'int32', versions: '0+', default: -2147483648 },
  ],
} as const satisfies MessageSpec;

export const describeClusterApi = {
  apiKey: 60,
  name: 'DescribeCluster',
  request: describeClusterRequest,
  response: describeClusterResponse,
} as const satisfies ApiSpec;
