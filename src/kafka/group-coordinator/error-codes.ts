/**
 * The Kafka protocol error numbers the group APIs answer with (Errors.java).
 * Data, not a switch: handlers copy these into responses as they are. The
 * comment after each says how the target clients react, which is why the
 * coordinator picks one over another.
 */
export const GroupErrorCode = {
  NONE: 0,
  /** OffsetCommit on a topic/partition the log does not have */
  UNKNOWN_TOPIC_OR_PARTITION: 3,
  /** OffsetCommit metadata longer than offset.metadata.max.bytes */
  OFFSET_METADATA_TOO_LARGE: 12,
  /** retriable: clients back off and retry */
  COORDINATOR_LOAD_IN_PROGRESS: 14,
  /** retriable: clients look the coordinator up again (group is Dead or storage failed) */
  COORDINATOR_NOT_AVAILABLE: 15,
  /** retriable: clients look the coordinator up again (coordinator shut down) */
  NOT_COORDINATOR: 16,
  /** the member's generation is stale: rejoin */
  ILLEGAL_GENERATION: 22,
  /** protocol type or assignor unknown to the group: fatal for that consumer */
  INCONSISTENT_GROUP_PROTOCOL: 23,
  INVALID_GROUP_ID: 24,
  /** forget the member id and join from scratch */
  UNKNOWN_MEMBER_ID: 25,
  /** session timeout outside [group.min.session.timeout.ms, group.max.session.timeout.ms] */
  INVALID_SESSION_TIMEOUT: 26,
  /** rejoin (kafkajs commits what it processed first) */
  REBALANCE_IN_PROGRESS: 27,
  INVALID_REQUEST: 42,
  /** DeleteGroups on a group that still has members */
  NON_EMPTY_GROUP: 68,
  /** DeleteGroups on a group that does not exist */
  GROUP_ID_NOT_FOUND: 69,
  /** JoinGroup v4+ with an empty member id: rejoin with the id in the response */
  MEMBER_ID_REQUIRED: 79,
  /** another member now owns this group.instance.id: fatal for the old one */
  FENCED_INSTANCE_ID: 82,
  /** OffsetFetch require_stable while transactional offsets are pending: retriable */
  UNSTABLE_OFFSET_COMMIT: 88,
} as const;

export type GroupErrorCode = (typeof GroupErrorCode)[keyof typeof GroupErrorCode];
