/**
 * CreatePartitions: grows a topic to `count` partitions (never shrinks);
 * assignments, when given, may only name this node.
 */
import { ErrorCode } from '../../error-codes.js';
import { defineApi } from '../../handler.js';
import { failureOf } from '../../log-errors.js';
import { createPartitionsApi } from './spec.js';

export const createPartitions = defineApi({
  spec: createPartitionsApi,
  advertised: { min: 0, max: 3 },
  handler: async (req, ctx) => {
    const { broker } = ctx;
    const node = broker.config.nodeId;
    const results = [];
    for (const t of req.topics) {
      const fail = (errorCode: number, errorMessage: string) => ({ name: t.name, errorCode, errorMessage });
      try {
        const d = await broker.log.describeTopic(t.name);
        if (d === undefined) {
          results.push(fail(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `topic '${t.name}' does not exist`));
          continue;
        }
        if (t.count <= d.partitions) {
          results.push(fail(ErrorCode.INVALID_PARTITIONS, `topic '${t.name}' has ${d.partitions} partitions; the new count ${t.count} must be larger`));
          continue;
        }
        if (t.assignments !== null && t.assignments.some((a) => a.brokerIds.some((b) => b !== node))) {
          results.push(fail(ErrorCode.INVALID_REPLICA_ASSIGNMENT, `assignments may only name broker ${node}`));
          continue;
        }
        await broker.log.createPartitions(t.name, t.count, { validateOnly: req.validateOnly });
        results.push({ name: t.name, errorCode: ErrorCode.NONE, errorMessage: null });
      } catch (err) {
        const f = failureOf(err, broker.logger, `create partitions for ${t.name}`);
        results.push(fail(f.code, f.message));
      }
    }
    return { throttleTimeMs: 0, results };
  },
});
