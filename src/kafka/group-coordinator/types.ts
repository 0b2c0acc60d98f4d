/**
 * What the group coordinator takes and answers, independent of API versions:
 * handlers map each version's fields onto these (defaults for fields a version
 * lacks) and back. Error codes are Kafka's numbers (error-codes.ts).
 */
import type { GroupErrorCode } from './error-codes.js';

export type GroupState = 'Empty' | 'PreparingRebalance' | 'CompletingRebalance' | 'Stable' | 'Dead';

export const groupStates: readonly GroupState[] = ['Empty', 'PreparingRebalance', 'CompletingRebalance', 'Stable', 'Dead'];

export interface ProtocolMetadata {
  /** assignor name, e.g. `range`, `roundrobin`, `RoundRobinAssigner` */
  readonly name: string;
  /** opaque to the broker: stored and echoed to the leader */
  readonly metadata: Uint8Array;
}

export interface JoinGroupRequest {
  readonly groupId: string;
  /** '' for a member joining for the first time */
  readonly memberId: string;
  /** static membership (group.instance.id), null when dynamic */
  readonly groupInstanceId: string | null;
  readonly sessionTimeoutMs: number;
  /** JoinGroup v0 has none: pass the session timeout, as Kafka does */
  readonly rebalanceTimeoutMs: number;
  readonly protocolType: string;
  readonly protocols: readonly ProtocolMetadata[];
  readonly clientId: string;
  /** as Kafka shows it, e.g. `/127.0.0.1` */
  readonly clientHost: string;
  /** JoinGroup v4+: a new member first gets MEMBER_ID_REQUIRED with its id */
  readonly requireKnownMemberId: boolean;
}

export interface JoinGroupMember {
  readonly memberId: string;
  readonly groupInstanceId: string | null;
  readonly metadata: Uint8Array;
}

export interface JoinGroupResult {
  readonly errorCode: GroupErrorCode;
  readonly generationId: number;
  readonly protocolType: string | null;
  readonly protocolName: string | null;
  readonly leader: string;
  readonly memberId: string;
  /** every member's metadata for the chosen protocol, for the leader only */
  readonly members: readonly JoinGroupMember[];
}

export interface SyncGroupRequest {
  readonly groupId: string;
  readonly generationId: number;
  readonly memberId: string;
  readonly groupInstanceId: string | null;
  /** SyncGroup v5+ echo; null when the version has none */
  readonly protocolType: string | null;
  readonly protocolName: string | null;
  /** the leader's assignment per member; empty for followers */
  readonly assignments: readonly { readonly memberId: string; readonly assignment: Uint8Array }[];
}

export interface SyncGroupResult {
  readonly errorCode: GroupErrorCode;
  readonly protocolType: string | null;
  readonly protocolName: string | null;
  /** never null: a member the leader left out gets empty bytes */
  readonly assignment: Uint8Array;
}

export interface HeartbeatRequest {
  readonly groupId: string;
  readonly generationId: number;
  readonly memberId: string;
  readonly groupInstanceId: string | null;
}

export interface MemberIdentity {
  /** '' to remove a static member by its instance id alone */
  readonly memberId: string;
  readonly groupInstanceId: string | null;
}

export interface LeaveGroupResult {
  readonly errorCode: GroupErrorCode;
  readonly members: readonly (MemberIdentity & { readonly errorCode: GroupErrorCode })[];
}

export interface DescribedMember {
  readonly memberId: string;
  readonly groupInstanceId: string | null;
  readonly clientId: string;
  readonly clientHost: string;
  /** metadata for the chosen protocol and the assignment; empty unless the group is Stable */
  readonly metadata: Uint8Array;
  readonly assignment: Uint8Array;
}

export interface DescribedGroup {
  readonly errorCode: GroupErrorCode;
  readonly groupId: string;
  readonly state: GroupState;
  readonly protocolType: string;
  /** the chosen protocol when Stable, else '' */
  readonly protocolData: string;
  readonly members: readonly DescribedMember[];
}

export interface ListedGroup {
  readonly groupId: string;
  readonly protocolType: string;
  readonly state: GroupState;
}

export interface OffsetCommitPartition {
  readonly partition: number;
  readonly offset: bigint;
  readonly metadata: string | null;
}

export interface OffsetCommitRequest {
  readonly groupId: string;
  /** -1 for a simple (non-group-managed) consumer or OffsetCommit v0 */
  readonly generationId: number;
  readonly memberId: string;
  readonly groupInstanceId: string | null;
  readonly topics: readonly { readonly name: string; readonly partitions: readonly OffsetCommitPartition[] }[];
}

export interface OffsetCommitResult {
  readonly topics: readonly {
    readonly name: string;
    readonly partitions: readonly { readonly partition: number; readonly errorCode: GroupErrorCode }[];
  }[];
}

export interface OffsetFetchRequest {
  readonly groupId: string;
  /** null: every partition the group has committed (OffsetFetch v2+) */
  readonly topics: readonly { readonly name: string; readonly partitions: readonly number[] }[] | null;
  readonly requireStable: boolean;
}

export interface FetchedOffset {
  readonly partition: number;
  /** -1n when nothing is committed */
  readonly offset: bigint;
  readonly metadata: string;
  readonly errorCode: GroupErrorCode;
}

export interface OffsetFetchResult {
  /** group-level error (OffsetFetch v2+; older versions copy it into every partition) */
  readonly errorCode: GroupErrorCode;
  readonly topics: readonly { readonly name: string; readonly partitions: readonly FetchedOffset[] }[];
}
