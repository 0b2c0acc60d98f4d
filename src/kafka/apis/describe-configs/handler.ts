/**
 * DescribeConfigs: topic resources list the topic's effective configs
 * (defaults marked as such); the broker resource lists the broker's static
 * settings. `configuration_keys` (null = all) filters by name. Synonyms are
 * not tracked: an entry's synonym list is empty.
 */
import { ErrorCode } from '../../error-codes.js';
import type { Broker } from '../../handler.js';
import { defineApi } from '../../handler.js';
import { failureOf } from '../../log-errors.js';
import { brokerConfigEntries, topicConfigEntries, type ConfigEntry } from '../../topics/config-entries.js';
import { ResourceType } from '../../topics/resources.js';
import { describeConfigsApi } from './spec.js';

async function entriesFor(broker: Broker, type: number, name: string): Promise<ConfigEntry[] | { code: number; message: string }> {
  if (type === ResourceType.TOPIC) {
    const d = await broker.log.describeTopic(name);
    if (d === undefined) return { code: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, message: `topic '${name}' does not exist` };
    return topicConfigEntries(d.configs, d.explicitConfigs);
  }
  if (type === ResourceType.BROKER) {
    if (name !== '' && name !== String(broker.config.nodeId)) return { code: ErrorCode.INVALID_REQUEST, message: `no broker ${name}` };
    return brokerConfigEntries(broker.config);
  }
  return { code: ErrorCode.INVALID_REQUEST, message: `resource type ${type} is not supported` };
}

export const describeConfigs = defineApi({
  spec: describeConfigsApi,
  advertised: { min: 0, max: 4 },
  handler: async (req, ctx) => {
    const results = [];
    for (const r of req.resources) {
      const base = { resourceType: r.resourceType, resourceName: r.resourceName };
      try {
        const found = await entriesFor(ctx.broker, r.resourceType, r.resourceName);
        if (!Array.isArray(found)) {
          results.push({ ...base, errorCode: found.code, errorMessage: found.message, configs: [] });
          continue;
        }
        const keys = r.configurationKeys === null ? null : new Set(r.configurationKeys);
        const configs = found
          .filter((e) => keys === null || keys.has(e.name))
          .map((e) => ({
            ...e,
            synonyms: [],
            documentation: req.includeDocumentation ? e.documentation : null,
          }));
        results.push({ ...base, errorCode: ErrorCode.NONE, errorMessage: null, configs });
      } catch (err) {
        const f = failureOf(err, ctx.broker.logger, `describe configs ${r.resourceName}`);
        results.push({ ...base, errorCode: f.code, errorMessage: f.message, configs: [] });
      }
    }
    return { throttleTimeMs: 0, results };
  },
});
