/**
 * The registry: api key → { spec, handler, advertised versions }. It drives
 * both the ApiVersions answer and dispatch, so the broker can never offer an
 * API it cannot decode or handle. APIs deliberately not offered are listed
 * with the reason (the completeness test checks both lists).
 */
import { alterConfigs } from './apis/alter-configs/handler.js';
import { apiVersions } from './apis/api-versions/handler.js';
import { createPartitions } from './apis/create-partitions/handler.js';
import { createTopics } from './apis/create-topics/handler.js';
import { deleteRecords } from './apis/delete-records/handler.js';
import { deleteTopics } from './apis/delete-topics/handler.js';
import { describeCluster } from './apis/describe-cluster/handler.js';
import { describeConfigs } from './apis/describe-configs/handler.js';
import { fetch } from './apis/fetch/handler.js';
import { groupApis } from './apis/groups.js';
import { incrementalAlterConfigs } from './apis/incremental-alter-configs/handler.js';
import { initProducerId } from './apis/init-producer-id/handler.js';
import { listOffsets } from './apis/list-offsets/handler.js';
import { metadata } from './apis/metadata/handler.js';
import { produce } from './apis/produce/handler.js';
import { saslAuthenticate } from './apis/sasl-authenticate/handler.js';
import { saslHandshake } from './apis/sasl-handshake/handler.js';
import type { AnyApiDefinition, NotImplementedApi, Registry } from './handler.js';

/** The broker's own APIs (data plane + admin). */
export const brokerApis: readonly AnyApiDefinition[] = [
  produce,
  fetch,
  listOffsets,
  metadata,
  saslHandshake,
  apiVersions,
  createTopics,
  deleteTopics,
  deleteRecords,
  initProducerId,
  describeConfigs,
  alterConfigs,
  saslAuthenticate,
  createPartitions,
  incrementalAlterConfigs,
  describeCluster,
];

export const notImplementedApis: readonly NotImplementedApi[] = [
  { apiKey: 4, name: 'LeaderAndIsr', why: 'inter-broker; single node' },
  { apiKey: 5, name: 'StopReplica', why: 'inter-broker; single node' },
  { apiKey: 6, name: 'UpdateMetadata', why: 'inter-broker; single node' },
  { apiKey: 7, name: 'ControlledShutdown', why: 'inter-broker; single node' },
  { apiKey: 23, name: 'OffsetForLeaderEpoch', why: 'would make newer clients start epoch validation (protocols.md A5.7)' },
  { apiKey: 24, name: 'AddPartitionsToTxn', why: 'transactions are not implemented' },
  { apiKey: 25, name: 'AddOffsetsToTxn', why: 'transactions are not implemented' },
  { apiKey: 26, name: 'EndTxn', why: 'transactions are not implemented' },
  { apiKey: 27, name: 'WriteTxnMarkers', why: 'inter-broker' },
  { apiKey: 28, name: 'TxnOffsetCommit', why: 'transactions are not implemented' },
  { apiKey: 29, name: 'DescribeAcls', why: 'ACLs are not implemented' },
  { apiKey: 30, name: 'CreateAcls', why: 'ACLs are not implemented' },
  { apiKey: 31, name: 'DeleteAcls', why: 'ACLs are not implemented' },
  { apiKey: 45, name: 'AlterPartitionReassignments', why: 'single node: nothing to reassign' },
  { apiKey: 46, name: 'ListPartitionReassignments', why: 'single node: nothing to reassign' },
  { apiKey: 68, name: 'ConsumerGroupHeartbeat', why: 'KIP-848 groups; clients use the classic protocol (protocols.md A2.1)' },
  { apiKey: 71, name: 'GetTelemetrySubscriptions', why: 'telemetry is not offered (protocols.md A5.7)' },
  { apiKey: 72, name: 'PushTelemetry', why: 'telemetry is not offered (protocols.md A5.7)' },
];

export function createRegistry(defs: readonly AnyApiDefinition[]): Registry {
  const byKey = new Map<number, AnyApiDefinition>();
  for (const d of defs) {
    if (byKey.has(d.spec.apiKey)) throw new Error(`api key ${d.spec.apiKey} (${d.spec.name}) registered twice`);
    byKey.set(d.spec.apiKey, d);
  }
  const offered = [...byKey.values()].sort((a, b) => a.spec.apiKey - b.spec.apiKey);
  return { get: (k) => byKey.get(k), offered, notImplemented: notImplementedApis };
}

/** Everything the broker offers: its own APIs and the consumer-group APIs. */
export function defaultRegistry(): Registry {
  return createRegistry([...brokerApis, ...groupApis]);
}
