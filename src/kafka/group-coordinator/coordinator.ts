/**
 * GroupCoordinator: the consumer groups of this broker (it coordinates every
 * group; a single node owns them all). The public surface is one method per
 * group API, in protocol terms but version-free; handlers adapt the wire
 * versions. JoinGroup and SyncGroup return promises that settle when the
 * rebalance step completes; nothing here blocks or touches a socket.
 */
import { randomUUID } from 'node:crypto';
import { defaultGroupCoordinatorConfig, type GroupCoordinatorConfig } from './config.js';
import { silentGroupLogger, type GroupContext, type GroupLogger } from './context.js';
import { GroupErrorCode } from './error-codes.js';
import { Group } from './group.js';
import { joinGroup } from './join.js';
import { heartbeat, leaveGroup, syncGroup } from './membership.js';
import { commitResultWith, fetchOffsets, storeOffsets, validateOffsetCommit, type GroupOffsetLog } from './offsets.js';
import { joinError } from './rebalance.js';
import { systemTimers, type Timers } from './timers.js';
import type {
  DescribedGroup,
  HeartbeatRequest,
  JoinGroupRequest,
  JoinGroupResult,
  LeaveGroupResult,
  ListedGroup,
  MemberIdentity,
  OffsetCommitRequest,
  OffsetCommitResult,
  OffsetFetchRequest,
  OffsetFetchResult,
  SyncGroupRequest,
  SyncGroupResult,
} from './types.js';

export interface GroupCoordinatorOptions {
  /** where committed offsets live (the Log seam) */
  readonly log: GroupOffsetLog;
  readonly config?: Partial<GroupCoordinatorConfig>;
  readonly timers?: Timers;
  readonly logger?: GroupLogger;
  /** member id generator (tests make ids predictable) */
  readonly newMemberId?: (prefix: string) => string;
}

const noBytes = new Uint8Array(0);

export class GroupCoordinator {
  private readonly groups = new Map<string, Group>();
  private readonly ctx: GroupContext;
  private readonly log: GroupOffsetLog;
  private active = true;
  private readonly loaded: Promise<void>;

  constructor(opts: GroupCoordinatorOptions) {
    this.log = opts.log;
    this.ctx = {
      config: { ...defaultGroupCoordinatorConfig, ...opts.config },
      timers: opts.timers ?? systemTimers,
      logger: opts.logger ?? silentGroupLogger,
      newMemberId: opts.newMemberId ?? ((prefix) => `${prefix}-${randomUUID()}`),
    };
    this.loaded = this.loadGroups();
  }

  /**
   * Resolves once the groups that exist only through committed offsets (from
   * before a restart) are known; listing, describing and deleting wait for it.
   */
  ready(): Promise<void> {
    return this.loaded;
  }

  get config(): GroupCoordinatorConfig {
    return this.ctx.config;
  }

  joinGroup(req: JoinGroupRequest): Promise<JoinGroupResult> {
    if (!this.active) return Promise.resolve(joinError(req.memberId, GroupErrorCode.NOT_COORDINATOR));
    if (req.groupId === '') return Promise.resolve(joinError(req.memberId, GroupErrorCode.INVALID_GROUP_ID));
    const { minSessionTimeoutMs, maxSessionTimeoutMs } = this.ctx.config;
    if (req.sessionTimeoutMs < minSessionTimeoutMs || req.sessionTimeoutMs > maxSessionTimeoutMs) {
      return Promise.resolve(joinError(req.memberId, GroupErrorCode.INVALID_SESSION_TIMEOUT));
    }
    let group = this.groups.get(req.groupId);
    if (group === undefined) {
      // a member id the coordinator never handed out (e.g. from before a restart): join from scratch
      if (req.memberId !== '') return Promise.resolve(joinError(req.memberId, GroupErrorCode.UNKNOWN_MEMBER_ID));
      group = this.createGroup(req.groupId);
    }
    return joinGroup(this.ctx, group, req);
  }

  syncGroup(req: SyncGroupRequest): Promise<SyncGroupResult> {
    const early = this.checkGroupId(req.groupId);
    if (early !== GroupErrorCode.NONE) return Promise.resolve({ errorCode: early, protocolType: null, protocolName: null, assignment: noBytes });
    return syncGroup(this.ctx, this.groups.get(req.groupId), req);
  }

  heartbeat(req: HeartbeatRequest): GroupErrorCode {
    const early = this.checkGroupId(req.groupId);
    if (early !== GroupErrorCode.NONE) return early;
    return heartbeat(this.ctx, this.groups.get(req.groupId), req);
  }

  leaveGroup(groupId: string, members: readonly MemberIdentity[]): LeaveGroupResult {
    const early = this.checkGroupId(groupId);
    if (early !== GroupErrorCode.NONE) return { errorCode: early, members: [] };
    return leaveGroup(this.ctx, this.groups.get(groupId), members);
  }

  async commitOffsets(req: OffsetCommitRequest): Promise<OffsetCommitResult> {
    if (!this.active) return commitResultWith(req, () => GroupErrorCode.NOT_COORDINATOR);
    let group = this.groups.get(req.groupId);
    if (group === undefined) {
      // generation -1: a consumer that manages its own partitions only stores offsets here
      if (req.generationId >= 0) return commitResultWith(req, () => GroupErrorCode.ILLEGAL_GENERATION);
      group = this.createGroup(req.groupId);
    }
    const invalid = validateOffsetCommit(this.ctx, group, req);
    if (invalid !== GroupErrorCode.NONE) return commitResultWith(req, () => invalid);
    return storeOffsets(this.ctx, this.log, group, req);
  }

  async fetchOffsets(req: OffsetFetchRequest): Promise<OffsetFetchResult> {
    if (!this.active) return { errorCode: GroupErrorCode.NOT_COORDINATOR, topics: [] };
    return fetchOffsets(this.ctx, this.log, req);
  }

  describeGroup(groupId: string): DescribedGroup {
    if (!this.active) return deadGroup(groupId, GroupErrorCode.NOT_COORDINATOR);
    const group = this.groups.get(groupId);
    if (group === undefined) return deadGroup(groupId, GroupErrorCode.NONE);
    const stable = group.is('Stable');
    const protocol = stable ? (group.protocolName ?? '') : '';
    return {
      errorCode: GroupErrorCode.NONE,
      groupId,
      state: group.state,
      protocolType: group.protocolType ?? '',
      protocolData: protocol,
      members: group.allMembers.map((m) => ({
        memberId: m.memberId,
        groupInstanceId: m.groupInstanceId,
        clientId: m.clientId,
        clientHost: m.clientHost,
        // Kafka shows metadata and assignment only for a Stable group
        metadata: stable ? m.metadataFor(protocol) : noBytes,
        assignment: stable ? m.assignment : noBytes,
      })),
    };
  }

  /** `statesFilter` empty: every group; else groups in one of those states (case-insensitive) */
  listGroups(statesFilter: readonly string[] = []): { errorCode: GroupErrorCode; groups: ListedGroup[] } {
    if (!this.active) return { errorCode: GroupErrorCode.NOT_COORDINATOR, groups: [] };
    const wanted = new Set(statesFilter.map((s) => s.toLowerCase()));
    const groups = [...this.groups.values()]
      .filter((g) => !g.is('Dead') && (wanted.size === 0 || wanted.has(g.state.toLowerCase())))
      .map((g) => ({ groupId: g.groupId, protocolType: g.protocolType ?? '', state: g.state }));
    return { errorCode: GroupErrorCode.NONE, groups };
  }

  /** only Empty groups can be deleted; their committed offsets go with them */
  async deleteGroups(groupIds: readonly string[]): Promise<{ groupId: string; errorCode: GroupErrorCode }[]> {
    await this.loaded;
    const results: { groupId: string; errorCode: GroupErrorCode }[] = [];
    for (const groupId of groupIds) {
      results.push({ groupId, errorCode: await this.deleteGroup(groupId) });
    }
    return results;
  }

  /** Stops every timer and answers every parked request with NOT_COORDINATOR so clients go elsewhere. */
  close(): void {
    if (!this.active) return;
    this.active = false;
    for (const group of this.groups.values()) {
      group.stopTimers();
      for (const m of group.allMembers) {
        m.completeJoin(joinError(m.memberId, GroupErrorCode.NOT_COORDINATOR));
        m.completeSync({ errorCode: GroupErrorCode.NOT_COORDINATOR, protocolType: null, protocolName: null, assignment: noBytes });
      }
    }
    this.groups.clear();
  }

  private async deleteGroup(groupId: string): Promise<GroupErrorCode> {
    if (!this.active) return GroupErrorCode.NOT_COORDINATOR;
    const group = this.groups.get(groupId);
    if (group === undefined || group.is('Dead')) return GroupErrorCode.GROUP_ID_NOT_FOUND;
    if (!group.is('Empty')) return GroupErrorCode.NON_EMPTY_GROUP;
    // Dead first, so a JoinGroup arriving while the tombstones are written is refused
    group.transitionTo('Dead');
    group.stopTimers();
    this.groups.delete(groupId);
    try {
      await this.log.deleteCommittedOffsets(groupId);
    } catch (e) {
      this.ctx.logger.warn(`group ${groupId}: deleting its offsets failed: ${(e as Error).message}`);
      // still there as far as clients can tell: let them retry
      if (!this.groups.has(groupId)) this.createGroup(groupId);
      return GroupErrorCode.COORDINATOR_NOT_AVAILABLE;
    }
    this.ctx.logger.info(`group ${groupId}: deleted`);
    return GroupErrorCode.NONE;
  }

  private async loadGroups(): Promise<void> {
    try {
      for (const groupId of await this.log.groupsWithCommittedOffsets()) {
        if (this.active && !this.groups.has(groupId)) this.createGroup(groupId);
      }
    } catch (e) {
      this.ctx.logger.warn(`loading consumer groups from committed offsets failed: ${(e as Error).message}`);
    }
  }

  private checkGroupId(groupId: string): GroupErrorCode {
    if (!this.active) return GroupErrorCode.NOT_COORDINATOR;
    if (groupId === '') return GroupErrorCode.INVALID_GROUP_ID;
    return GroupErrorCode.NONE;
  }

  private createGroup(groupId: string): Group {
    const group = new Group(groupId);
    this.groups.set(groupId, group);
    return group;
  }
}

function deadGroup(groupId: string, errorCode: GroupErrorCode): DescribedGroup {
  return { errorCode, groupId, state: 'Dead', protocolType: '', protocolData: '', members: [] };
}
