/**
 * IncrementalAlterConfigs (api key 44), versions 0-1.
 * Transcribed from apache/kafka clients/src/main/resources/common/message/
 * IncrementalAlterConfigsRequest.json and IncrementalAlterConfigsResponse.json @1eb7644 by
 * src/kafka/protocol/transcribe.ts, then maintained by hand.
 *
 *   IncrementalAlterConfigsRequest (versions 0-1, flexible 1+)
 *     Resources: []AlterConfigsResource [0+]
 *       ResourceType: int8 [0+]
 *       ResourceName: string [0+]
 *       Configs: []AlterableConfig [0+]
 *         Name: string [0+]
 *         ConfigOperation: int8 [0+]
 *         Value: string [0+] null 0+
 *     ValidateOnly: bool [0+]
 *
 *   IncrementalAlterConfigsResponse (versions 0-1, flexible 1+)
 *     ThrottleTimeMs: int32 [0+]
 *     Responses: []AlterConfigsResourceResponse [0+]
 *       ErrorCode: int16 [0+]
 *       ErrorMessage: string [0+] null 0+
 *       ResourceType: int8 [0+]
 *       ResourceName: string [0+]
 */
import type { ApiSpec, MessageSpec } from '../../protocol/spec.js';

export const incrementalAlterConfigsRequest = {
  name: 'IncrementalAlterConfigsRequest',
  apiKey: 44,
  type: 'request',
  validVersions: '0-1',
  flexibleVersions: '1+',
  fields: [
    { name: 'resources', type: 'array', struct: 'AlterConfigsResource', versions: '0+', items: [
        { name: 'resourceType', type: 'int8', versions: '0+' },
        { name: 'resourceName', type: 'string', versions: '0+' },
        { name: 'configs', type: 'array', struct: 'AlterableConfig', versions: '0+', items: [
            { name: 'name', type: 'string', versions: '0+' },
            { name: 'configOperation', type: 'int8', versions: '0+' },
            { name: 'value', type: 'string', versions: '0+', nullableVersions: '0+' },
          ] },
      ] },
    { name: 'validateOnly', type: 'bool', versions: '0+' },
  ],
} as const satisfies MessageSpec;

export const incrementalAlterConfigsResponse = {
  name: 'IncrementalAlterConfigsResponse',
  apiKey: 44,
  type: 'response',
  validVersions: '0-1',
  flexibleVersions: '1+',
  fields: [
    { name: 'throttleTimeMs', type: 'int32', versions: '0+' },
    { name: 'responses', type: 'array', struct: 'AlterConfigsResourceResponse', versions: '0+', items: [
        { name: 'errorCode', type: 'int16', versions: '0+' },
        { name: 'errorMessage', type: 'string', versions: '0+', nullableVersions: '0+' },
        { name: 'resourceType', type: 'int8', versions: '0+' },
        { name: 'resourceName', type: 'string', versions: '0+' },
      ] },
  ],
} as const satisfies MessageSpec;

export const incrementalAlterConfigsApi = {
  apiKey: 44,
  name: 'IncrementalAlterConfigs',
  request: incrementalAlterConfigsRequest,
  response: incrementalAlterConfigsResponse,
} as const satisfies ApiSpec;
