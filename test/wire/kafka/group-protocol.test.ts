/**
 * The group APIs frame by frame, at the versions no installed client sends
 * but others (e.g. @platformatic/kafka, which speaks only flexible versions)
 * do, plus the long-poll rules: a parked JoinGroup blocks no other
 * connection, and its own connection's later answers wait behind it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteGroupsApi } from '../../../src/kafka/apis/delete-groups/spec.js';
import { describeGroupsApi } from '../../../src/kafka/apis/describe-groups/spec.js';
import { findCoordinatorApi } from '../../../src/kafka/apis/find-coordinator/spec.js';
import { heartbeatApi } from '../../../src/kafka/apis/heartbeat/spec.js';
import { joinGroupApi } from '../../../src/kafka/apis/join-group/spec.js';
import { leaveGroupApi } from '../../../src/kafka/apis/leave-group/spec.js';
import { listGroupsApi } from '../../../src/kafka/apis/list-groups/spec.js';
import { offsetCommitApi } from '../../../src/kafka/apis/offset-commit/spec.js';
import { offsetFetchApi } from '../../../src/kafka/apis/offset-fetch/spec.js';
import { syncGroupApi } from '../../../src/kafka/apis/sync-group/spec.js';
import { ErrorCode } from '../../../src/kafka/error-codes.js';
import { RawClient } from './raw-client.js';
import { startGroupBroker, type GroupTestBroker } from './group-support.js';

let broker: GroupTestBroker;
const clients: RawClient[] = [];

beforeAll(async () => {
  broker = await startGroupBroker();
  const admin = broker.kafka().admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic: 'raw-t', numPartitions: 2 }] });
  await admin.disconnect();
});
afterAll(async () => {
  for (const c of clients) c.close();
  await broker?.stop();
});

async function client(): Promise<RawClient> {
  const c = await RawClient.connect(broker.server.port);
  clients.push(c);
  return c;
}

const protocols = [{ name: 'roundrobin', metadata: Buffer.from([0, 1, 0, 0, 0, 0]) }];

describe('flexible versions', () => {
  it('FindCoordinator v4 answers every key of the batch; v0 the single key', async () => {
    const c = await client();
    const v4 = await c.request(findCoordinatorApi, 4, { keyType: 0, coordinatorKeys: ['a', 'b'] });
    expect(v4.coordinators).toEqual([
      { key: 'a', nodeId: 0, host: '127.0.0.1', port: broker.server.port, errorCode: 0, errorMessage: null },
      { key: 'b', nodeId: 0, host: '127.0.0.1', port: broker.server.port, errorCode: 0, errorMessage: null },
    ]);
    const v0 = await c.request(findCoordinatorApi, 0, { key: 'a' });
    expect(v0).toMatchObject({ errorCode: 0, nodeId: 0, host: '127.0.0.1', port: broker.server.port });
    const bad = await c.request(findCoordinatorApi, 3, { key: 'a', keyType: 7 });
    expect(bad.errorCode).toBe(ErrorCode.INVALID_REQUEST);
  });

  it('a member goes join → sync → heartbeat → commit → fetch → leave at v6/v4/v4/v8/v8/v4, then the group is described, listed and deleted', async () => {
    const c = await client();
    const groupId = 'flex-group';
    const first = await c.request(joinGroupApi, 6, { groupId, sessionTimeoutMs: 10_000, rebalanceTimeoutMs: 10_000, memberId: '', protocolType: 'consumer', protocols });
    expect(first.errorCode).toBe(ErrorCode.MEMBER_ID_REQUIRED);
    const memberId = first.memberId;
    expect(memberId).toMatch(/^raw-client-/);
    const join = await c.request(joinGroupApi, 6, { groupId, sessionTimeoutMs: 10_000, rebalanceTimeoutMs: 10_000, memberId, protocolType: 'consumer', protocols });
    expect(join).toMatchObject({ errorCode: 0, generationId: 1, protocolName: 'roundrobin', leader: memberId, memberId });
    expect(join.members).toEqual([{ memberId, groupInstanceId: null, metadata: protocols[0]!.metadata }]);
    const assignment = Buffer.from([0, 1, 0, 0, 0, 1, 0, 5, 114, 97, 119, 45, 116, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0]);
    const sync = await c.request(syncGroupApi, 4, { groupId, generationId: 1, memberId, assignments: [{ memberId, assignment }] });
    expect(sync).toMatchObject({ errorCode: 0, assignment });
    expect((await c.request(heartbeatApi, 4, { groupId, generationId: 1, memberId })).errorCode).toBe(0);

    const commit = await c.request(offsetCommitApi, 8, {
      groupId, generationIdOrMemberEpoch: 1, memberId,
      topics: [{ name: 'raw-t', partitions: [{ partitionIndex: 0, committedOffset: 3n, committedMetadata: 'meta' }, { partitionIndex: 9, committedOffset: 1n, committedMetadata: null }] }],
    });
    expect(commit.topics).toEqual([{ name: 'raw-t', partitions: [{ partitionIndex: 0, errorCode: 0 }, { partitionIndex: 9, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION }] }]);

    const fetched = await c.request(offsetFetchApi, 8, {
      groups: [{ groupId, topics: null }, { groupId: 'nobody', topics: [{ name: 'raw-t', partitionIndexes: [1] }] }],
      requireStable: true,
    });
    expect(fetched.groups).toEqual([
      { groupId, errorCode: 0, topics: [{ name: 'raw-t', partitions: [{ partitionIndex: 0, committedOffset: 3n, committedLeaderEpoch: -1, metadata: 'meta', errorCode: 0 }] }] },
      { groupId: 'nobody', errorCode: 0, topics: [{ name: 'raw-t', partitions: [{ partitionIndex: 1, committedOffset: -1n, committedLeaderEpoch: -1, metadata: '', errorCode: 0 }] }] },
    ]);

    const described = await c.request(describeGroupsApi, 5, { groups: [groupId, 'nobody'], includeAuthorizedOperations: true });
    expect(described.groups[0]).toMatchObject({ errorCode: 0, groupId, groupState: 'Stable', protocolType: 'consumer', protocolData: 'roundrobin', authorizedOperations: 328 });
    expect(described.groups[0]!.members).toEqual([
      { memberId, groupInstanceId: null, clientId: 'raw-client', clientHost: '/127.0.0.1', memberMetadata: protocols[0]!.metadata, memberAssignment: assignment },
    ]);
    expect(described.groups[1]).toMatchObject({ groupId: 'nobody', groupState: 'Dead', members: [] });
    const stable = await c.request(listGroupsApi, 4, { statesFilter: ['Stable'] });
    expect(stable.groups).toContainEqual({ groupId, protocolType: 'consumer', groupState: 'Stable' });
    expect((await c.request(deleteGroupsApi, 2, { groupsNames: [groupId] })).results).toEqual([{ groupId, errorCode: ErrorCode.NON_EMPTY_GROUP }]);

    const left = await c.request(leaveGroupApi, 4, { groupId, members: [{ memberId, groupInstanceId: null }, { memberId: 'stranger', groupInstanceId: null }] });
    expect(left).toMatchObject({ errorCode: 0, members: [{ memberId, groupInstanceId: null, errorCode: 0 }, { memberId: 'stranger', groupInstanceId: null, errorCode: ErrorCode.UNKNOWN_MEMBER_ID }] });
    expect((await c.request(listGroupsApi, 4, { statesFilter: ['Empty'] })).groups).toContainEqual({ groupId, protocolType: 'consumer', groupState: 'Empty' });
    expect((await c.request(deleteGroupsApi, 2, { groupsNames: [groupId, groupId] })).results).toEqual([
      { groupId, errorCode: 0 },
      { groupId, errorCode: ErrorCode.GROUP_ID_NOT_FOUND },
    ]);
  });
});

describe('legacy versions', () => {
  it('JoinGroup v0 (no rebalance timeout) and LeaveGroup v0 with one folded error code', async () => {
    const c = await client();
    const groupId = 'legacy-group';
    const join = await c.request(joinGroupApi, 0, { groupId, sessionTimeoutMs: 10_000, memberId: '', protocolType: 'consumer', protocols });
    expect(join).toMatchObject({ errorCode: 0, generationId: 1, protocolName: 'roundrobin' });
    expect(join.memberId).toBe(join.leader);
    const unknown = await c.request(leaveGroupApi, 0, { groupId, memberId: 'not-a-member' });
    expect(unknown.errorCode).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
    const left = await c.request(leaveGroupApi, 0, { groupId, memberId: join.memberId });
    expect(left.errorCode).toBe(0);
    // v0 OffsetCommit has no generation: a simple commit, allowed now that the group is Empty
    const commit = await c.request(offsetCommitApi, 0, { groupId, topics: [{ name: 'raw-t', partitions: [{ partitionIndex: 1, committedOffset: 11n, committedMetadata: '' }] }] });
    expect(commit.topics[0]!.partitions[0]!.errorCode).toBe(0);
    const fetched = await c.request(offsetFetchApi, 1, { groupId, topics: [{ name: 'raw-t', partitionIndexes: [1] }] });
    expect(fetched.topics[0]!.partitions[0]).toMatchObject({ partitionIndex: 1, committedOffset: 11n, errorCode: 0 });
  });

  it('JoinGroup with a session timeout below the broker minimum is refused', async () => {
    const c = await client();
    const join = await c.request(joinGroupApi, 5, { groupId: 'short-session', sessionTimeoutMs: 100, rebalanceTimeoutMs: 1000, memberId: '', protocolType: 'consumer', protocols });
    expect(join.errorCode).toBe(ErrorCode.INVALID_SESSION_TIMEOUT);
  });
});

describe('long polls', () => {
  it('a parked JoinGroup holds back only its own connection, whose answers stay in request order', async () => {
    const groupId = 'parked-group';
    const a = await client();
    const b = await client();
    const other = await client();
    const ja = await a.request(joinGroupApi, 2, { groupId, sessionTimeoutMs: 10_000, rebalanceTimeoutMs: 10_000, memberId: '', protocolType: 'consumer', protocols });
    await a.request(syncGroupApi, 1, { groupId, generationId: ja.generationId, memberId: ja.memberId, assignments: [] });

    // b joins: parked until a rejoins
    const bJoin = b.request(joinGroupApi, 2, { groupId, sessionTimeoutMs: 10_000, rebalanceTimeoutMs: 10_000, memberId: '', protocolType: 'consumer', protocols });
    const bList = b.request(listGroupsApi, 2, {});
    let bJoinDone = false;
    let bListDone = false;
    void bJoin.then(() => (bJoinDone = true));
    void bList.then(() => (bListDone = true));
    // other connections are answered meanwhile
    const described = await other.request(describeGroupsApi, 2, { groups: [groupId] });
    expect(described.groups[0]!.groupState).toBe('PreparingRebalance');
    expect((await a.request(heartbeatApi, 1, { groupId, generationId: ja.generationId, memberId: ja.memberId })).errorCode).toBe(ErrorCode.REBALANCE_IN_PROGRESS);
    expect(bJoinDone || bListDone).toBe(false);

    const aJoin = await a.request(joinGroupApi, 2, { groupId, sessionTimeoutMs: 10_000, rebalanceTimeoutMs: 10_000, memberId: ja.memberId, protocolType: 'consumer', protocols });
    expect(aJoin.generationId).toBe(2);
    const [jb, lb] = await Promise.all([bJoin, bList]);
    expect(jb).toMatchObject({ errorCode: 0, generationId: 2, leader: ja.memberId });
    expect(lb.groups.map((g) => g.groupId)).toContain(groupId);
    // b's ListGroups was answered after its JoinGroup, as sent
    const order = b.arrivalOrder;
    expect(order).toEqual([...order].sort((x, y) => x - y));
  });
});
