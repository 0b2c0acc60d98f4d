/**
 * A consumer group's bookkeeping: members in join order, pending members
 * (given an id by MEMBER_ID_REQUIRED but not yet rejoined), static instance
 * ids, protocol support counts, leader, generation and state. No timers and
 * no I/O here; rebalance.ts drives the transitions.
 *
 * States (Kafka's classic protocol):
 *   Empty ─join─▶ PreparingRebalance ─all rejoined / timeout─▶ CompletingRebalance
 *   ─leader's SyncGroup─▶ Stable ─join/leave/expiry─▶ PreparingRebalance …
 *   PreparingRebalance with no members left ─▶ Empty;  any ─delete─▶ Dead
 */
import { GroupStateError } from './errors.js';
import type { Member } from './member.js';
import type { CancelTimer } from './timers.js';
import type { GroupState, JoinGroupMember, ProtocolMetadata } from './types.js';

const validPreviousStates: Readonly<Record<GroupState, readonly GroupState[]>> = {
  Empty: ['PreparingRebalance'],
  PreparingRebalance: ['Stable', 'CompletingRebalance', 'Empty'],
  CompletingRebalance: ['PreparingRebalance'],
  Stable: ['CompletingRebalance'],
  Dead: ['Stable', 'PreparingRebalance', 'CompletingRebalance', 'Empty', 'Dead'],
};

export class Group {
  readonly groupId: string;
  state: GroupState = 'Empty';
  generationId = 0;
  protocolType: string | null = null;
  protocolName: string | null = null;
  leaderId: string | null = null;
  /** a member joined while a brand-new group waited out its initial delay: wait a bit longer */
  newMemberAdded = false;
  /** the pending rebalance deadline; `initialJoin` marks the initial-delay kind, which only times out */
  joinTimer: CancelTimer | undefined;
  initialJoin = false;
  /** members that got the current generation but have not sent SyncGroup yet */
  readonly pendingSync = new Set<string>();
  syncTimer: CancelTimer | undefined;
  private readonly members = new Map<string, Member>();
  /** member id → expiry of a MEMBER_ID_REQUIRED id that has not rejoined yet */
  private readonly pendingMembers = new Map<string, CancelTimer>();
  /** group.instance.id → member id */
  private readonly staticMembers = new Map<string, string>();
  /** protocol name → how many members support it */
  private readonly protocolSupport = new Map<string, number>();

  constructor(groupId: string) {
    this.groupId = groupId;
  }

  is(state: GroupState): boolean {
    return this.state === state;
  }

  transitionTo(next: GroupState): void {
    if (!validPreviousStates[next].includes(this.state)) {
      throw new GroupStateError(this.groupId, `cannot go from ${this.state} to ${next}`);
    }
    this.state = next;
  }

  /** Empty, Stable and CompletingRebalance may start a rebalance; PreparingRebalance already is one */
  get canRebalance(): boolean {
    return validPreviousStates.PreparingRebalance.includes(this.state);
  }

  get size(): number {
    return this.members.size;
  }

  get allMembers(): Member[] {
    return [...this.members.values()];
  }

  has(memberId: string): boolean {
    return this.members.has(memberId);
  }

  get(memberId: string): Member | undefined {
    return this.members.get(memberId);
  }

  isLeader(memberId: string): boolean {
    return this.leaderId === memberId;
  }

  add(member: Member): void {
    if (this.members.size === 0) this.protocolType = member.protocolType;
    this.members.set(member.memberId, member);
    this.countProtocols(member.protocols, +1);
    if (member.groupInstanceId !== null) this.staticMembers.set(member.groupInstanceId, member.memberId);
    this.leaderId ??= member.memberId;
  }

  remove(memberId: string): Member | undefined {
    const member = this.members.get(memberId);
    if (member === undefined) return undefined;
    this.members.delete(memberId);
    this.countProtocols(member.protocols, -1);
    const instance = member.groupInstanceId;
    if (instance !== null && this.staticMembers.get(instance) === memberId) this.staticMembers.delete(instance);
    this.pendingSync.delete(memberId);
    if (this.leaderId === memberId) this.leaderId = this.members.keys().next().value ?? null;
    return member;
  }

  updateProtocols(member: Member, protocols: readonly ProtocolMetadata[]): void {
    this.countProtocols(member.protocols, -1);
    member.protocols = protocols;
    this.countProtocols(protocols, +1);
  }

  // ── pending members (MEMBER_ID_REQUIRED) ──

  addPendingMember(memberId: string, expiry: CancelTimer): void {
    this.pendingMembers.set(memberId, expiry);
  }

  isPendingMember(memberId: string): boolean {
    return this.pendingMembers.has(memberId);
  }

  removePendingMember(memberId: string): boolean {
    const cancel = this.pendingMembers.get(memberId);
    if (cancel === undefined) return false;
    cancel();
    this.pendingMembers.delete(memberId);
    return true;
  }

  // ── static membership ──

  staticMemberId(groupInstanceId: string): string | undefined {
    return this.staticMembers.get(groupInstanceId);
  }

  /** a known instance id now claimed by a different member id */
  isStaticMemberFenced(memberId: string, groupInstanceId: string | null): boolean {
    if (groupInstanceId === null) return false;
    const current = this.staticMembers.get(groupInstanceId);
    return current !== undefined && current !== memberId;
  }

  /** a static member came back with a fresh member id: same member, new id, old id fenced */
  replaceStaticMember(groupInstanceId: string, oldMemberId: string, newMemberId: string): Member {
    const member = this.members.get(oldMemberId);
    if (member === undefined) throw new GroupStateError(this.groupId, `static member ${oldMemberId} is not in the group`);
    this.members.delete(oldMemberId);
    member.memberId = newMemberId;
    this.members.set(newMemberId, member);
    this.staticMembers.set(groupInstanceId, newMemberId);
    if (this.leaderId === oldMemberId) this.leaderId = newMemberId;
    if (this.pendingSync.delete(oldMemberId)) this.pendingSync.add(newMemberId);
    return member;
  }

  // ── protocol selection ──

  /** Empty groups take anyone; otherwise same protocol type and at least one assignor all members share */
  supportsProtocols(protocolType: string, protocols: readonly ProtocolMetadata[]): boolean {
    if (this.is('Empty')) return protocolType !== '' && protocols.length > 0;
    return (
      this.protocolType === protocolType &&
      protocols.some((p) => (this.protocolSupport.get(p.name) ?? 0) === this.members.size)
    );
  }

  /** Kafka's rule: each member votes for its first protocol every member supports; most votes wins */
  selectProtocol(): string {
    const candidates = new Set(
      [...this.protocolSupport].filter(([, n]) => n === this.members.size).map(([name]) => name),
    );
    const votes = new Map<string, number>();
    for (const m of this.members.values()) {
      const choice = m.vote(candidates);
      if (choice !== undefined) votes.set(choice, (votes.get(choice) ?? 0) + 1);
    }
    let best: string | undefined;
    let bestVotes = 0;
    for (const [name, n] of votes) {
      if (n > bestVotes) [best, bestVotes] = [name, n];
    }
    if (best === undefined) throw new GroupStateError(this.groupId, 'no protocol is supported by every member');
    return best;
  }

  // ── rebalance bookkeeping ──

  /** the longest rebalance timeout any member asked for bounds the whole rebalance */
  get rebalanceTimeoutMs(): number {
    let max = 0;
    for (const m of this.members.values()) max = Math.max(max, m.rebalanceTimeoutMs);
    return max;
  }

  get hasAllMembersJoined(): boolean {
    if (this.pendingMembers.size > 0) return false;
    for (const m of this.members.values()) if (!m.isAwaitingJoin) return false;
    return true;
  }

  notYetRejoinedMembers(): Member[] {
    return this.allMembers.filter((m) => !m.isAwaitingJoin);
  }

  /** keep the leader if it rejoined, else hand leadership to any member that did; false if none did */
  electJoinedLeader(): boolean {
    if (this.leaderId === null) return false;
    if (this.members.get(this.leaderId)?.isAwaitingJoin === true) return true;
    const joined = this.allMembers.find((m) => m.isAwaitingJoin);
    if (joined === undefined) return false;
    this.leaderId = joined.memberId;
    return true;
  }

  initNextGeneration(): void {
    this.generationId += 1;
    if (this.members.size > 0) {
      this.protocolName = this.selectProtocol();
      this.transitionTo('CompletingRebalance');
    } else {
      this.protocolName = null;
      this.transitionTo('Empty');
    }
  }

  /** what the leader receives in its JoinGroup response */
  currentMemberMetadata(): JoinGroupMember[] {
    const protocol = this.protocolName ?? '';
    return this.allMembers.map((m) => ({
      memberId: m.memberId,
      groupInstanceId: m.groupInstanceId,
      metadata: m.metadataFor(protocol),
    }));
  }

  stopTimers(): void {
    this.joinTimer?.();
    this.joinTimer = undefined;
    this.syncTimer?.();
    this.syncTimer = undefined;
    for (const cancel of this.pendingMembers.values()) cancel();
    this.pendingMembers.clear();
    for (const m of this.members.values()) m.stopHeartbeatTimer();
  }

  private countProtocols(protocols: readonly ProtocolMetadata[], delta: 1 | -1): void {
    for (const p of protocols) {
      const n = (this.protocolSupport.get(p.name) ?? 0) + delta;
      if (n === 0) this.protocolSupport.delete(p.name);
      else this.protocolSupport.set(p.name, n);
    }
  }
}
