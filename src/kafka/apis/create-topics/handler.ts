/**
 * CreateTopics: one partition leader (this node) per partition, so a
 * replication factor above 1 or an assignment naming another broker is
 * refused; -1 for partitions or replication factor means the broker default
 * (Kafka accepts that from v4; Gale at any version). `validate_only` checks
 * without creating. v5+ answers carry the topic's effective configs.
 */
import { ErrorCode } from '../../error-codes.js';
import type { Broker } from '../../handler.js';
import { defineApi } from '../../handler.js';
import { failureOf } from '../../log-errors.js';
import { topicConfigEntries } from '../../topics/config-entries.js';
import { createTopicsApi } from './spec.js';

interface Creatable {
  readonly name: string;
  readonly numPartitions: number;
  readonly replicationFactor: number;
  readonly assignments: readonly { partitionIndex: number; brokerIds: number[] }[];
  readonly configs: readonly { name: string; value: string | null }[];
}

const ZERO_UUID = '00000000-0000-0000-0000-000000000000';

async function createOne(broker: Broker, t: Creatable, validateOnly: boolean) {
  const fail = (errorCode: number, errorMessage: string) => ({ name: t.name, topicId: ZERO_UUID, errorCode, errorMessage, configs: null });
  const node = broker.config.nodeId;
  if (t.replicationFactor > 1) return fail(ErrorCode.INVALID_REPLICATION_FACTOR, `replication factor ${t.replicationFactor} > 1: Gale is a single node`);
  if (t.assignments.some((a) => a.brokerIds.length !== 1 || a.brokerIds[0] !== node)) {
    return fail(ErrorCode.INVALID_REPLICA_ASSIGNMENT, `replica assignments may only name broker ${node}`);
  }
  const partitions = t.assignments.length > 0 ? t.assignments.length : t.numPartitions === -1 ? broker.config.defaultPartitions : t.numPartitions;
  if (!Number.isInteger(partitions) || partitions < 1) return fail(ErrorCode.INVALID_PARTITIONS, `number of partitions must be at least 1, got ${partitions}`);
  const configs: Record<string, string> = {};
  for (const c of t.configs) if (c.value !== null) configs[c.name] = c.value;
  try {
    await broker.log.createTopic(t.name, { partitions, configs }, { validateOnly });
  } catch (err) {
    const f = failureOf(err, broker.logger, `create topic ${t.name}`);
    return fail(f.code, f.message);
  }
  const d = validateOnly ? undefined : await broker.log.describeTopic(t.name);
  return {
    name: t.name,
    topicId: d?.topicId ?? ZERO_UUID,
    errorCode: ErrorCode.NONE,
    errorMessage: null,
    numPartitions: partitions,
    replicationFactor: 1,
    configs: topicConfigEntries(d?.configs ?? configs, d?.explicitConfigs ?? configs).map((e) => ({
      name: e.name,
      value: e.value,
      readOnly: e.readOnly,
      configSource: e.configSource,
      isSensitive: e.isSensitive,
    })),
  };
}

export const createTopics = defineApi({
  spec: createTopicsApi,
  advertised: { min: 0, max: 7 },
  handler: async (req, ctx) => {
    const seen = new Set<string>();
    const topics = [];
    for (const t of req.topics) {
      if (seen.has(t.name)) {
        topics.push({ name: t.name, errorCode: ErrorCode.INVALID_REQUEST, errorMessage: `topic '${t.name}' named twice` });
        continue;
      }
      seen.add(t.name);
      topics.push(await createOne(ctx.broker, t, req.validateOnly));
    }
    return { throttleTimeMs: 0, topics };
  },
});
