/**
 * The rebalance engine: starting a rebalance, completing the join phase
 * (new generation, protocol, leader, answers to every parked JoinGroup),
 * handing out the leader's assignment, and the timers that bound it all:
 * the initial delay of a new group, the rebalance timeout, each member's
 * session timeout and the deadline for SyncGroup after a join.
 */
import type { GroupContext } from './context.js';
import { GroupErrorCode } from './error-codes.js';
import type { Group } from './group.js';
import type { Member } from './member.js';
import type { JoinGroupResult } from './types.js';

const noBytes = new Uint8Array(0);

export function joinError(memberId: string, errorCode: GroupErrorCode): JoinGroupResult {
  return { errorCode, generationId: -1, protocolType: null, protocolName: null, leader: '', memberId, members: [] };
}

/** the answer a member gets for the group's current generation */
export function currentGenerationResult(group: Group, member: Member, leader: string | null = group.leaderId): JoinGroupResult {
  return {
    errorCode: GroupErrorCode.NONE,
    generationId: group.generationId,
    protocolType: group.protocolType,
    protocolName: group.protocolName,
    leader: leader ?? '',
    memberId: member.memberId,
    members: group.isLeader(member.memberId) ? group.currentMemberMetadata() : [],
  };
}

export function maybePrepareRebalance(ctx: GroupContext, group: Group, reason: string): void {
  if (group.canRebalance) prepareRebalance(ctx, group, reason);
}

export function prepareRebalance(ctx: GroupContext, group: Group, reason: string): void {
  // members parked in SyncGroup will not get this generation's assignment: tell them to rejoin
  if (group.is('CompletingRebalance')) propagateAssignmentError(ctx, group, GroupErrorCode.REBALANCE_IN_PROGRESS);
  stopSyncDeadline(group);
  const wasEmpty = group.is('Empty');
  group.transitionTo('PreparingRebalance');
  group.joinTimer?.();
  ctx.logger.info(`group ${group.groupId}: rebalance in generation ${group.generationId} (${reason})`);
  if (wasEmpty) {
    // a new group waits group.initial.rebalance.delay.ms so that members starting together join one generation
    const delay = ctx.config.initialRebalanceDelayMs;
    scheduleInitialJoin(ctx, group, delay, Math.max(group.rebalanceTimeoutMs - delay, 0));
  } else {
    group.initialJoin = false;
    group.joinTimer = ctx.timers.schedule(group.rebalanceTimeoutMs, () => completeJoin(ctx, group));
    tryCompleteJoin(ctx, group);
  }
}

function scheduleInitialJoin(ctx: GroupContext, group: Group, delayMs: number, remainingMs: number): void {
  group.initialJoin = true;
  group.joinTimer = ctx.timers.schedule(delayMs, () => {
    if (group.newMemberAdded && remainingMs > 0) {
      group.newMemberAdded = false;
      const next = Math.min(ctx.config.initialRebalanceDelayMs, remainingMs);
      scheduleInitialJoin(ctx, group, next, Math.max(remainingMs - next, 0));
    } else {
      completeJoin(ctx, group);
    }
  });
}

/** completes the join phase early once every member has rejoined (the initial delay always runs out) */
export function tryCompleteJoin(ctx: GroupContext, group: Group): void {
  if (group.is('PreparingRebalance') && !group.initialJoin && group.hasAllMembersJoined) completeJoin(ctx, group);
}

export function completeJoin(ctx: GroupContext, group: Group): void {
  if (!group.is('PreparingRebalance')) return;
  group.joinTimer?.();
  group.joinTimer = undefined;
  group.initialJoin = false;
  // dynamic members that did not rejoin in time are gone; static ones keep their place
  for (const m of group.notYetRejoinedMembers()) {
    if (m.isStatic) continue;
    m.stopHeartbeatTimer();
    group.remove(m.memberId);
    ctx.logger.info(`group ${group.groupId}: member ${m.memberId} did not rejoin in time and was removed`);
  }
  if (!group.electJoinedLeader() && group.size > 0) {
    // only static members that have not rejoined remain: give them another rebalance timeout
    group.joinTimer = ctx.timers.schedule(group.rebalanceTimeoutMs, () => completeJoin(ctx, group));
    return;
  }
  group.initNextGeneration();
  ctx.logger.info(
    `group ${group.groupId}: generation ${group.generationId} with ${group.size} member(s)` +
      (group.protocolName === null ? '' : `, protocol ${group.protocolName}`),
  );
  if (group.is('Empty')) return;
  for (const m of group.allMembers) {
    m.completeJoin(currentGenerationResult(group, m));
    m.isNew = false;
    scheduleHeartbeatExpiry(ctx, group, m, m.sessionTimeoutMs);
    group.pendingSync.add(m.memberId);
  }
  const generation = group.generationId;
  group.syncTimer = ctx.timers.schedule(group.rebalanceTimeoutMs, () => expirePendingSync(ctx, group, generation));
}

/** the leader's SyncGroup: every member gets its share (empty bytes if the leader left it out) */
export function setAndPropagateAssignment(ctx: GroupContext, group: Group, assignments: ReadonlyMap<string, Uint8Array>): void {
  for (const m of group.allMembers) {
    m.assignment = assignments.get(m.memberId) ?? noBytes;
    if (m.completeSync({ errorCode: GroupErrorCode.NONE, protocolType: group.protocolType, protocolName: group.protocolName, assignment: m.assignment })) {
      scheduleHeartbeatExpiry(ctx, group, m, m.sessionTimeoutMs);
    }
  }
}

function propagateAssignmentError(ctx: GroupContext, group: Group, errorCode: GroupErrorCode): void {
  for (const m of group.allMembers) {
    m.assignment = noBytes;
    // parked SyncGroups did not count as heartbeats: restart each member's session clock now
    if (m.completeSync({ errorCode, protocolType: null, protocolName: null, assignment: noBytes })) {
      scheduleHeartbeatExpiry(ctx, group, m, m.sessionTimeoutMs);
    }
  }
}

function stopSyncDeadline(group: Group): void {
  group.syncTimer?.();
  group.syncTimer = undefined;
  group.pendingSync.clear();
}

/** members that never sent SyncGroup for a generation within the rebalance timeout are dropped */
function expirePendingSync(ctx: GroupContext, group: Group, generation: number): void {
  group.syncTimer = undefined;
  if (group.generationId !== generation || !(group.is('CompletingRebalance') || group.is('Stable'))) return;
  if (group.pendingSync.size === 0) return;
  const missing = [...group.pendingSync];
  for (const id of missing) {
    const m = group.remove(id);
    m?.stopHeartbeatTimer();
    m?.completeSync({ errorCode: GroupErrorCode.UNKNOWN_MEMBER_ID, protocolType: null, protocolName: null, assignment: noBytes });
  }
  prepareRebalance(ctx, group, `member(s) ${missing.join(', ')} sent no SyncGroup in time`);
}

/**
 * (Re)arms a member's liveness deadline. When it fires the member is removed,
 * unless it is parked in a JoinGroup or SyncGroup (those count as alive; the
 * rebalance deadlines bound them) — except a new member, which may only wait
 * so long for its first generation.
 */
export function scheduleHeartbeatExpiry(ctx: GroupContext, group: Group, member: Member, timeoutMs: number): void {
  member.stopHeartbeatTimer();
  member.heartbeatTimer = ctx.timers.schedule(timeoutMs, () => {
    member.heartbeatTimer = undefined;
    if (group.get(member.memberId) !== member) return;
    if (!member.isNew && (member.isAwaitingJoin || member.isAwaitingSync)) return;
    removeMemberAndUpdateGroup(ctx, group, member, `member ${member.memberId} timed out`);
  });
}

export function removeMemberAndUpdateGroup(ctx: GroupContext, group: Group, member: Member, reason: string): void {
  // a parked JoinGroup of a departing member is answered so the client can join again if it is alive
  member.completeJoin(joinError('', GroupErrorCode.UNKNOWN_MEMBER_ID));
  member.completeSync({ errorCode: GroupErrorCode.UNKNOWN_MEMBER_ID, protocolType: null, protocolName: null, assignment: noBytes });
  member.stopHeartbeatTimer();
  group.remove(member.memberId);
  ctx.logger.info(`group ${group.groupId}: ${reason}`);
  switch (group.state) {
    case 'Stable':
    case 'CompletingRebalance':
      maybePrepareRebalance(ctx, group, reason);
      break;
    case 'PreparingRebalance':
      tryCompleteJoin(ctx, group);
      break;
    case 'Empty':
    case 'Dead':
      break;
  }
}

/** a MEMBER_ID_REQUIRED id never came back (or left): it no longer holds up the rebalance */
export function removePendingMember(ctx: GroupContext, group: Group, memberId: string): void {
  if (group.removePendingMember(memberId)) tryCompleteJoin(ctx, group);
}
