/**
 * What the broker needs from its log: the `Log` seam plus the topic
 * administration Kafka's admin APIs reach (EmbeddedLog provides all of it;
 * the broker serves only the embedded log, DESIGN.md). Declared here as a
 * structural type so the wire server does not depend on the log's internals.
 */
import type { CommittedOffset, Log, TopicDescription, TopicPartition } from '../log/log.js';

export interface TopicConfigChange {
  /** configs to set (Kafka names) */
  readonly set?: Readonly<Record<string, string>>;
  /** configs to reset to their defaults */
  readonly reset?: readonly string[];
  /** legacy AlterConfigs: `set` replaces every explicit config */
  readonly replace?: boolean;
  readonly validateOnly?: boolean;
}

export interface BrokerTopicDescription extends TopicDescription {
  /** Kafka's topic id, fixed at creation */
  readonly topicId?: string;
  /** only the configs set explicitly on the topic */
  readonly explicitConfigs?: Readonly<Record<string, string>>;
}

export interface BrokerLog extends Log {
  describeTopic(name: string): Promise<BrokerTopicDescription | undefined>;
  createTopic(name: string, spec: { partitions: number; configs?: Readonly<Record<string, string>> }, opts?: { validateOnly?: boolean }): Promise<void>;
  deleteTopic(name: string): Promise<void>;
  /** grows a topic to `totalPartitions` */
  createPartitions(name: string, totalPartitions: number, opts?: { validateOnly?: boolean }): Promise<void>;
  alterConfigs(name: string, change: TopicConfigChange): Promise<unknown>;
  /** the record with the largest timestamp (ListOffsets MAX_TIMESTAMP); undefined when there is none */
  maxTimestampOffset(tp: TopicPartition): Promise<{ offset: bigint; timestamp: bigint } | undefined>;
  /** advances the log start offset; -1n = the high watermark; resolves to the new start */
  deleteRecords(tp: TopicPartition, offset: bigint): Promise<bigint>;
  /** every partition a consumer group has committed (OffsetFetch with null topics) */
  allCommittedOffsets(group: string): Promise<CommittedOffset[]>;
  /** tombstones a group's committed offsets (DeleteGroups) */
  deleteCommittedOffsets(group: string): Promise<void>;
  /** groups that exist through their committed offsets (loaded by the group coordinator at start) */
  groupsWithCommittedOffsets(): Promise<string[]>;
}
