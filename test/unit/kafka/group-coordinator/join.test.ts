import { describe, expect, it } from 'vitest';
import { GroupErrorCode as E } from '../../../../src/kafka/group-coordinator/error-codes.js';
import { bytes, joinRequest, settle, setup, syncRequest, text, track } from './harness.js';

const G = 'g';

describe('JoinGroup: first generation', () => {
  it('v4+ asks a new member to rejoin with a generated id, then makes it leader of generation 1 after the initial delay', async () => {
    const { coordinator, timers } = setup();
    const first = await coordinator.joinGroup(joinRequest({ groupId: G, clientId: 'app', requireKnownMemberId: true }));
    expect(first.errorCode).toBe(E.MEMBER_ID_REQUIRED);
    expect(first.memberId).toBe('app-1');
    expect(first.generationId).toBe(-1);

    const join = track(coordinator.joinGroup(joinRequest({ groupId: G, memberId: 'app-1', requireKnownMemberId: true })));
    await settle();
    expect(join.done).toBe(false); // group.initial.rebalance.delay.ms runs first
    expect(coordinator.describeGroup(G).state).toBe('PreparingRebalance');
    timers.advance(3_000);
    await settle();
    expect(join.value).toMatchObject({ errorCode: E.NONE, generationId: 1, leader: 'app-1', memberId: 'app-1', protocolName: 'range', protocolType: 'consumer' });
    expect(join.value.members).toEqual([{ memberId: 'app-1', groupInstanceId: null, metadata: bytes('sub') }]);
    expect(coordinator.describeGroup(G).state).toBe('CompletingRebalance');

    const sync = await coordinator.syncGroup(syncRequest(G, join.value, { 'app-1': 'mine' }));
    expect(sync.errorCode).toBe(E.NONE);
    expect(text(sync)).toBe('mine');
    expect(coordinator.describeGroup(G).state).toBe('Stable');
  });

  it('v0-3 members get their id on the first join (no MEMBER_ID_REQUIRED)', async () => {
    const { coordinator, timers } = setup({ initialRebalanceDelayMs: 0 });
    const join = track(coordinator.joinGroup(joinRequest({ groupId: G, clientId: 'py' })));
    timers.advance(0);
    await settle();
    expect(join.value).toMatchObject({ errorCode: E.NONE, memberId: 'py-1', leader: 'py-1', generationId: 1 });
  });

  it('members starting together share one generation; the first joiner leads and only it sees the member list', async () => {
    const { coordinator, timers } = setup();
    const a = track(coordinator.joinGroup(joinRequest({ groupId: G, clientId: 'a' })));
    timers.advance(1_000);
    const b = track(coordinator.joinGroup(joinRequest({ groupId: G, clientId: 'b', protocols: [{ name: 'range', metadata: bytes('b-sub') }] })));
    timers.advance(2_000);
    await settle();
    // b joined during the initial delay, which therefore extends once more
    expect(a.done).toBe(false);
    timers.advance(3_000);
    await settle();
    expect(a.value).toMatchObject({ generationId: 1, leader: 'a-1', memberId: 'a-1' });
    expect(b.value).toMatchObject({ generationId: 1, leader: 'a-1', memberId: 'b-2', members: [] });
    expect(a.value.members.map((m) => m.memberId)).toEqual(['a-1', 'b-2']);
    expect(a.value.members[1]?.metadata).toEqual(bytes('b-sub'));

    // the follower waits for the leader's assignment
    const bSync = track(coordinator.syncGroup(syncRequest(G, b.value)));
    await settle();
    expect(bSync.done).toBe(false);
    const aSync = await coordinator.syncGroup(syncRequest(G, a.value, { 'a-1': 'p0', 'b-2': 'p1' }));
    await settle();
    expect(text(aSync)).toBe('p0');
    expect(bSync.value.errorCode).toBe(E.NONE);
    expect(text(bSync.value)).toBe('p1');
  });

  it('the initial delay is bounded by the rebalance timeout however many members keep arriving', async () => {
    const { coordinator, timers } = setup();
    const first = track(coordinator.joinGroup(joinRequest({ groupId: G, clientId: 'm', rebalanceTimeoutMs: 9_000 })));
    // a member arrives just before each delay runs out: 3 s, +3 s, +3 s, then the 9 s budget is spent
    for (let i = 0; i < 3; i++) {
      timers.advance(2_999);
      void coordinator.joinGroup(joinRequest({ groupId: G, clientId: 'm', rebalanceTimeoutMs: 9_000 }));
    }
    await settle();
    expect(first.done).toBe(false);
    timers.advance(3);
    await settle();
    expect(first.done).toBe(true);
    expect(first.value.generationId).toBe(1);
  });

  it('a member the leader leaves out gets empty assignment bytes, and unknown ids in the assignment are ignored', async () => {
    const { coordinator, timers } = setup({ initialRebalanceDelayMs: 0 });
    const a = track(coordinator.joinGroup(joinRequest({ groupId: G, clientId: 'a' })));
    const b = track(coordinator.joinGroup(joinRequest({ groupId: G, clientId: 'b' })));
    timers.advance(0);
    await settle();
    const bSync = track(coordinator.syncGroup(syncRequest(G, b.value)));
    await coordinator.syncGroup(syncRequest(G, a.value, { 'a-1': 'all', stranger: 'x' }));
    await settle();
    expect(bSync.value.errorCode).toBe(E.NONE);
    expect(bSync.value.assignment).toEqual(new Uint8Array(0));
  });
});

describe('JoinGroup: rebalancing a live group', () => {
  async function stableGroupOfTwo() {
    const s = setup({ initialRebalanceDelayMs: 0 });
    const a = track(s.coordinator.joinGroup(joinRequest({ groupId: G, clientId: 'a' })));
    const b = track(s.coordinator.joinGroup(joinRequest({ groupId: G, clientId: 'b' })));
    s.timers.advance(0);
    await settle();
    const bSync = s.coordinator.syncGroup(syncRequest(G, b.value));
    await s.coordinator.syncGroup(syncRequest(G, a.value, { 'a-1': 'p0', 'b-2': 'p1' }));
    await bSync;
    return { ...s, a: a.value, b: b.value };
  }

  it('a new member starts a rebalance; the others learn it from heartbeats, rejoin, and it completes as soon as all are in', async () => {
    const { coordinator, timers, a, b } = await stableGroupOfTwo();
    const c = track(coordinator.joinGroup(joinRequest({ groupId: G, clientId: 'c' })));
    expect(coordinator.describeGroup(G).state).toBe('PreparingRebalance');
    expect(coordinator.heartbeat({ groupId: G, generationId: 1, memberId: a.memberId, groupInstanceId: null })).toBe(E.REBALANCE_IN_PROGRESS);
    // a follower's SyncGroup now is too late
    expect((await coordinator.syncGroup(syncRequest(G, b))).errorCode).toBe(E.REBALANCE_IN_PROGRESS);
    const a2 = track(coordinator.joinGroup(joinRequest({ groupId: G, memberId: a.memberId })));
    const b2 = track(coordinator.joinGroup(joinRequest({ groupId: G, memberId: b.memberId })));
    await settle();
    expect(c.done && a2.done && b2.done).toBe(true);
    expect(a2.value).toMatchObject({ generationId: 2, leader: 'a-1' });
    expect(a2.value.members.map((m) => m.memberId)).toEqual(['a-1', 'b-2', 'c-3']);
    expect(c.value).toMatchObject({ generationId: 2, memberId: 'c-3', leader: 'a-1', members: [] });
    expect(timers.pendingCount).toBeGreaterThan(0);
  });

  it('a member that does not rejoin within the rebalance timeout is dropped and the rest carry on', async () => {
    const { coordinator, timers, a, b } = await stableGroupOfTwo();
    const c = track(coordinator.joinGroup(joinRequest({ groupId: G, clientId: 'c', rebalanceTimeoutMs: 20_000 })));
    const a2 = track(coordinator.joinGroup(joinRequest({ groupId: G, memberId: a.memberId, rebalanceTimeoutMs: 20_000 })));
    // b keeps heartbeating (so its session does not expire) but never rejoins
    for (let t = 0; t < 29_000; t += 3_000) {
      timers.advance(3_000);
      coordinator.heartbeat({ groupId: G, generationId: 1, memberId: b.memberId, groupInstanceId: null });
    }
    await settle();
    expect(a2.done).toBe(true); // after max(rebalance timeouts) = 30 s (b's)
    expect(a2.value.members.map((m) => m.memberId)).toEqual(['a-1', 'c-3']);
    expect(c.value.generationId).toBe(2);
    expect(coordinator.heartbeat({ groupId: G, generationId: 2, memberId: b.memberId, groupInstanceId: null })).toBe(E.UNKNOWN_MEMBER_ID);
  });

  it('the leader rejoining a Stable group triggers a rebalance; an unchanged follower rejoin just gets the generation', async () => {
    const { coordinator, a, b } = await stableGroupOfTwo();
    const bAgain = await coordinator.joinGroup(joinRequest({ groupId: G, memberId: b.memberId }));
    expect(bAgain).toMatchObject({ errorCode: E.NONE, generationId: 1, leader: 'a-1', members: [] });
    expect(coordinator.describeGroup(G).state).toBe('Stable');
    const aAgain = track(coordinator.joinGroup(joinRequest({ groupId: G, memberId: a.memberId })));
    expect(coordinator.describeGroup(G).state).toBe('PreparingRebalance');
    await coordinator.joinGroup(joinRequest({ groupId: G, memberId: b.memberId }));
    await settle();
    expect(aAgain.value.generationId).toBe(2);
  });

  it('a follower whose subscription changed triggers a rebalance', async () => {
    const { coordinator, b } = await stableGroupOfTwo();
    void coordinator.joinGroup(joinRequest({ groupId: G, memberId: b.memberId, protocols: [{ name: 'range', metadata: bytes('new-topics') }] }));
    expect(coordinator.describeGroup(G).state).toBe('PreparingRebalance');
  });

  it('a rebalance during the sync phase sends the waiting followers back with REBALANCE_IN_PROGRESS', async () => {
    const { coordinator, timers } = setup({ initialRebalanceDelayMs: 0 });
    const a = track(coordinator.joinGroup(joinRequest({ groupId: G, clientId: 'a' })));
    const b = track(coordinator.joinGroup(joinRequest({ groupId: G, clientId: 'b' })));
    timers.advance(0);
    await settle();
    const bSync = track(coordinator.syncGroup(syncRequest(G, b.value)));
    void coordinator.joinGroup(joinRequest({ groupId: G, clientId: 'c' }));
    await settle();
    expect(bSync.value.errorCode).toBe(E.REBALANCE_IN_PROGRESS);
    expect((await coordinator.syncGroup(syncRequest(G, a.value, {}))).errorCode).toBe(E.REBALANCE_IN_PROGRESS);
  });

  it('a retried JoinGroup during the sync phase gets the same generation (the leader again gets the members)', async () => {
    const { coordinator, timers } = setup({ initialRebalanceDelayMs: 0 });
    const a = track(coordinator.joinGroup(joinRequest({ groupId: G, clientId: 'a' })));
    timers.advance(0);
    await settle();
    const again = await coordinator.joinGroup(joinRequest({ groupId: G, memberId: a.value.memberId }));
    expect(again).toMatchObject({ errorCode: E.NONE, generationId: 1, leader: 'a-1' });
    expect(again.members).toHaveLength(1);
  });

  it('a JoinGroup sent twice while parked is answered twice with the same result', async () => {
    const { coordinator, timers } = setup({ initialRebalanceDelayMs: 0 });
    const a = track(coordinator.joinGroup(joinRequest({ groupId: G, clientId: 'a' })));
    const b = track(coordinator.joinGroup(joinRequest({ groupId: G, clientId: 'b' })));
    timers.advance(0);
    await settle();
    void coordinator.syncGroup(syncRequest(G, a.value, {}));
    void coordinator.syncGroup(syncRequest(G, b.value));
    void coordinator.joinGroup(joinRequest({ groupId: G, clientId: 'c' }));
    const first = track(coordinator.joinGroup(joinRequest({ groupId: G, memberId: 'a-1' })));
    const retry = track(coordinator.joinGroup(joinRequest({ groupId: G, memberId: 'a-1' })));
    void coordinator.joinGroup(joinRequest({ groupId: G, memberId: 'b-2' }));
    await settle();
    expect(first.value).toEqual(retry.value);
    expect(first.value.generationId).toBe(2);
  });
});

describe('JoinGroup: protocol selection and validation', () => {
  it('picks the protocol every member supports, by the members\' preference votes', async () => {
    const { coordinator, timers } = setup({ initialRebalanceDelayMs: 0 });
    const p = (...names: string[]) => names.map((name) => ({ name, metadata: bytes(name) }));
    const a = track(coordinator.joinGroup(joinRequest({ groupId: G, clientId: 'a', protocols: p('cooperative-sticky', 'range', 'roundrobin') })));
    const b = track(coordinator.joinGroup(joinRequest({ groupId: G, clientId: 'b', protocols: p('roundrobin', 'range') })));
    const c = track(coordinator.joinGroup(joinRequest({ groupId: G, clientId: 'c', protocols: p('range', 'roundrobin') })));
    timers.advance(0);
    await settle();
    // common: range, roundrobin; votes: a→range, b→roundrobin, c→range
    expect(a.value.protocolName).toBe('range');
    expect(a.value.members.map((m) => new TextDecoder().decode(m.metadata))).toEqual(['range', 'range', 'range']);
    expect(b.value.protocolName).toBe('range');
    expect(c.value.protocolName).toBe('range');
  });

  it('answers INCONSISTENT_GROUP_PROTOCOL to a member sharing no assignor or protocol type with the group', async () => {
    const { coordinator } = setup();
    void coordinator.joinGroup(joinRequest({ groupId: G, protocols: [{ name: 'RoundRobinAssigner', metadata: bytes('') }] }));
    const other = await coordinator.joinGroup(joinRequest({ groupId: G, protocols: [{ name: 'range', metadata: bytes('') }] }));
    expect(other.errorCode).toBe(E.INCONSISTENT_GROUP_PROTOCOL);
    const connect = await coordinator.joinGroup(joinRequest({ groupId: G, protocolType: 'connect', protocols: [{ name: 'RoundRobinAssigner', metadata: bytes('') }] }));
    expect(connect.errorCode).toBe(E.INCONSISTENT_GROUP_PROTOCOL);
    const none = await coordinator.joinGroup(joinRequest({ groupId: 'other', protocols: [] }));
    expect(none.errorCode).toBe(E.INCONSISTENT_GROUP_PROTOCOL);
  });

  it('rejects session timeouts outside the broker bounds, empty group ids and member ids it never issued', async () => {
    const { coordinator } = setup({ minSessionTimeoutMs: 6_000, maxSessionTimeoutMs: 60_000 });
    expect((await coordinator.joinGroup(joinRequest({ groupId: G, sessionTimeoutMs: 5_999 }))).errorCode).toBe(E.INVALID_SESSION_TIMEOUT);
    expect((await coordinator.joinGroup(joinRequest({ groupId: G, sessionTimeoutMs: 60_001 }))).errorCode).toBe(E.INVALID_SESSION_TIMEOUT);
    expect((await coordinator.joinGroup(joinRequest({ groupId: '' }))).errorCode).toBe(E.INVALID_GROUP_ID);
    const unknown = await coordinator.joinGroup(joinRequest({ groupId: G, memberId: 'from-before-restart' }));
    expect(unknown).toMatchObject({ errorCode: E.UNKNOWN_MEMBER_ID, memberId: 'from-before-restart', generationId: -1 });
  });

  it('a MEMBER_ID_REQUIRED id holds up the rebalance until it rejoins, or for one session timeout', async () => {
    const { coordinator, timers } = setup({ initialRebalanceDelayMs: 0 });
    const a = track(coordinator.joinGroup(joinRequest({ groupId: G, clientId: 'a' })));
    timers.advance(0);
    await settle();
    await coordinator.syncGroup(syncRequest(G, a.value, {}));
    // b gets an id but never comes back; a rejoins (leader) and the rebalance waits for b
    const idOnly = await coordinator.joinGroup(joinRequest({ groupId: G, clientId: 'b', requireKnownMemberId: true, sessionTimeoutMs: 10_000 }));
    expect(idOnly.errorCode).toBe(E.MEMBER_ID_REQUIRED);
    const a2 = track(coordinator.joinGroup(joinRequest({ groupId: G, memberId: a.value.memberId })));
    await settle();
    expect(a2.done).toBe(false);
    timers.advance(10_000);
    await settle();
    expect(a2.value).toMatchObject({ generationId: 2, members: [{ memberId: 'a-1' }] });
  });
});
