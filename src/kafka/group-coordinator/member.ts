/**
 * One member of a consumer group as the coordinator tracks it: its protocols,
 * timeouts, assignment, and the JoinGroup/SyncGroup requests parked until a
 * rebalance step completes (a member may have several if a client retried;
 * they all get the same answer, so no request on any connection hangs).
 */
import type { CancelTimer } from './timers.js';
import type { JoinGroupResult, ProtocolMetadata, SyncGroupResult } from './types.js';

export interface MemberInit {
  readonly memberId: string;
  readonly groupInstanceId: string | null;
  readonly clientId: string;
  readonly clientHost: string;
  readonly sessionTimeoutMs: number;
  readonly rebalanceTimeoutMs: number;
  readonly protocolType: string;
  readonly protocols: readonly ProtocolMetadata[];
}

const noBytes = new Uint8Array(0);

export class Member {
  /** changes only when a static member is replaced by a new instance of itself */
  memberId: string;
  readonly groupInstanceId: string | null;
  readonly clientId: string;
  readonly clientHost: string;
  readonly protocolType: string;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  protocols: readonly ProtocolMetadata[];
  assignment: Uint8Array = noBytes;
  /** joined in the current rebalance and never completed one: it may expire while waiting */
  isNew = false;
  heartbeatTimer: CancelTimer | undefined;
  private joinWaiters: ((r: JoinGroupResult) => void)[] = [];
  private syncWaiters: ((r: SyncGroupResult) => void)[] = [];

  constructor(init: MemberInit) {
    this.memberId = init.memberId;
    this.groupInstanceId = init.groupInstanceId;
    this.clientId = init.clientId;
    this.clientHost = init.clientHost;
    this.sessionTimeoutMs = init.sessionTimeoutMs;
    this.rebalanceTimeoutMs = init.rebalanceTimeoutMs;
    this.protocolType = init.protocolType;
    this.protocols = init.protocols;
  }

  get isStatic(): boolean {
    return this.groupInstanceId !== null;
  }

  get isAwaitingJoin(): boolean {
    return this.joinWaiters.length > 0;
  }

  get isAwaitingSync(): boolean {
    return this.syncWaiters.length > 0;
  }

  awaitJoin(): Promise<JoinGroupResult> {
    return new Promise((resolve) => this.joinWaiters.push(resolve));
  }

  awaitSync(): Promise<SyncGroupResult> {
    return new Promise((resolve) => this.syncWaiters.push(resolve));
  }

  /** answers every parked JoinGroup; false if none was parked */
  completeJoin(result: JoinGroupResult): boolean {
    const waiters = this.joinWaiters;
    this.joinWaiters = [];
    for (const w of waiters) w(result);
    return waiters.length > 0;
  }

  completeSync(result: SyncGroupResult): boolean {
    const waiters = this.syncWaiters;
    this.syncWaiters = [];
    for (const w of waiters) w(result);
    return waiters.length > 0;
  }

  metadataFor(protocol: string): Uint8Array {
    return this.protocols.find((p) => p.name === protocol)?.metadata ?? noBytes;
  }

  /** same protocols, same order, same metadata bytes: a rejoin that changes nothing */
  matches(protocols: readonly ProtocolMetadata[]): boolean {
    if (protocols.length !== this.protocols.length) return false;
    return protocols.every((p, i) => {
      const mine = this.protocols[i];
      return mine !== undefined && mine.name === p.name && bytesEqual(mine.metadata, p.metadata);
    });
  }

  /** the member's most preferred protocol among those every member supports */
  vote(candidates: ReadonlySet<string>): string | undefined {
    return this.protocols.find((p) => candidates.has(p.name))?.name;
  }

  stopHeartbeatTimer(): void {
    this.heartbeatTimer?.();
    this.heartbeatTimer = undefined;
  }
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
