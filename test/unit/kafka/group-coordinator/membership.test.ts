import { describe, expect, it } from 'vitest';
import { GroupErrorCode as E } from '../../../../src/kafka/group-coordinator/error-codes.js';
import type { JoinGroupResult } from '../../../../src/kafka/group-coordinator/types.js';
import { joinRequest, settle, setup, syncRequest, text, track, type Setup } from './harness.js';

const G = 'g';

/** n dynamic members (clientIds m0, m1, …) through join and sync to a Stable generation */
async function stableGroup(s: Setup, n: number, over: Partial<Parameters<typeof joinRequest>[0]> = {}): Promise<JoinGroupResult[]> {
  const joins = Array.from({ length: n }, (_, i) => track(s.coordinator.joinGroup(joinRequest({ groupId: G, clientId: `m${i}`, ...over }))));
  s.timers.advance(s.coordinator.config.initialRebalanceDelayMs);
  await settle();
  const results = joins.map((j) => j.value);
  const leader = results.find((r) => r.memberId === r.leader)!;
  const followers = results.filter((r) => r !== leader).map((r) => s.coordinator.syncGroup(syncRequest(G, r)));
  await s.coordinator.syncGroup(syncRequest(G, leader, Object.fromEntries(results.map((r) => [r.memberId, `for-${r.memberId}`]))));
  await Promise.all(followers);
  return results;
}

const hb = (s: Setup, r: JoinGroupResult, generationId = r.generationId) =>
  s.coordinator.heartbeat({ groupId: G, generationId, memberId: r.memberId, groupInstanceId: null });

describe('Heartbeat', () => {
  it('answers by state and checks member and generation first', async () => {
    const s = setup({ initialRebalanceDelayMs: 0 });
    const [a] = await stableGroup(s, 1);
    expect(hb(s, a!)).toBe(E.NONE);
    expect(hb(s, a!, 0)).toBe(E.ILLEGAL_GENERATION);
    expect(s.coordinator.heartbeat({ groupId: G, generationId: 1, memberId: 'nobody', groupInstanceId: null })).toBe(E.UNKNOWN_MEMBER_ID);
    expect(s.coordinator.heartbeat({ groupId: 'no-such-group', generationId: 1, memberId: 'x', groupInstanceId: null })).toBe(E.UNKNOWN_MEMBER_ID);
    expect(s.coordinator.heartbeat({ groupId: '', generationId: 1, memberId: 'x', groupInstanceId: null })).toBe(E.INVALID_GROUP_ID);
  });

  it('a member that stops heartbeating is removed after its session timeout and the group rebalances without it', async () => {
    const s = setup({ initialRebalanceDelayMs: 0 });
    const [a, b] = await stableGroup(s, 2, { sessionTimeoutMs: 10_000 });
    for (let t = 0; t < 3; t++) {
      s.timers.advance(3_000);
      expect(hb(s, a!)).toBe(E.NONE); // a stays alive; b went silent
    }
    expect(s.coordinator.describeGroup(G).state).toBe('Stable');
    s.timers.advance(1_000);
    // b's 10 s are over: the group is rebalancing, a must rejoin
    expect(s.coordinator.describeGroup(G).state).toBe('PreparingRebalance');
    expect(hb(s, b!)).toBe(E.UNKNOWN_MEMBER_ID);
    expect(hb(s, a!)).toBe(E.REBALANCE_IN_PROGRESS);
    const a2 = await s.coordinator.joinGroup(joinRequest({ groupId: G, memberId: a!.memberId }));
    expect(a2).toMatchObject({ generationId: 2, leader: a!.memberId });
    expect(a2.members.map((m) => m.memberId)).toEqual([a!.memberId]);
  });

  it('members parked in JoinGroup are not expired by their session timeout (the rebalance timeout bounds them)', async () => {
    const s = setup({ initialRebalanceDelayMs: 0 });
    const [a, b] = await stableGroup(s, 2, { sessionTimeoutMs: 10_000, rebalanceTimeoutMs: 60_000 });
    const a2 = track(s.coordinator.joinGroup(joinRequest({ groupId: G, memberId: a!.memberId, sessionTimeoutMs: 10_000, rebalanceTimeoutMs: 60_000 })));
    // b processes a long batch, heartbeating, and rejoins after 40 s; a waits in JoinGroup meanwhile
    for (let t = 0; t < 13; t++) {
      s.timers.advance(3_000);
      expect(hb(s, b!)).toBe(E.REBALANCE_IN_PROGRESS);
    }
    await settle();
    expect(a2.done).toBe(false);
    const b2 = await s.coordinator.joinGroup(joinRequest({ groupId: G, memberId: b!.memberId, sessionTimeoutMs: 10_000, rebalanceTimeoutMs: 60_000 }));
    await settle();
    expect(b2.generationId).toBe(2);
    expect(a2.value.members).toHaveLength(2);
  });

  it('a member that got the generation but never sends SyncGroup is dropped after the rebalance timeout', async () => {
    const s = setup({ initialRebalanceDelayMs: 0 });
    const a = track(s.coordinator.joinGroup(joinRequest({ groupId: G, clientId: 'a', rebalanceTimeoutMs: 20_000, sessionTimeoutMs: 30_000 })));
    const b = track(s.coordinator.joinGroup(joinRequest({ groupId: G, clientId: 'b', rebalanceTimeoutMs: 20_000, sessionTimeoutMs: 30_000 })));
    s.timers.advance(0);
    await settle();
    await s.coordinator.syncGroup(syncRequest(G, a.value, {}));
    for (let t = 0; t < 7; t++) {
      s.timers.advance(3_000);
      hb(s, a.value);
      hb(s, b.value); // b heartbeats but never syncs
    }
    expect(s.coordinator.describeGroup(G).state).toBe('PreparingRebalance');
    expect(s.coordinator.describeGroup(G).members.map((m) => m.memberId)).toEqual([a.value.memberId]);
  });
});

describe('LeaveGroup', () => {
  it('a leaving member triggers a rebalance among the rest; the last one leaving empties the group', async () => {
    const s = setup({ initialRebalanceDelayMs: 0 });
    const [a, b] = await stableGroup(s, 2);
    const left = s.coordinator.leaveGroup(G, [{ memberId: b!.memberId, groupInstanceId: null }]);
    expect(left).toEqual({ errorCode: E.NONE, members: [{ memberId: b!.memberId, groupInstanceId: null, errorCode: E.NONE }] });
    expect(s.coordinator.describeGroup(G).state).toBe('PreparingRebalance');
    const a2 = await s.coordinator.joinGroup(joinRequest({ groupId: G, memberId: a!.memberId }));
    expect(a2.generationId).toBe(2);
    await s.coordinator.syncGroup(syncRequest(G, a2, {}));
    s.coordinator.leaveGroup(G, [{ memberId: a!.memberId, groupInstanceId: null }]);
    const d = s.coordinator.describeGroup(G);
    expect(d).toMatchObject({ state: 'Empty', members: [], protocolType: 'consumer' });
    expect(s.coordinator.listGroups().groups).toEqual([{ groupId: G, protocolType: 'consumer', state: 'Empty' }]);
  });

  it('v3+ batches members and answers each; unknown ids get UNKNOWN_MEMBER_ID', async () => {
    const s = setup({ initialRebalanceDelayMs: 0 });
    const [a, b, c] = await stableGroup(s, 3);
    const res = s.coordinator.leaveGroup(G, [
      { memberId: a!.memberId, groupInstanceId: null },
      { memberId: 'ghost', groupInstanceId: null },
      { memberId: c!.memberId, groupInstanceId: null },
    ]);
    expect(res.members.map((m) => m.errorCode)).toEqual([E.NONE, E.UNKNOWN_MEMBER_ID, E.NONE]);
    expect(s.coordinator.describeGroup(G).members.map((m) => m.memberId)).toEqual([b!.memberId]);
    expect(s.coordinator.leaveGroup('nope', [{ memberId: 'x', groupInstanceId: null }]).members[0]?.errorCode).toBe(E.UNKNOWN_MEMBER_ID);
  });

  it('a member leaving while others wait in JoinGroup completes the rebalance for them', async () => {
    const s = setup({ initialRebalanceDelayMs: 0 });
    const [a, b] = await stableGroup(s, 2);
    const a2 = track(s.coordinator.joinGroup(joinRequest({ groupId: G, memberId: a!.memberId })));
    await settle();
    expect(a2.done).toBe(false);
    s.coordinator.leaveGroup(G, [{ memberId: b!.memberId, groupInstanceId: null }]);
    await settle();
    expect(a2.value).toMatchObject({ errorCode: E.NONE, generationId: 2, members: [{ memberId: a!.memberId }] });
  });
});

describe('static membership (group.instance.id)', () => {
  async function staticGroup(s: Setup) {
    const a = track(s.coordinator.joinGroup(joinRequest({ groupId: G, clientId: 'a', groupInstanceId: 'host-a' })));
    const b = track(s.coordinator.joinGroup(joinRequest({ groupId: G, clientId: 'b', groupInstanceId: 'host-b' })));
    s.timers.advance(0);
    await settle();
    const bSync = s.coordinator.syncGroup({ ...syncRequest(G, b.value), groupInstanceId: 'host-b' });
    await s.coordinator.syncGroup({ ...syncRequest(G, a.value, { [a.value.memberId]: 'pa', [b.value.memberId]: 'pb' }), groupInstanceId: 'host-a' });
    await bSync;
    return { a: a.value, b: b.value };
  }

  it('static member ids derive from the instance id, and the member list carries it', async () => {
    const s = setup({ initialRebalanceDelayMs: 0 });
    const { a } = await staticGroup(s);
    expect(a.memberId).toBe('host-a-1');
    expect(a.members.map((m) => m.groupInstanceId)).toEqual(['host-a', 'host-b']);
  });

  it('a restarted static member takes its place back under a new id with no rebalance; the old id is fenced', async () => {
    const s = setup({ initialRebalanceDelayMs: 0 });
    const { a, b } = await staticGroup(s);
    const b2 = await s.coordinator.joinGroup(joinRequest({ groupId: G, clientId: 'b', groupInstanceId: 'host-b' }));
    expect(b2).toMatchObject({ errorCode: E.NONE, generationId: 1, memberId: 'host-b-3', leader: a.memberId, members: [] });
    expect(s.coordinator.describeGroup(G).state).toBe('Stable');
    const sync = await s.coordinator.syncGroup({ ...syncRequest(G, b2), groupInstanceId: 'host-b' });
    expect(text(sync)).toBe('pb'); // the assignment it had before
    expect(s.coordinator.heartbeat({ groupId: G, generationId: 1, memberId: b.memberId, groupInstanceId: 'host-b' })).toBe(E.FENCED_INSTANCE_ID);
    expect(s.coordinator.heartbeat({ groupId: G, generationId: 1, memberId: b2.memberId, groupInstanceId: 'host-b' })).toBe(E.NONE);
    const stale = await s.coordinator.joinGroup(joinRequest({ groupId: G, memberId: b.memberId, groupInstanceId: 'host-b' }));
    expect(stale.errorCode).toBe(E.FENCED_INSTANCE_ID);
  });

  it('a restarted static leader keeps leading without being told to reassign', async () => {
    const s = setup({ initialRebalanceDelayMs: 0 });
    const { a } = await staticGroup(s);
    const a2 = await s.coordinator.joinGroup(joinRequest({ groupId: G, clientId: 'a', groupInstanceId: 'host-a' }));
    // the old leader id comes back, so the new incarnation does not run an assignment in a Stable group
    expect(a2.leader).toBe(a.memberId);
    expect(a2.memberId).not.toBe(a.memberId);
    expect(s.coordinator.describeGroup(G).state).toBe('Stable');
    // but it is the leader now: its rejoin rebalances
    void s.coordinator.joinGroup(joinRequest({ groupId: G, memberId: a2.memberId, groupInstanceId: 'host-a' }));
    expect(s.coordinator.describeGroup(G).state).toBe('PreparingRebalance');
  });

  it('a static member that misses a rebalance keeps its membership; LeaveGroup by instance id alone removes it', async () => {
    const s = setup({ initialRebalanceDelayMs: 0 });
    const { a, b } = await staticGroup(s);
    const c = track(s.coordinator.joinGroup(joinRequest({ groupId: G, clientId: 'c', rebalanceTimeoutMs: 30_000 })));
    const a2 = track(s.coordinator.joinGroup(joinRequest({ groupId: G, memberId: a.memberId, groupInstanceId: 'host-a' })));
    for (let t = 0; t < 10; t++) {
      s.timers.advance(3_000);
      s.coordinator.heartbeat({ groupId: G, generationId: 1, memberId: b.memberId, groupInstanceId: 'host-b' });
    }
    await settle();
    expect(a2.value.members.map((m) => m.groupInstanceId)).toEqual(['host-a', 'host-b', null]);
    expect(c.value.generationId).toBe(2);
    const res = s.coordinator.leaveGroup(G, [{ memberId: '', groupInstanceId: 'host-b' }]);
    expect(res.members[0]?.errorCode).toBe(E.NONE);
    expect(s.coordinator.describeGroup(G).members.map((m) => m.groupInstanceId)).toEqual(['host-a', null]);
    expect(s.coordinator.leaveGroup(G, [{ memberId: '', groupInstanceId: 'host-zzz' }]).members[0]?.errorCode).toBe(E.UNKNOWN_MEMBER_ID);
  });
});

describe('SyncGroup errors', () => {
  it('checks member, generation and protocol echo before the state', async () => {
    const s = setup({ initialRebalanceDelayMs: 0 });
    const [a] = await stableGroup(s, 1);
    expect((await s.coordinator.syncGroup({ ...syncRequest(G, a!), memberId: 'ghost' })).errorCode).toBe(E.UNKNOWN_MEMBER_ID);
    expect((await s.coordinator.syncGroup({ ...syncRequest(G, a!), generationId: 7 })).errorCode).toBe(E.ILLEGAL_GENERATION);
    expect((await s.coordinator.syncGroup({ ...syncRequest(G, a!), protocolName: 'roundrobin' })).errorCode).toBe(E.INCONSISTENT_GROUP_PROTOCOL);
    expect((await s.coordinator.syncGroup({ ...syncRequest(G, a!), protocolType: 'consumer', protocolName: 'range' })).errorCode).toBe(E.NONE);
    expect((await s.coordinator.syncGroup({ ...syncRequest('none', a!) })).errorCode).toBe(E.UNKNOWN_MEMBER_ID);
  });
});

describe('shutdown', () => {
  it('answers every parked request with NOT_COORDINATOR and refuses new ones', async () => {
    const s = setup();
    const parked = track(s.coordinator.joinGroup(joinRequest({ groupId: G })));
    s.coordinator.close();
    await settle();
    expect(parked.value.errorCode).toBe(E.NOT_COORDINATOR);
    expect((await s.coordinator.joinGroup(joinRequest({ groupId: G }))).errorCode).toBe(E.NOT_COORDINATOR);
    expect(s.coordinator.heartbeat({ groupId: G, generationId: 0, memberId: 'x', groupInstanceId: null })).toBe(E.NOT_COORDINATOR);
    expect(s.timers.pendingCount).toBe(0);
  });
});
