/**
 * AlterConfigs (api key 33), versions 0-2.
 * Transcribed from apache/kafka clients/src/main/resources/common/message/
 * AlterConfigsRequest.json and AlterConfigsResponse.json @1eb7644 by
 * src/kafka/protocol/transcribe.ts, then maintained by hand.
 *
 *   AlterConfigsRequest (versions 0-2, flexible 2+)
 *     Resources: []AlterConfigsResource [0+]
 *       ResourceType: int8 [0+]
 *       ResourceName: string [0+]
 *       Configs: []AlterableConfig [0+]
 *         Name: string [0+]
 *         Value: string [0+] null 0+
 *     ValidateOnly: bool [0+]
 *
 *   AlterConfigsResponse (versions 0-2, flexible 2+)
 *     ThrottleTimeMs: int32 [0+]
 *     Responses: []AlterConfigsResourceResponse [0+]
 *       ErrorCode: int16 [0+]
 *       ErrorMessage: string [0+] null 0+
 *       ResourceType: int8 [0+]
 *       ResourceName: string [0+]
 */
import type { ApiSpec, MessageSpec } from '../../protocol/spec.js';

export const alterConfigsRequest = {
  name: 'AlterConfigsRequest',
  apiKey: 33,
  type: 'request',
  validVersions: '0-2',
  flexibleVersions: '2+',
  fields: [
    { name: 'resources', type: 'array', struct: 'AlterConfigsResource', versions: '0+', items: [
        { name: 'resourceType', type: 'int8', versions: '0+' },
        { name: 'resourceName', type: 'string', versions: '0+' },
        { name: 'configs', type: 'array', struct: 'AlterableConfig', versions: '0+', items: [
            { name: 'name', type: 'string', versions: '0+' },
            { name: 'value', type: 'string', versions: '0+', nullableVersions: '0+' },
          ] },
      ] },
    { name: 'validateOnly', type: 'bool', versions: '0+' },
  ],
} as const satisfies MessageSpec;

export const alterConfigsResponse = {
  name: 'AlterConfigsResponse',
  apiKey: 33,
  type: 'response',
  validVersions: '0-2',
  flexibleVersions: '2+',
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

export const alterConfigsApi = {
  apiKey: 33,
  name: 'AlterConfigs',
  request: alterConfigsRequest,
  response: alterConfigsResponse,
} as const satisfies ApiSpec;
