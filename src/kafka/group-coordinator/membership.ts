/**
 * SyncGroup, Heartbeat and LeaveGroup: the requests of members that already
 * joined. Checks run in Kafka's order (dead group, fenced instance, unknown
 * member, stale generation, protocol echo, then the state), because clients
 * react differently to each answer.
 */
import type { GroupContext } from './context.js';
import { GroupErrorCode } from './error-codes.js';
import type { Group } from './group.js';
import { validateCurrentMember } from './join.js';
import {
  removeMemberAndUpdateGroup,
  removePendingMember,
  scheduleHeartbeatExpiry,
  setAndPropagateAssignment,
} from './rebalance.js';
import type { HeartbeatRequest, LeaveGroupResult, MemberIdentity, SyncGroupRequest, SyncGroupResult } from './types.js';

function syncError(errorCode: GroupErrorCode): SyncGroupResult {
  return { errorCode, protocolType: null, protocolName: null, assignment: new Uint8Array(0) };
}

export function syncGroup(ctx: GroupContext, group: Group | undefined, req: SyncGroupRequest): Promise<SyncGroupResult> {
  if (group === undefined) return Promise.resolve(syncError(GroupErrorCode.UNKNOWN_MEMBER_ID));
  if (group.is('Dead')) return Promise.resolve(syncError(GroupErrorCode.COORDINATOR_NOT_AVAILABLE));
  if (group.isStaticMemberFenced(req.memberId, req.groupInstanceId)) return Promise.resolve(syncError(GroupErrorCode.FENCED_INSTANCE_ID));
  const member = group.get(req.memberId);
  if (member === undefined) return Promise.resolve(syncError(GroupErrorCode.UNKNOWN_MEMBER_ID));
  if (req.generationId !== group.generationId) return Promise.resolve(syncError(GroupErrorCode.ILLEGAL_GENERATION));
  if (
    (req.protocolType !== null && req.protocolType !== group.protocolType) ||
    (req.protocolName !== null && req.protocolName !== group.protocolName)
  ) {
    return Promise.resolve(syncError(GroupErrorCode.INCONSISTENT_GROUP_PROTOCOL));
  }
  switch (group.state) {
    case 'Empty':
      return Promise.resolve(syncError(GroupErrorCode.UNKNOWN_MEMBER_ID));
    case 'PreparingRebalance':
      return Promise.resolve(syncError(GroupErrorCode.REBALANCE_IN_PROGRESS));
    case 'CompletingRebalance': {
      const answer = member.awaitSync();
      markSynced(group, req.memberId);
      if (group.isLeader(req.memberId)) {
        // assignments for ids that are not members are ignored; members left out get empty bytes
        const assignments = new Map(req.assignments.map((a) => [a.memberId, a.assignment]));
        setAndPropagateAssignment(ctx, group, assignments);
        group.transitionTo('Stable');
        ctx.logger.info(`group ${group.groupId}: generation ${group.generationId} is stable`);
      }
      return answer;
    }
    case 'Stable':
      markSynced(group, req.memberId);
      scheduleHeartbeatExpiry(ctx, group, member, member.sessionTimeoutMs);
      return Promise.resolve({
        errorCode: GroupErrorCode.NONE,
        protocolType: group.protocolType,
        protocolName: group.protocolName,
        assignment: member.assignment,
      });
    case 'Dead':
      return Promise.resolve(syncError(GroupErrorCode.COORDINATOR_NOT_AVAILABLE));
  }
}

function markSynced(group: Group, memberId: string): void {
  group.pendingSync.delete(memberId);
  if (group.pendingSync.size === 0) {
    group.syncTimer?.();
    group.syncTimer = undefined;
  }
}

export function heartbeat(ctx: GroupContext, group: Group | undefined, req: HeartbeatRequest): GroupErrorCode {
  if (group === undefined) return GroupErrorCode.UNKNOWN_MEMBER_ID;
  if (group.is('Dead')) return GroupErrorCode.COORDINATOR_NOT_AVAILABLE;
  if (group.isStaticMemberFenced(req.memberId, req.groupInstanceId)) return GroupErrorCode.FENCED_INSTANCE_ID;
  const member = group.get(req.memberId);
  if (member === undefined) return GroupErrorCode.UNKNOWN_MEMBER_ID;
  if (req.generationId !== group.generationId) return GroupErrorCode.ILLEGAL_GENERATION;
  switch (group.state) {
    case 'Empty':
      return GroupErrorCode.UNKNOWN_MEMBER_ID;
    case 'PreparingRebalance':
      // still alive, but it must rejoin
      scheduleHeartbeatExpiry(ctx, group, member, member.sessionTimeoutMs);
      return GroupErrorCode.REBALANCE_IN_PROGRESS;
    case 'CompletingRebalance':
    case 'Stable':
      scheduleHeartbeatExpiry(ctx, group, member, member.sessionTimeoutMs);
      return GroupErrorCode.NONE;
    case 'Dead':
      return GroupErrorCode.COORDINATOR_NOT_AVAILABLE;
  }
}

export function leaveGroup(ctx: GroupContext, group: Group | undefined, leaving: readonly MemberIdentity[]): LeaveGroupResult {
  if (group === undefined) {
    return { errorCode: GroupErrorCode.NONE, members: leaving.map((m) => ({ ...m, errorCode: GroupErrorCode.UNKNOWN_MEMBER_ID })) };
  }
  if (group.is('Dead')) return { errorCode: GroupErrorCode.COORDINATOR_NOT_AVAILABLE, members: [] };
  const members = leaving.map((m) => ({ ...m, errorCode: leaveOne(ctx, group, m) }));
  return { errorCode: GroupErrorCode.NONE, members };
}

function leaveOne(ctx: GroupContext, group: Group, leaving: MemberIdentity): GroupErrorCode {
  const { memberId, groupInstanceId } = leaving;
  if (memberId === '') {
    // an administrative removal names only the static instance
    const current = groupInstanceId === null ? undefined : group.staticMemberId(groupInstanceId);
    const member = current === undefined ? undefined : group.get(current);
    if (member === undefined) return GroupErrorCode.UNKNOWN_MEMBER_ID;
    removeMemberAndUpdateGroup(ctx, group, member, `static member ${groupInstanceId ?? ''} was removed`);
    return GroupErrorCode.NONE;
  }
  if (group.isPendingMember(memberId)) {
    removePendingMember(ctx, group, memberId);
    return GroupErrorCode.NONE;
  }
  const invalid = validateCurrentMember(group, memberId, groupInstanceId);
  const member = group.get(memberId);
  if (invalid !== GroupErrorCode.NONE || member === undefined) return invalid === GroupErrorCode.NONE ? GroupErrorCode.UNKNOWN_MEMBER_ID : invalid;
  removeMemberAndUpdateGroup(ctx, group, member, `member ${memberId} left`);
  return GroupErrorCode.NONE;
}
