/**
 * Test harness for the group coordinator: a virtual clock (timeouts fire when
 * the test advances time, never by sleeping), an in-memory offset store with
 * the Log seam's shape, and short helpers for the requests clients send.
 */
import type { CommittedOffset, TopicDescription, TopicPartition } from '../../../../src/log/log.js';
import { GroupCoordinator } from '../../../../src/kafka/group-coordinator/coordinator.js';
import type { GroupCoordinatorConfig } from '../../../../src/kafka/group-coordinator/config.js';
import type { GroupOffsetLog } from '../../../../src/kafka/group-coordinator/offsets.js';
import type { CancelTimer, Timers } from '../../../../src/kafka/group-coordinator/timers.js';
import type { JoinGroupRequest, JoinGroupResult, SyncGroupResult } from '../../../../src/kafka/group-coordinator/types.js';

interface Task {
  readonly at: number;
  readonly seq: number;
  readonly run: () => void;
  cancelled: boolean;
}

export class VirtualTimers implements Timers {
  private time = 1_000_000;
  private seq = 0;
  private tasks: Task[] = [];

  now(): number {
    return this.time;
  }

  schedule(delayMs: number, run: () => void): CancelTimer {
    const task: Task = { at: this.time + Math.max(0, delayMs), seq: this.seq++, run, cancelled: false };
    this.tasks.push(task);
    return () => {
      task.cancelled = true;
    };
  }

  /** moves time forward, running every task that falls due, in time order (ties: scheduling order) */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      this.tasks = this.tasks.filter((t) => !t.cancelled);
      let next: Task | undefined;
      for (const t of this.tasks) {
        if (t.at <= end && (next === undefined || t.at < next.at || (t.at === next.at && t.seq < next.seq))) next = t;
      }
      if (next === undefined) break;
      this.time = next.at;
      next.cancelled = true;
      next.run();
    }
    this.time = end;
  }

  get pendingCount(): number {
    return this.tasks.filter((t) => !t.cancelled).length;
  }
}

/** Committed offsets in a map, with topics that exist or not: the seam's offset part, in memory. */
export class MemoryOffsetLog implements GroupOffsetLog {
  readonly topics = new Map<string, number>();
  readonly committed = new Map<string, Map<string, CommittedOffset>>();
  failNext = false;

  async describeTopic(name: string): Promise<TopicDescription | undefined> {
    const partitions = this.topics.get(name);
    return partitions === undefined ? undefined : { name, partitions, configs: {}, internal: false };
  }

  async commitOffsets(group: string, offsets: readonly CommittedOffset[]): Promise<void> {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('disk full');
    }
    const g = this.committed.get(group) ?? new Map<string, CommittedOffset>();
    for (const o of offsets) g.set(`${o.topic}/${o.partition}`, o);
    this.committed.set(group, g);
  }

  /** like EmbeddedLog: one entry per partition asked, -1n where nothing is committed */
  async committedOffsets(group: string, tps: readonly TopicPartition[]): Promise<CommittedOffset[]> {
    const g = this.committed.get(group);
    return tps.map((tp) => g?.get(`${tp.topic}/${tp.partition}`) ?? { ...tp, offset: -1n, metadata: null });
  }

  async allCommittedOffsets(group: string): Promise<CommittedOffset[]> {
    return [...(this.committed.get(group)?.values() ?? [])];
  }

  async deleteCommittedOffsets(group: string): Promise<void> {
    this.committed.delete(group);
  }

  async groupsWithCommittedOffsets(): Promise<string[]> {
    return [...this.committed.keys()];
  }
}

/** a promise whose state a test can read synchronously */
export interface Tracked<T> {
  readonly done: boolean;
  readonly value: T;
}

export function track<T>(p: Promise<T>): Tracked<T> {
  const state: { done: boolean; value: T | undefined } = { done: false, value: undefined };
  void p.then((v) => {
    state.done = true;
    state.value = v;
  });
  return {
    get done() {
      return state.done;
    },
    get value() {
      if (!state.done) throw new Error('promise has not settled');
      return state.value as T;
    },
  };
}

/** lets resolved promises run their continuations */
export function settle(): Promise<void> {
  return new Promise((r) => setImmediate(r));
}

export const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

export interface Setup {
  readonly coordinator: GroupCoordinator;
  readonly timers: VirtualTimers;
  readonly log: MemoryOffsetLog;
  readonly logLines: string[];
}

export function setup(config: Partial<GroupCoordinatorConfig> = {}, log = new MemoryOffsetLog()): Setup {
  const timers = new VirtualTimers();
  const logLines: string[] = [];
  let n = 0;
  const coordinator = new GroupCoordinator({
    log,
    timers,
    config: { initialRebalanceDelayMs: 3_000, ...config },
    logger: { info: (m) => logLines.push(m), warn: (m) => logLines.push(`WARN ${m}`) },
    newMemberId: (prefix) => `${prefix}-${++n}`,
  });
  return { coordinator, timers, log, logLines };
}

export function joinRequest(over: Partial<JoinGroupRequest> & { groupId: string }): JoinGroupRequest {
  return {
    memberId: '',
    groupInstanceId: null,
    sessionTimeoutMs: 10_000,
    rebalanceTimeoutMs: 30_000,
    protocolType: 'consumer',
    protocols: [{ name: 'range', metadata: bytes('sub') }],
    clientId: 'client',
    clientHost: '/127.0.0.1',
    requireKnownMemberId: false,
    ...over,
  };
}

export function syncRequest(groupId: string, join: JoinGroupResult, assignments: Record<string, string> = {}) {
  return {
    groupId,
    generationId: join.generationId,
    memberId: join.memberId,
    groupInstanceId: null,
    protocolType: null,
    protocolName: null,
    assignments: Object.entries(assignments).map(([memberId, a]) => ({ memberId, assignment: bytes(a) })),
  };
}

export const text = (r: SyncGroupResult): string => new TextDecoder().decode(r.assignment);
