/**
 * librdkafka's consumer group through kcat (Debian's kcat links librdkafka
 * 2.0.2): `kcat -G` reads what kafkajs produced and commits it, and two kcat
 * members share a topic through a rebalance and leave cleanly. Checks that
 * librdkafka took its usual path: JoinGroup v5 (MEMBER_ID_REQUIRED first),
 * SyncGroup v3, Heartbeat v3, OffsetCommit v7, OffsetFetch v7 with
 * require_stable, LeaveGroup v1.
 */
import { describe, expect, it } from 'vitest';
import type { Admin } from 'kafkajs';
import { runProcess, useGroupBrokerWithAdmin, startProcess, waitFor, waitForStableGroup, type GroupTestBroker, type RunningProcess } from './group-support.js';

let broker: GroupTestBroker;
let admin: Admin;

useGroupBrokerWithAdmin((b, a) => {
  broker = b;
  admin = a;
});

async function produce(topic: string, partitions: number, count: number): Promise<void> {
  await admin.createTopics({ topics: [{ topic, numPartitions: partitions }] });
  const producer = broker.kafka().producer();
  await producer.connect();
  await producer.send({ topic, messages: Array.from({ length: count }, (_, i) => ({ partition: i % partitions, key: `k${i}`, value: `msg-${i}` })) });
  await producer.disconnect();
}

function kcatGroupArgs(groupId: string, topic: string, extra: readonly string[] = []): string[] {
  return [
    '-b', broker.bootstrap,
    '-G', groupId,
    '-u',
    '-q',
    '-f', '%p %o %s\\n',
    '-X', 'auto.offset.reset=earliest',
    '-X', 'heartbeat.interval.ms=200',
    '-X', 'session.timeout.ms=6000',
    ...extra,
    topic,
  ];
}

const lines = (out: string) => out.split('\n').filter((l) => l.length > 0);

describe('kcat (librdkafka) consumer group', () => {
  it('kcat -G reads everything kafkajs produced and commits it with librdkafka\'s versions', async () => {
    const topic = 'rd-read';
    const groupId = 'rd-read-group';
    await produce(topic, 3, 45);
    const { code, stdout, stderr } = await runProcess('kcat', kcatGroupArgs(groupId, topic, ['-c', '45']), 60_000);
    expect(code, stderr).toBe(0);
    const values = lines(stdout).map((l) => l.split(' ')[2]);
    expect(values.sort()).toEqual(Array.from({ length: 45 }, (_, i) => `msg-${i}`).sort());

    // what librdkafka committed on close is the end of every partition
    const committed = await admin.fetchOffsets({ groupId, topics: [topic] });
    expect(committed[0]!.partitions.map((p) => p.offset).sort()).toEqual(['15', '15', '15']);

    const used = new Set(broker.seen.filter((s) => s.clientId === 'rdkafka').map((s) => `${s.api} v${s.version}`));
    for (const v of ['FindCoordinator v2', 'JoinGroup v5', 'SyncGroup v3', 'OffsetFetch v7', 'OffsetCommit v7', 'LeaveGroup v1']) {
      expect(used, `librdkafka used ${[...used].join(', ')}`).toContain(v);
    }
    const offsetFetch = broker.seen.find((s) => s.clientId === 'rdkafka' && s.api === 'OffsetFetch');
    expect(offsetFetch?.request['requireStable']).toBe(true);
    // the first JoinGroup of a member carries no id and is told MEMBER_ID_REQUIRED; the next carries the id
    const joins = broker.seen.filter((s) => s.clientId === 'rdkafka' && s.api === 'JoinGroup' && s.request['groupId'] === groupId);
    expect(joins[0]?.request['memberId']).toBe('');
    expect(String(joins[1]?.request['memberId'])).toMatch(/^rdkafka-/);
  });

  it('two kcat members split a topic through a rebalance, read each message once, and leave the group Empty', async () => {
    const topic = 'rd-share';
    const groupId = 'rd-share-group';
    await admin.createTopics({ topics: [{ topic, numPartitions: 4 }] });
    const members: RunningProcess[] = [];
    try {
      members.push(startProcess('kcat', kcatGroupArgs(groupId, topic)));
      await waitForStableGroup(admin, groupId, 1);
      members.push(startProcess('kcat', kcatGroupArgs(groupId, topic)));
      const g = await waitForStableGroup(admin, groupId, 2);
      expect(g.protocolType).toBe('consumer');

      const producer = broker.kafka().producer();
      await producer.connect();
      await producer.send({ topic, messages: Array.from({ length: 40 }, (_, i) => ({ partition: i % 4, value: `msg-${i}` })) });
      await producer.disconnect();
      await waitFor('40 messages read by the two members', () =>
        members.reduce((n, m) => n + lines(m.stdout()).length, 0) >= 40 ? true : undefined,
      );
      await waitFor('a librdkafka heartbeat', () =>
        broker.seen.some((s) => s.api === 'Heartbeat' && s.version === 3 && s.request['groupId'] === groupId) ? true : undefined,
      );
    } finally {
      for (const m of members) await m.stop();
    }
    const [a, b] = members.map((m) => lines(m.stdout()).map((l) => l.split(' ')[2]!));
    expect(members.map((m) => m.stderr()).join('')).toBe('');
    expect(a!.length, 'first member read some').toBeGreaterThan(0);
    expect(b!.length, 'second member read some').toBeGreaterThan(0);
    expect([...a!, ...b!].sort()).toEqual(Array.from({ length: 40 }, (_, i) => `msg-${i}`).sort());
    await waitFor('group Empty after both left', async () => {
      const { groups } = await admin.describeGroups([groupId]);
      return groups[0]?.state === 'Empty' ? true : undefined;
    });
  });

  it('a static member (group.instance.id) that restarts takes its place back without a rebalance', async () => {
    const topic = 'rd-static';
    const groupId = 'rd-static-group';
    await admin.createTopics({ topics: [{ topic, numPartitions: 2 }] });
    const staticArgs = (instance: string) => kcatGroupArgs(groupId, topic, ['-X', `group.instance.id=${instance}`]);
    const joinsOf = (instance: string) => broker.seen.filter((s) => s.api === 'JoinGroup' && s.request['groupInstanceId'] === instance).length;
    const members: RunningProcess[] = [];
    try {
      members.push(startProcess('kcat', staticArgs('static-a')));
      await waitForStableGroup(admin, groupId, 1);
      members.push(startProcess('kcat', staticArgs('static-b')));
      const before = await waitForStableGroup(admin, groupId, 2);
      const joinsOfA = joinsOf('static-a');

      // b stops (a static member sends no LeaveGroup) and comes back within its session timeout
      await members[1]!.stop();
      expect(broker.seen.filter((s) => s.api === 'LeaveGroup' && s.request['groupId'] === groupId)).toEqual([]);
      members.push(startProcess('kcat', staticArgs('static-b')));
      const after = await waitFor('b back under a new member id', async () => {
        const { groups } = await admin.describeGroups([groupId]);
        const g = groups[0];
        const ids = g?.members.map((m) => m.memberId) ?? [];
        return g?.state === 'Stable' && ids.length === 2 && !ids.every((id) => before.members.some((m) => m.memberId === id)) ? g : undefined;
      });
      const producer = broker.kafka().producer();
      await producer.connect();
      await producer.send({ topic, messages: Array.from({ length: 10 }, (_, i) => ({ partition: i % 2, value: `s${i}` })) });
      await producer.disconnect();
      const [a, , b2] = members;
      await waitFor('both partitions read', () => (lines(a!.stdout()).length + lines(b2!.stdout()).length >= 10 ? true : undefined));
      expect(lines(b2!.stdout()).length, 'the new b got its old partition back').toBeGreaterThan(0);
      expect(lines(a!.stdout()).length).toBeGreaterThan(0);
      // a never had to rejoin: no rebalance happened
      expect(joinsOf('static-a')).toBe(joinsOfA);
      // same assignments as before
      const assignmentOf = (g: typeof before, instance: string) => g.members.find((m) => m.clientId === 'rdkafka' && m.memberId.startsWith(instance))?.memberAssignment.toString('hex');
      expect(assignmentOf(after, 'static-b')).toBe(assignmentOf(before, 'static-b'));
    } finally {
      for (const m of members) await m.stop();
    }
  });

  it('a member that dies without leaving is dropped after its session timeout and the survivor takes over its partitions', async () => {
    const topic = 'rd-crash';
    const groupId = 'rd-crash-group';
    await admin.createTopics({ topics: [{ topic, numPartitions: 4 }] });
    const members: RunningProcess[] = [];
    try {
      members.push(startProcess('kcat', kcatGroupArgs(groupId, topic)));
      await waitForStableGroup(admin, groupId, 1);
      members.push(startProcess('kcat', kcatGroupArgs(groupId, topic)));
      await waitForStableGroup(admin, groupId, 2);
      const [survivor, victim] = members;
      victim!.child.kill('SIGKILL');
      await victim!.exited;
      // session.timeout.ms=6000: the coordinator notices, rebalances, and the survivor owns all 4 partitions
      const alone = await waitForStableGroup(admin, groupId, 1, 20_000);
      expect(alone.members[0]!.memberAssignment.length).toBeGreaterThan(0);
      const producer = broker.kafka().producer();
      await producer.connect();
      await producer.send({ topic, messages: Array.from({ length: 20 }, (_, i) => ({ partition: i % 4, value: `c${i}` })) });
      await producer.disconnect();
      await waitFor('the survivor reads all 20', () => (lines(survivor!.stdout()).length >= 20 ? true : undefined));
      expect(lines(survivor!.stdout()).map((l) => l.split(' ')[2]).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `c${i}`).sort());
    } finally {
      for (const m of members) await m.stop();
    }
  });
});
