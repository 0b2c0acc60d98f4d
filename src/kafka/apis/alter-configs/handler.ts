/**
 * AlterConfigs (the legacy, non-incremental form): a topic's explicit
 * configs become exactly the ones given. Broker configs are static in Gale
 * (they come from `gale serve` options) and cannot be altered.
 */
import { ErrorCode } from '../../error-codes.js';
import { defineApi } from '../../handler.js';
import { failureOf } from '../../log-errors.js';
import { BROKER_CONFIGS_ARE_STATIC, ResourceType } from '../../topics/resources.js';
import { alterConfigsApi } from './spec.js';

export const alterConfigs = defineApi({
  spec: alterConfigsApi,
  advertised: { min: 0, max: 2 },
  handler: async (req, ctx) => {
    const responses = [];
    for (const r of req.resources) {
      const base = { resourceType: r.resourceType, resourceName: r.resourceName };
      if (r.resourceType !== ResourceType.TOPIC) {
        responses.push({ ...base, errorCode: ErrorCode.INVALID_REQUEST, errorMessage: BROKER_CONFIGS_ARE_STATIC });
        continue;
      }
      try {
        if ((await ctx.broker.log.describeTopic(r.resourceName)) === undefined) {
          responses.push({ ...base, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, errorMessage: `topic '${r.resourceName}' does not exist` });
          continue;
        }
        const configs: Record<string, string> = {};
        for (const c of r.configs) if (c.value !== null) configs[c.name] = c.value;
        await ctx.broker.log.alterConfigs(r.resourceName, { set: configs, replace: true, validateOnly: req.validateOnly });
        responses.push({ ...base, errorCode: ErrorCode.NONE, errorMessage: null });
      } catch (err) {
        const f = failureOf(err, ctx.broker.logger, `alter configs ${r.resourceName}`);
        responses.push({ ...base, errorCode: f.code, errorMessage: f.message });
      }
    }
    return { throttleTimeMs: 0, responses };
  },
});
