import { describe, expect, it } from 'vitest';
import { GroupErrorCode as E } from '../../../../src/kafka/group-coordinator/error-codes.js';
import type { OffsetCommitRequest } from '../../../../src/kafka/group-coordinator/types.js';
import { joinRequest, settle, setup, syncRequest, track, type Setup } from './harness.js';

const G = 'g';

function commit(over: Partial<OffsetCommitRequest> = {}): OffsetCommitRequest {
  return {
    groupId: G,
    generationId: -1,
    memberId: '',
    groupInstanceId: null,
    topics: [{ name: 't', partitions: [{ partition: 0, offset: 42n, metadata: 'm' }] }],
    ...over,
  };
}

const codes = (r: { topics: readonly { partitions: readonly { errorCode: number }[] }[] }) => r.topics.flatMap((t) => t.partitions.map((p) => p.errorCode));

async function withMember(s: Setup) {
  const j = track(s.coordinator.joinGroup(joinRequest({ groupId: G, clientId: 'c' })));
  s.timers.advance(0);
  await settle();
  return j.value;
}

describe('OffsetCommit', () => {
  it('a simple consumer (generation -1, no member id) commits to a group that does not exist yet; fetch reads it back', async () => {
    const s = setup();
    s.log.topics.set('t', 2);
    expect(codes(await s.coordinator.commitOffsets(commit()))).toEqual([E.NONE]);
    expect(s.coordinator.describeGroup(G)).toMatchObject({ state: 'Empty', protocolType: '' });
    const fetched = await s.coordinator.fetchOffsets({ groupId: G, topics: [{ name: 't', partitions: [0, 1] }], requireStable: true });
    expect(fetched).toEqual({
      errorCode: E.NONE,
      topics: [{ name: 't', partitions: [
        { partition: 0, offset: 42n, metadata: 'm', errorCode: E.NONE },
        { partition: 1, offset: -1n, metadata: '', errorCode: E.NONE },
      ] }],
    });
  });

  it('a member commits with its generation; a stale generation or unknown member is refused', async () => {
    const s = setup({ initialRebalanceDelayMs: 0 });
    s.log.topics.set('t', 1);
    const m = await withMember(s);
    // CompletingRebalance: the member has its generation but no assignment yet
    expect(codes(await s.coordinator.commitOffsets(commit({ generationId: 1, memberId: m.memberId })))).toEqual([E.REBALANCE_IN_PROGRESS]);
    await s.coordinator.syncGroup(syncRequest(G, m, {}));
    expect(codes(await s.coordinator.commitOffsets(commit({ generationId: 1, memberId: m.memberId })))).toEqual([E.NONE]);
    expect(codes(await s.coordinator.commitOffsets(commit({ generationId: 0, memberId: m.memberId })))).toEqual([E.ILLEGAL_GENERATION]);
    expect(codes(await s.coordinator.commitOffsets(commit({ generationId: 1, memberId: 'ghost' })))).toEqual([E.UNKNOWN_MEMBER_ID]);
    // only members may commit to a group that has members
    expect(codes(await s.coordinator.commitOffsets(commit()))).toEqual([E.UNKNOWN_MEMBER_ID]);
    expect(codes(await s.coordinator.commitOffsets(commit({ groupId: 'never-joined', generationId: 3, memberId: 'x' })))).toEqual([E.ILLEGAL_GENERATION]);
  });

  it('commits are accepted while the group prepares a rebalance (members commit before rejoining)', async () => {
    const s = setup({ initialRebalanceDelayMs: 0 });
    s.log.topics.set('t', 1);
    const m = await withMember(s);
    await s.coordinator.syncGroup(syncRequest(G, m, {}));
    void s.coordinator.joinGroup(joinRequest({ groupId: G, clientId: 'newcomer' }));
    expect(s.coordinator.describeGroup(G).state).toBe('PreparingRebalance');
    expect(codes(await s.coordinator.commitOffsets(commit({ generationId: 1, memberId: m.memberId, topics: [{ name: 't', partitions: [{ partition: 0, offset: 7n, metadata: null }] }] })))).toEqual([E.NONE]);
    const f = await s.coordinator.fetchOffsets({ groupId: G, topics: null, requireStable: false });
    expect(f.topics).toEqual([{ name: 't', partitions: [{ partition: 0, offset: 7n, metadata: '', errorCode: E.NONE }] }]);
  });

  it('per partition: unknown topics or partitions, and oversized metadata, are refused; the rest is stored', async () => {
    const s = setup({ maxOffsetMetadataBytes: 8 });
    s.log.topics.set('t', 2);
    const res = await s.coordinator.commitOffsets(commit({ topics: [
      { name: 't', partitions: [
        { partition: 0, offset: 1n, metadata: 'ok' },
        { partition: 1, offset: 2n, metadata: 'much too long' },
        { partition: 2, offset: 3n, metadata: null },
      ] },
      { name: 'nope', partitions: [{ partition: 0, offset: 4n, metadata: null }] },
    ] }));
    expect(res.topics.map((t) => [t.name, t.partitions.map((p) => [p.partition, p.errorCode])])).toEqual([
      ['t', [[0, E.NONE], [1, E.OFFSET_METADATA_TOO_LARGE], [2, E.UNKNOWN_TOPIC_OR_PARTITION]]],
      ['nope', [[0, E.UNKNOWN_TOPIC_OR_PARTITION]]],
    ]);
    expect([...(s.log.committed.get(G)?.keys() ?? [])]).toEqual(['t/0']);
  });

  it('a storage failure is a retriable COORDINATOR_NOT_AVAILABLE, logged, and nothing else breaks', async () => {
    const s = setup();
    s.log.topics.set('t', 1);
    s.log.failNext = true;
    expect(codes(await s.coordinator.commitOffsets(commit()))).toEqual([E.COORDINATOR_NOT_AVAILABLE]);
    expect(s.logLines.some((l) => l.startsWith('WARN') && l.includes('disk full'))).toBe(true);
    expect(codes(await s.coordinator.commitOffsets(commit()))).toEqual([E.NONE]);
  });
});

describe('OffsetFetch', () => {
  it('answers -1 for a group nobody knows, and an empty list when asked for all of its offsets', async () => {
    const s = setup();
    const f = await s.coordinator.fetchOffsets({ groupId: 'unknown', topics: [{ name: 'x', partitions: [3] }], requireStable: true });
    expect(f.topics).toEqual([{ name: 'x', partitions: [{ partition: 3, offset: -1n, metadata: '', errorCode: E.NONE }] }]);
    expect((await s.coordinator.fetchOffsets({ groupId: 'unknown', topics: null, requireStable: false })).topics).toEqual([]);
  });
});

describe('DescribeGroups, ListGroups, DeleteGroups', () => {
  it('describes members with metadata and assignment only once the group is Stable; unknown groups read as Dead', async () => {
    const s = setup({ initialRebalanceDelayMs: 0 });
    const m = await withMember(s);
    expect(s.coordinator.describeGroup(G)).toMatchObject({ state: 'CompletingRebalance', protocolData: '', members: [{ memberId: m.memberId, metadata: new Uint8Array(0) }] });
    await s.coordinator.syncGroup(syncRequest(G, m, { [m.memberId]: 'A' }));
    const d = s.coordinator.describeGroup(G);
    expect(d).toMatchObject({ errorCode: E.NONE, state: 'Stable', protocolType: 'consumer', protocolData: 'range' });
    expect(d.members).toEqual([{ memberId: m.memberId, groupInstanceId: null, clientId: 'c', clientHost: '/127.0.0.1', metadata: new TextEncoder().encode('sub'), assignment: new TextEncoder().encode('A') }]);
    expect(s.coordinator.describeGroup('nope')).toEqual({ errorCode: E.NONE, groupId: 'nope', state: 'Dead', protocolType: '', protocolData: '', members: [] });
  });

  it('lists groups, filtered by state names in any case', async () => {
    const s = setup({ initialRebalanceDelayMs: 0 });
    s.log.topics.set('t', 1);
    await withMember(s);
    await s.coordinator.commitOffsets(commit({ groupId: 'offsets-only' }));
    expect(s.coordinator.listGroups().groups).toEqual([
      { groupId: G, protocolType: 'consumer', state: 'CompletingRebalance' },
      { groupId: 'offsets-only', protocolType: '', state: 'Empty' },
    ]);
    expect(s.coordinator.listGroups(['empty']).groups.map((g) => g.groupId)).toEqual(['offsets-only']);
    expect(s.coordinator.listGroups(['Stable']).groups).toEqual([]);
  });

  it('after a restart, groups known only by their committed offsets are listed Empty and keep their offsets', async () => {
    const before = setup();
    before.log.topics.set('t', 2);
    await before.coordinator.commitOffsets(commit({ topics: [{ name: 't', partitions: [{ partition: 1, offset: 9n, metadata: null }] }] }));
    before.coordinator.close();
    const after = setup({}, before.log);
    await after.coordinator.ready();
    expect(after.coordinator.listGroups().groups).toEqual([{ groupId: G, protocolType: '', state: 'Empty' }]);
    const all = await after.coordinator.fetchOffsets({ groupId: G, topics: null, requireStable: false });
    expect(all.topics).toEqual([{ name: 't', partitions: [{ partition: 1, offset: 9n, metadata: '', errorCode: E.NONE }] }]);
    expect(await after.coordinator.deleteGroups([G])).toEqual([{ groupId: G, errorCode: E.NONE }]);
    expect(after.log.committed.has(G)).toBe(false);
    expect((await after.coordinator.fetchOffsets({ groupId: G, topics: null, requireStable: false })).topics).toEqual([]);
  });

  it('deletes Empty groups only', async () => {
    const s = setup({ initialRebalanceDelayMs: 0 });
    s.log.topics.set('t', 1);
    await withMember(s);
    await s.coordinator.commitOffsets(commit({ groupId: 'idle' }));
    expect(await s.coordinator.deleteGroups([G, 'idle', 'missing'])).toEqual([
      { groupId: G, errorCode: E.NON_EMPTY_GROUP },
      { groupId: 'idle', errorCode: E.NONE },
      { groupId: 'missing', errorCode: E.GROUP_ID_NOT_FOUND },
    ]);
    expect(s.coordinator.listGroups().groups.map((g) => g.groupId)).toEqual([G]);
  });
});
