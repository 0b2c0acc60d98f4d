/**
 * Metadata: this node as the only broker and controller, every partition led
 * by it. Unknown topics are created here when the broker auto-creates and
 * the client allows it (v4+ `allow_auto_topic_creation`; older versions
 * default to true), so a producer's first Metadata already sees a ready
 * topic instead of LEADER_NOT_AVAILABLE.
 */
import type { Log } from '../../../log/log.js';
import { ErrorCode } from '../../error-codes.js';
import type { Broker } from '../../handler.js';
import { defineApi } from '../../handler.js';
import { failureOf } from '../../log-errors.js';
import { inVersions } from '../../protocol/versions.js';
import { allTopicsWhenEmpty, metadataApi } from './spec.js';

interface TopicAnswer {
  errorCode: number;
  name: string;
  isInternal: boolean;
  partitions: {
    errorCode: number;
    partitionIndex: number;
    leaderId: number;
    leaderEpoch: number;
    replicaNodes: number[];
    isrNodes: number[];
    offlineReplicas: number[];
  }[];
}

/** Creates the topic unless it exists; a concurrent creator winning the race is fine. */
export async function ensureTopic(broker: Broker, name: string): Promise<void> {
  const log: Log = broker.log;
  if ((await log.describeTopic(name)) !== undefined) return;
  try {
    await log.createTopic(name, { partitions: broker.config.defaultPartitions });
  } catch (err) {
    if ((await log.describeTopic(name)) === undefined) throw err;
  }
}

export async function describeForMetadata(broker: Broker, name: string, autoCreate: boolean): Promise<TopicAnswer> {
  const node = broker.config.nodeId;
  try {
    if (autoCreate) await ensureTopic(broker, name);
    const d = await broker.log.describeTopic(name);
    if (d === undefined) return { errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, name, isInternal: false, partitions: [] };
    const partitions = Array.from({ length: d.partitions }, (_, i) => ({
      errorCode: ErrorCode.NONE,
      partitionIndex: i,
      leaderId: node,
      leaderEpoch: 0,
      replicaNodes: [node],
      isrNodes: [node],
      offlineReplicas: [],
    }));
    return { errorCode: ErrorCode.NONE, name, isInternal: d.internal, partitions };
  } catch (err) {
    const f = failureOf(err, broker.logger, `metadata for ${name}`);
    return { errorCode: f.code, name, isInternal: false, partitions: [] };
  }
}

export const metadata = defineApi({
  spec: metadataApi,
  advertised: { min: 0, max: 9 },
  handler: async (req, ctx) => {
    const { broker } = ctx;
    const all =
      req.topics === null || (req.topics.length === 0 && inVersions(allTopicsWhenEmpty, ctx.header.apiVersion));
    const names = all ? await broker.log.listTopics() : (req.topics ?? []).map((t) => t.name ?? '');
    const autoCreate = !all && broker.config.autoCreateTopics && req.allowAutoTopicCreation;
    const topics = await Promise.all(names.map((n) => describeForMetadata(broker, n, autoCreate)));
    return {
      throttleTimeMs: 0,
      brokers: [{ nodeId: broker.config.nodeId, host: broker.config.advertisedHost, port: broker.config.advertisedPort, rack: null }],
      clusterId: broker.config.clusterId,
      controllerId: broker.config.nodeId,
      topics,
    };
  },
});
