/**
 * Broker settings of the group coordinator, named after Kafka's broker
 * configs, with Kafka's defaults.
 */
export interface GroupCoordinatorConfig {
  /** group.min.session.timeout.ms: JoinGroup below it gets INVALID_SESSION_TIMEOUT */
  readonly minSessionTimeoutMs: number;
  /** group.max.session.timeout.ms */
  readonly maxSessionTimeoutMs: number;
  /** group.initial.rebalance.delay.ms: how long a new (Empty) group waits for more members */
  readonly initialRebalanceDelayMs: number;
  /** how long a new member's JoinGroup may wait before it is dropped (Kafka: 5 minutes) */
  readonly newMemberJoinTimeoutMs: number;
  /** offset.metadata.max.bytes */
  readonly maxOffsetMetadataBytes: number;
}

export const defaultGroupCoordinatorConfig: GroupCoordinatorConfig = {
  minSessionTimeoutMs: 6_000,
  maxSessionTimeoutMs: 1_800_000,
  initialRebalanceDelayMs: 3_000,
  newMemberJoinTimeoutMs: 300_000,
  maxOffsetMetadataBytes: 4_096,
};
