/**
 * kafkajs consumer groups against the broker: three members that come and
 * go while messages keep arriving, each message handled once by the group;
 * and the admin side of groups (describe, list, offsets, delete).
 */
import { describe, expect, it } from 'vitest';
import type { Admin, Consumer, Producer } from 'kafkajs';
import { useGroupBrokerWithAdmin, waitFor, waitForStableGroup, type GroupTestBroker } from './group-support.js';

let broker: GroupTestBroker;
let admin: Admin;

useGroupBrokerWithAdmin((b, a) => {
  broker = b;
  admin = a;
});

describe('kafkajs consumer group', () => {
  it('three members joining and leaving while messages flow: every message handled exactly once by the group', async () => {
    const topic = 'grp-flow';
    const groupId = 'grp-flow-group';
    const partitions = 6;
    await admin.createTopics({ topics: [{ topic, numPartitions: partitions }] });

    const handled = new Map<number, number>();
    const byMember = new Map<string, number>();
    const consumers = new Map<string, Consumer>();
    const start = async (name: string) => {
      const c = broker.kafka({ clientId: name }).consumer({
        groupId,
        sessionTimeout: 6_000,
        rebalanceTimeout: 10_000,
        heartbeatInterval: 300,
        maxWaitTimeInMs: 100,
      });
      await c.connect();
      await c.subscribe({ topic, fromBeginning: true });
      // kafkajs commits after each batch it processed and before it rejoins a rebalance
      await c.run({
        eachMessage: async ({ message }) => {
          const id = Number(message.value!.toString());
          handled.set(id, (handled.get(id) ?? 0) + 1);
          byMember.set(name, (byMember.get(name) ?? 0) + 1);
        },
      });
      consumers.set(name, c);
    };

    const producer: Producer = broker.kafka().producer();
    await producer.connect();
    let sent = 0;
    let producing = true;
    // a steady stream across every rebalance, spread over all partitions
    const stream = (async () => {
      while (producing) {
        const messages = Array.from({ length: 12 }, (_, i) => ({ partition: (sent + i) % partitions, value: String(sent + i) }));
        await producer.send({ topic, messages });
        sent += messages.length;
        await new Promise((r) => setTimeout(r, 40));
      }
    })();
    const handledAll = (n: number) => waitFor(`${n} messages handled`, () => (handled.size >= n ? true : undefined));

    try {
      await start('member-a');
      await waitForStableGroup(admin, groupId, 1);
      await handledAll(100);
      await start('member-b');
      await waitForStableGroup(admin, groupId, 2);
      await handledAll(sent);
      await start('member-c');
      await waitForStableGroup(admin, groupId, 3);
      // all three now own partitions and handle new messages
      const before = new Map(byMember);
      await handledAll(sent + 60);
      await waitFor('each member handled messages in the 3-member generation', () =>
        ['member-a', 'member-b', 'member-c'].every((m) => (byMember.get(m) ?? 0) > (before.get(m) ?? 0)) ? true : undefined,
      );
      // b leaves (LeaveGroup): its partitions move to a and c
      await consumers.get('member-b')!.disconnect();
      consumers.delete('member-b');
      await waitForStableGroup(admin, groupId, 2);
      await handledAll(sent + 60);
    } finally {
      producing = false;
      await stream;
      await producer.disconnect();
    }
    try {
      await handledAll(sent);
      // nothing more arrives late (no redelivery after the fact)
      await new Promise((r) => setTimeout(r, 500));
      const counts = Array.from({ length: sent }, (_, id) => handled.get(id) ?? 0);
      expect(counts.filter((n) => n !== 1)).toEqual([]);
      expect(handled.size).toBe(sent);
    } finally {
      for (const c of consumers.values()) await c.disconnect();
    }
    // committed offsets reached the end of every partition
    const committed = await admin.fetchOffsets({ groupId, topics: [topic] });
    const ends = await admin.fetchTopicOffsets(topic);
    expect(committed[0]!.partitions.map((p) => [p.partition, p.offset]).sort()).toEqual(ends.map((e) => [e.partition, e.offset]).sort());
    const { groups } = await admin.describeGroups([groupId]);
    expect(groups[0]).toMatchObject({ state: 'Empty', members: [] });
  });
});

describe('kafkajs admin on groups', () => {
  it('lists, describes, reads and resets offsets of, and deletes a group', async () => {
    const topic = 'grp-admin';
    const groupId = 'grp-admin-group';
    await admin.createTopics({ topics: [{ topic, numPartitions: 2 }] });
    const producer = broker.kafka().producer();
    await producer.connect();
    await producer.send({ topic, messages: Array.from({ length: 10 }, (_, i) => ({ partition: i % 2, value: `v${i}` })) });
    await producer.disconnect();

    const consumer = broker.kafka({ clientId: 'admin-probe' }).consumer({ groupId, heartbeatInterval: 300, maxWaitTimeInMs: 100 });
    let seen = 0;
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({ eachMessage: async () => void seen++ });
    try {
      const g = await waitForStableGroup(admin, groupId, 1);
      expect(g).toMatchObject({ groupId, protocolType: 'consumer', protocol: 'RoundRobinAssigner' });
      expect(g.members[0]).toMatchObject({ clientId: 'admin-probe', clientHost: '/127.0.0.1' });
      expect((await admin.listGroups()).groups).toContainEqual({ groupId, protocolType: 'consumer' });
      await waitFor('10 messages', () => (seen >= 10 ? true : undefined));
      // a group with members cannot be deleted
      await expect(admin.deleteGroups([groupId])).rejects.toMatchObject({ groups: [expect.objectContaining({ errorCode: 68 })] });
    } finally {
      await consumer.disconnect();
    }
    await waitFor('offsets committed', async () => {
      const o = await admin.fetchOffsets({ groupId, topics: [topic] });
      return o[0]!.partitions.every((p) => p.offset === '5') ? true : undefined;
    });
    // an Empty group takes offsets from an admin (generation -1, no member)
    await admin.setOffsets({ groupId, topic, partitions: [{ partition: 0, offset: '2' }] });
    const after = await admin.fetchOffsets({ groupId, topics: [topic] });
    expect(after[0]!.partitions.find((p) => p.partition === 0)!.offset).toBe('2');

    expect(await admin.deleteGroups([groupId])).toEqual([{ groupId, errorCode: 0 }]);
    const gone = await admin.fetchOffsets({ groupId, topics: [topic] });
    expect(gone[0]!.partitions.map((p) => p.offset)).toEqual(['-1', '-1']);
    expect((await admin.listGroups()).groups.map((x) => x.groupId)).not.toContain(groupId);
    await expect(admin.deleteGroups([groupId])).rejects.toMatchObject({ groups: [expect.objectContaining({ errorCode: 69 })] });
  });
});
