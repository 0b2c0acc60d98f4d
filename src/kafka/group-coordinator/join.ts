/**
 * JoinGroup: a new member (empty member id), a known member rejoining, or a
 * static member (group.instance.id) coming back with a new id. The answer is
 * parked until the join phase completes (rebalance.ts), except where Kafka
 * answers at once with the current generation or an error.
 */
import type { GroupContext } from './context.js';
import { GroupErrorCode } from './error-codes.js';
import type { Group } from './group.js';
import { Member } from './member.js';
import {
  currentGenerationResult,
  joinError,
  maybePrepareRebalance,
  prepareRebalance,
  removePendingMember,
  scheduleHeartbeatExpiry,
  tryCompleteJoin,
} from './rebalance.js';
import type { JoinGroupRequest, JoinGroupResult } from './types.js';

export function joinGroup(ctx: GroupContext, group: Group, req: JoinGroupRequest): Promise<JoinGroupResult> {
  const answer = req.memberId === '' ? joinNewMember(ctx, group, req) : joinKnownMember(ctx, group, req);
  tryCompleteJoin(ctx, group);
  return answer;
}

/** Kafka checks the instance id first (fenced), then that the member id is in the group */
export function validateCurrentMember(group: Group, memberId: string, groupInstanceId: string | null): GroupErrorCode {
  if (groupInstanceId !== null) {
    const current = group.staticMemberId(groupInstanceId);
    if (current === undefined) return GroupErrorCode.UNKNOWN_MEMBER_ID;
    if (current !== memberId) return GroupErrorCode.FENCED_INSTANCE_ID;
  }
  return group.has(memberId) ? GroupErrorCode.NONE : GroupErrorCode.UNKNOWN_MEMBER_ID;
}

function joinNewMember(ctx: GroupContext, group: Group, req: JoinGroupRequest): Promise<JoinGroupResult> {
  if (group.is('Dead')) return Promise.resolve(joinError('', GroupErrorCode.COORDINATOR_NOT_AVAILABLE));
  if (!group.supportsProtocols(req.protocolType, req.protocols)) {
    return Promise.resolve(joinError('', GroupErrorCode.INCONSISTENT_GROUP_PROTOCOL));
  }
  if (req.groupInstanceId !== null) {
    const memberId = ctx.newMemberId(req.groupInstanceId);
    if (group.staticMemberId(req.groupInstanceId) !== undefined) return rejoinStaticMember(ctx, group, memberId, req);
    return addMemberAndRebalance(ctx, group, memberId, req);
  }
  const memberId = ctx.newMemberId(req.clientId);
  if (req.requireKnownMemberId) {
    // the client learns its id first and joins with it; until then it holds up the rebalance, for one session timeout at most
    group.addPendingMember(
      memberId,
      ctx.timers.schedule(req.sessionTimeoutMs, () => removePendingMember(ctx, group, memberId)),
    );
    return Promise.resolve(joinError(memberId, GroupErrorCode.MEMBER_ID_REQUIRED));
  }
  return addMemberAndRebalance(ctx, group, memberId, req);
}

function joinKnownMember(ctx: GroupContext, group: Group, req: JoinGroupRequest): Promise<JoinGroupResult> {
  const { memberId } = req;
  if (group.is('Dead')) return Promise.resolve(joinError(memberId, GroupErrorCode.COORDINATOR_NOT_AVAILABLE));
  if (!group.supportsProtocols(req.protocolType, req.protocols)) {
    return Promise.resolve(joinError(memberId, GroupErrorCode.INCONSISTENT_GROUP_PROTOCOL));
  }
  if (group.isPendingMember(memberId)) {
    // pending ids are only handed to dynamic members
    if (req.groupInstanceId !== null) return Promise.resolve(joinError(memberId, GroupErrorCode.UNKNOWN_MEMBER_ID));
    group.removePendingMember(memberId);
    return addMemberAndRebalance(ctx, group, memberId, req);
  }
  const invalid = validateCurrentMember(group, memberId, req.groupInstanceId);
  const member = group.get(memberId);
  if (invalid !== GroupErrorCode.NONE || member === undefined) {
    return Promise.resolve(joinError(memberId, invalid === GroupErrorCode.NONE ? GroupErrorCode.UNKNOWN_MEMBER_ID : invalid));
  }
  switch (group.state) {
    case 'PreparingRebalance':
      return updateMemberAndRebalance(ctx, group, member, req);
    case 'CompletingRebalance':
      // a retried JoinGroup with unchanged metadata just gets this generation again
      if (member.matches(req.protocols)) return Promise.resolve(currentGenerationResult(group, member));
      return updateMemberAndRebalance(ctx, group, member, req);
    case 'Stable':
      // the leader rejoining means it wants to reassign (e.g. its subscription changed)
      if (group.isLeader(memberId) || !member.matches(req.protocols)) return updateMemberAndRebalance(ctx, group, member, req);
      return Promise.resolve(currentGenerationResult(group, member));
    case 'Empty':
    case 'Dead':
      return Promise.resolve(joinError(memberId, GroupErrorCode.UNKNOWN_MEMBER_ID));
  }
}

function addMemberAndRebalance(ctx: GroupContext, group: Group, memberId: string, req: JoinGroupRequest): Promise<JoinGroupResult> {
  const member = new Member({
    memberId,
    groupInstanceId: req.groupInstanceId,
    clientId: req.clientId,
    clientHost: req.clientHost,
    sessionTimeoutMs: req.sessionTimeoutMs,
    rebalanceTimeoutMs: req.rebalanceTimeoutMs,
    protocolType: req.protocolType,
    protocols: req.protocols,
  });
  member.isNew = true;
  if (group.is('PreparingRebalance') && group.generationId === 0) group.newMemberAdded = true;
  group.add(member);
  const answer = member.awaitJoin();
  // a new member cannot heartbeat while its JoinGroup is parked; bound how long it may wait instead
  scheduleHeartbeatExpiry(ctx, group, member, ctx.config.newMemberJoinTimeoutMs);
  maybePrepareRebalance(ctx, group, `member ${memberId} joined`);
  return answer;
}

function updateMemberAndRebalance(ctx: GroupContext, group: Group, member: Member, req: JoinGroupRequest): Promise<JoinGroupResult> {
  group.updateProtocols(member, req.protocols);
  member.sessionTimeoutMs = req.sessionTimeoutMs;
  member.rebalanceTimeoutMs = req.rebalanceTimeoutMs;
  const answer = member.awaitJoin();
  maybePrepareRebalance(ctx, group, `member ${member.memberId} rejoined`);
  return answer;
}

/**
 * A static member restarted and joined with an empty member id: it takes
 * over its old place under a new id (the old id is fenced). A Stable group
 * keeps its assignment and skips the rebalance if the chosen protocol stays.
 */
function rejoinStaticMember(ctx: GroupContext, group: Group, newMemberId: string, req: JoinGroupRequest): Promise<JoinGroupResult> {
  const instanceId = req.groupInstanceId ?? '';
  const oldMemberId = group.staticMemberId(instanceId) ?? '';
  const oldMember = group.get(oldMemberId);
  if (oldMember === undefined) return addMemberAndRebalance(ctx, group, newMemberId, req);
  const leaderBefore = group.leaderId;
  // whatever the old incarnation still has parked is answered: it has been replaced
  oldMember.completeJoin(joinError(oldMemberId, GroupErrorCode.FENCED_INSTANCE_ID));
  oldMember.completeSync({ errorCode: GroupErrorCode.FENCED_INSTANCE_ID, protocolType: null, protocolName: null, assignment: new Uint8Array(0) });
  const member = group.replaceStaticMember(instanceId, oldMemberId, newMemberId);
  ctx.logger.info(`group ${group.groupId}: static member ${instanceId} replaced ${oldMemberId} with ${newMemberId}`);
  scheduleHeartbeatExpiry(ctx, group, member, req.sessionTimeoutMs);
  group.updateProtocols(member, req.protocols);
  member.sessionTimeoutMs = req.sessionTimeoutMs;
  member.rebalanceTimeoutMs = req.rebalanceTimeoutMs;
  const answer = member.awaitJoin();
  switch (group.state) {
    case 'Stable':
      if (group.protocolName === group.selectProtocol()) {
        // Kafka returns the old leader id so this member never believes it must assign in a Stable group
        member.completeJoin({ ...currentGenerationResult(group, member, leaderBefore), members: [] });
      } else {
        prepareRebalance(ctx, group, `static member ${instanceId} changed the group's protocol`);
      }
      break;
    case 'CompletingRebalance':
      // the leader may be assigning to the old id: start over
      prepareRebalance(ctx, group, `static member ${instanceId} rejoined during the sync phase`);
      break;
    case 'PreparingRebalance':
    case 'Empty':
    case 'Dead':
      break;
  }
  return answer;
}
