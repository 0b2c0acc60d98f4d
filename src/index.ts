/**
 * Gale's public API (named exports only), by layer:
 *   the two seams and their implementations (embedded and external),
 *   the engine and its front ends, the SQL front end, the planner and runtime,
 *   the wire servers, and the error registry.
 */
export { GaleError, isGaleError } from './errors.js';
export type { SourceSpan } from './errors.js';
export { ERROR_CODES } from './error-codes.js';
export type { ErrorCodeInfo } from './error-codes.js';

// the Log seam: embedded (src/log) and a real Kafka cluster (kafkajs)
export type * from './log/log.js';
export { EmbeddedLog } from './log/embedded-log.js';
export * as recordBatch from './log/record-batch/index.js';
export { KafkaLog } from './connectors/kafka/kafka-log.js';

// the Coordinator seam: embedded (src/coord) and a real ZooKeeper ensemble
export type * from './coord/coordinator.js';
export { EmbeddedCoordinator } from './coord/embedded-coordinator.js';
export { ZooKeeperCoordinator } from './connectors/zookeeper/zookeeper-coordinator.js';

// the engine and its front ends
export type * from './engine/api.js';
export { Engine } from './engine/engine.js';
export type { EngineOptions } from './engine/engine.js';
export { HttpApiServer } from './engine/http/server.js';
export { HttpEngineClient } from './engine/http/client.js';

// SQL → plan → runtime
export * as sql from './sql/index.js';
export { planText } from './plan/index.js';
export { runTopology } from './runtime/run.js';
export { kafkaPartition, murmur2 } from './runtime/murmur2.js';

// the wire servers
export { KafkaServer } from './kafka/server.js';
export { ZooKeeperServer } from './zookeeper/server.js';
