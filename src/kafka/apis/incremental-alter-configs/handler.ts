/**
 * IncrementalAlterConfigs: per-key operations on a topic's explicit
 * configs — SET (0), DELETE (1, back to the default), APPEND (2) and
 * SUBTRACT (3) on list values such as cleanup.policy.
 */
import { ErrorCode } from '../../error-codes.js';
import { defineApi } from '../../handler.js';
import { failureOf } from '../../log-errors.js';
import { BROKER_CONFIGS_ARE_STATIC, ResourceType } from '../../topics/resources.js';
import { incrementalAlterConfigsApi } from './spec.js';

const Op = { SET: 0, DELETE: 1, APPEND: 2, SUBTRACT: 3 } as const;

function listOf(v: string | undefined): string[] {
  return v === undefined || v === '' ? [] : v.split(',').map((s) => s.trim());
}

export const incrementalAlterConfigs = defineApi({
  spec: incrementalAlterConfigsApi,
  advertised: { min: 0, max: 1 },
  handler: async (req, ctx) => {
    const responses = [];
    for (const r of req.resources) {
      const base = { resourceType: r.resourceType, resourceName: r.resourceName };
      if (r.resourceType !== ResourceType.TOPIC) {
        responses.push({ ...base, errorCode: ErrorCode.INVALID_REQUEST, errorMessage: BROKER_CONFIGS_ARE_STATIC });
        continue;
      }
      try {
        const d = await ctx.broker.log.describeTopic(r.resourceName);
        if (d === undefined) {
          responses.push({ ...base, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, errorMessage: `topic '${r.resourceName}' does not exist` });
          continue;
        }
        const set: Record<string, string> = {};
        const reset: string[] = [];
        let bad: string | undefined;
        for (const c of r.configs) {
          const current = set[c.name] ?? d.configs[c.name];
          if (c.configOperation === Op.SET) {
            if (c.value === null) bad = `SET ${c.name} needs a value`;
            else {
              set[c.name] = c.value;
              const i = reset.indexOf(c.name);
              if (i >= 0) reset.splice(i, 1);
            }
          } else if (c.configOperation === Op.DELETE) {
            delete set[c.name];
            reset.push(c.name);
          } else if (c.configOperation === Op.APPEND || c.configOperation === Op.SUBTRACT) {
            const items = listOf(current);
            const given = listOf(c.value ?? '');
            const next = c.configOperation === Op.APPEND ? [...items, ...given.filter((g) => !items.includes(g))] : items.filter((i) => !given.includes(i));
            set[c.name] = next.join(',');
          } else {
            bad = `unknown config operation ${c.configOperation}`;
          }
        }
        if (bad !== undefined) {
          responses.push({ ...base, errorCode: ErrorCode.INVALID_REQUEST, errorMessage: bad });
          continue;
        }
        await ctx.broker.log.alterConfigs(r.resourceName, { set, reset, validateOnly: req.validateOnly });
        responses.push({ ...base, errorCode: ErrorCode.NONE, errorMessage: null });
      } catch (err) {
        const f = failureOf(err, ctx.broker.logger, `alter configs ${r.resourceName}`);
        responses.push({ ...base, errorCode: f.code, errorMessage: f.message });
      }
    }
    return { throttleTimeMs: 0, responses };
  },
});
