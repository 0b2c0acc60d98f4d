/**
 * DescribeConfigs (api key 32), versions 0-4.
 * Transcribed from apache/kafka clients/src/main/resources/common/message/
 * DescribeConfigsRequest.json and DescribeConfigsResponse.json @1eb7644 by
 * src/kafka/protocol/transcribe.ts, then maintained by hand.
 *
 *   DescribeConfigsRequest (versions 0-4, flexible 4+)
 *     Resources: []DescribeConfigsResource [0+]
 *       ResourceType: int8 [0+]
 *       ResourceName: string [0+]
 *       ConfigurationKeys: []string [0+] null 0+
 *     IncludeSynonyms: bool [1+] default false
 *     IncludeDocumentation: bool [3+] default false
 *
 *   DescribeConfigsResponse (versions 0-4, flexible 4+)
 *     ThrottleTimeMs: int32 [0+]
 *     Results: []DescribeConfigsResult [0+]
 *       ErrorCode: int16 [0+]
 *       ErrorMessage: string [0+] null 0+
 *       ResourceType: int8 [0+]
 *       ResourceName: string [0+]
 *       Configs: []DescribeConfigsResourceResult [0+]
 *         Name: string [0+]
 *         Value: string [0+] null 0+
 *         ReadOnly: bool [0+]
 *         IsDefault: bool [0]
 *         ConfigSource: int8 [1+] default -1
 *         IsSensitive: bool [0+]
 *         Synonyms: []DescribeConfigsSynonym [1+]
 *           Name: string [1+]
 *           Value: string [1+] null 0+
 *           Source: int8 [1+]
 *         ConfigType: int8 [3+] default 0
 *         Documentation: string [3+] null 0+
 */
import type { ApiSpec, MessageSpec } from '../../protocol/spec.js';

export const describeConfigsRequest = {
  name: 'DescribeConfigsRequest',
  apiKey: 32,
  type: 'request',
  validVersions: '0-4',
  flexibleVersions: '4+',
  fields: [
    { name: 'resources', type: 'array', struct: 'DescribeConfigsResource', versions: '0+', items: [
        { name: 'resourceType', type: 'int8', versions: '0+' },
        { name: 'resourceName', type: 'string', versions: '0+' },
        { name: 'configurationKeys', type: 'array', items: 'string', versions: '0+', nullableVersions: '0+' },
      ] },
    { name: 'includeSynonyms', type: 'bool', versions: '1+', default: false },
    { name: 'includeDocumentation', type: 'bool', versions: '3+', default: false },
  ],
} as const satisfies MessageSpec;

export const describeConfigsResponse = {
  name: 'DescribeConfigsResponse',
  apiKey: 32,
  type: 'response',
  validVersions: '0-4',
  flexibleVersions: '4+',
  fields: [
    { name: 'throttleTimeMs', type: 'int32', versions: '0+' },
    { name: 'results', type: 'array', struct: 'DescribeConfigsResult', versions: '0+', items: [
        { name: 'errorCode', type: 'int16', versions: '0+' },
        { name: 'errorMessage', type: 'string', versions: '0+', nullableVersions: '0+' },
        { name: 'resourceType', type: 'int8', versions: '0+' },
        { name: 'resourceName', type: 'string', versions: '0+' },
        { name: 'configs', type: 'array', struct: 'DescribeConfigsResourceResult', versions: '0+', items: [
            { name: 'name', type: 'string', versions: '0+' },
            { name: 'value', type: 'string', versions: '0+', nullableVersions: '0+' },
            { name: 'readOnly', type: 'bool', versions: '0+' },
            { name: 'isDefault', type: 'bool', versions: '0' },
            { name: 'configSource', type: 'int8', versions: '1+', default: -1 },
            { name: 'isSensitive', type: 'bool', versions: '0+' },
            { name: 'synonyms', type: 'array', struct: 'DescribeConfigsSynonym', versions: '1+', items: [
                { name: 'name', type: 'string', versions: '1+' },
                { name: 'value', type: 'string', versions: '1+', nullableVersions: '0+' },
                { name: 'source', type: 'int8', versions: '1+' },
              ] },
            { name: 'configType', type: 'int8', versions: '3+', default: 0 },
            { name: 'documentation', type: 'string', versions: '3+', nullableVersions: '0+' },
          ] },
      ] },
  ],
} as const satisfies MessageSpec;

export const describeConfigsApi = {
  apiKey: 32,
  name: 'DescribeConfigs',
  request: describeConfigsRequest,
  response: describeConfigsResponse,
} as const satisfies ApiSpec;
