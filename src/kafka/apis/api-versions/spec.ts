/**
 * ApiVersions (api key 18), versions 0-3.
 * Transcribed from apache/kafka clients/src/main/resources/common/message/
 * ApiVersionsRequest.json and ApiVersionsResponse.json @1eb7644 by
 * src/kafka/protocol/transcribe.ts, then maintained by hand.
 *
 *   ApiVersionsRequest (versions 0-3, flexible 3+)
 *     ClientSoftwareName: string [3+]
 *     ClientSoftwareVersion: string [3+]
 *
 *   ApiVersionsResponse (versions 0-3, flexible 3+)
 *     ErrorCode: int16 [0+]
 *     ApiKeys: []ApiVersion [0+]
 *       ApiKey: int16 [0+]
 *       MinVersion: int16 [0+]
 *       MaxVersion: int16 [0+]
 *     ThrottleTimeMs: int32 [1+]
 *     SupportedFeatures: []SupportedFeatureKey [3+] tag 0
 *       Name: string [3+]
 *       MinVersion: int16 [3+]
 *       MaxVersion: int16 [3+]
 *     FinalizedFeaturesEpoch: int64 [3+] tag 1 default -1
 *     FinalizedFeatures: []FinalizedFeatureKey [3+] tag 2
 *       Name: string [3+]
 *       MaxVersionLevel: int16 [3+]
 *       MinVersionLevel: int16 [3+]
 *     ZkMigrationReady: bool [3+] tag 3 default false
 */
import type { ApiSpec, MessageSpec } from '../../protocol/spec.js';

export const apiVersionsRequest = {
  name: 'ApiVersionsRequest',
  apiKey: 18,
  type: 'request',
  validVersions: '0-3',
  flexibleVersions: '3+',
  fields: [
    { name: 'clientSoftwareName', type: 'string', versions: '3+' },
    { name: 'clientSoftwareVersion', type: 'string', versions: '3+' },
  ],
} as const satisfies MessageSpec;

export const apiVersionsResponse = {
  name: 'ApiVersionsResponse',
  apiKey: 18,
  type: 'response',
  validVersions: '0-3',
  flexibleVersions: '3+',
  fields: [
    { name: 'errorCode', type: 'int16', versions: '0+' },
    { name: 'apiKeys', type: 'array', struct: 'ApiVersion', versions: '0+', items: [
        { name: 'apiKey', type: 'int16', versions: '0+' },
        { name: 'minVersion', type: 'int16', versions: '0+' },
        { name: 'maxVersion', type: 'int16', versions: '0+' },
      ] },
    { name: 'throttleTimeMs', type: 'int32', versions: '1+' },
    { name: 'supportedFeatures', type: 'array', struct: 'SupportedFeatureKey', versions: '3+', tag: 0, taggedVersions: '3+', items: [
        { name: 'name', type: 'string', versions: '3+' },
        { name: 'minVersion', type: 'int16', versions: '3+' },
        { name: 'maxVersion', type: 'int16', versions: '3+' },
      ] },
    { name: 'finalizedFeaturesEpoch', type: 'int64', versions: '3+', tag: 1, taggedVersions: '3+', default: -1n },
    { name: 'finalizedFeatures', type: 'array', struct: 'FinalizedFeatureKey', versions: '3+', tag: 2, taggedVersions: '3+', items: [
        { name: 'name', type: 'string', versions: '3+' },
        { name: 'maxVersionLevel', type: 'int16', versions: '3+' },
        { name: 'minVersionLevel', type: 'int16', versions: '3+' },
      ] },
    { name: 'zkMigrationReady', type: 'bool', versions: '3+', tag: 3, taggedVersions: '3+', default: false },
  ],
} as const satisfies MessageSpec;

export const apiVersionsApi = {
  apiKey: 18,
  name: 'ApiVersions',
  request: apiVersionsRequest,
  response: apiVersionsResponse,
} as const satisfies ApiSpec;
