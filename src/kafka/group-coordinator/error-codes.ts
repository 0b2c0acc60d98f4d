/**
 * The Kafka protocol error codes the group APIs answer with: the subset of
 * the broker's table (../error-codes.ts) the coordinator may return, so its
 * results are typed by exactly these. The comment on each says how the
 * target clients react, which is why the coordinator picks one over another.
 */
import { ErrorCode } from '../error-codes.js';

export const GroupErrorCode = {
  NONE: ErrorCode.NONE,
  /** OffsetCommit on a topic/partition the log does not have */
  UNKNOWN_TOPIC_OR_PARTITION: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
  /** OffsetCommit metadata longer than offset.metadata.max.bytes */
  OFFSET_METADATA_TOO_LARGE: ErrorCode.OFFSET_METADATA_TOO_LARGE,
  /** retriable: clients look the coordinator up again (group is Dead or storage failed) */
  COORDINATOR_NOT_AVAILABLE: ErrorCode.COORDINATOR_NOT_AVAILABLE,
  /** retriable: clients look the coordinator up again (coordinator shut down) */
  NOT_COORDINATOR: ErrorCode.NOT_COORDINATOR,
  /** the member's generation is stale: rejoin */
  ILLEGAL_GENERATION: ErrorCode.ILLEGAL_GENERATION,
  /** protocol type or assignor unknown to the group: fatal for that consumer */
  INCONSISTENT_GROUP_PROTOCOL: ErrorCode.INCONSISTENT_GROUP_PROTOCOL,
  INVALID_GROUP_ID: ErrorCode.INVALID_GROUP_ID,
  /** forget the member id and join from scratch */
  UNKNOWN_MEMBER_ID: ErrorCode.UNKNOWN_MEMBER_ID,
  /** session timeout outside [group.min.session.timeout.ms, group.max.session.timeout.ms] */
  INVALID_SESSION_TIMEOUT: ErrorCode.INVALID_SESSION_TIMEOUT,
  /** rejoin (kafkajs commits what it processed first) */
  REBALANCE_IN_PROGRESS: ErrorCode.REBALANCE_IN_PROGRESS,
  /** DeleteGroups on a group that still has members */
  NON_EMPTY_GROUP: ErrorCode.NON_EMPTY_GROUP,
  /** DeleteGroups on a group that does not exist */
  GROUP_ID_NOT_FOUND: ErrorCode.GROUP_ID_NOT_FOUND,
  /** JoinGroup v4+ with an empty member id: rejoin with the id in the response */
  MEMBER_ID_REQUIRED: ErrorCode.MEMBER_ID_REQUIRED,
  /** another member now owns this group.instance.id: fatal for the old one */
  FENCED_INSTANCE_ID: ErrorCode.FENCED_INSTANCE_ID,
} as const;

export type GroupErrorCode = (typeof GroupErrorCode)[keyof typeof GroupErrorCode];
