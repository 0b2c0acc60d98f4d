/**
 * kafka-python's consumer group (Debian python3-kafka 2.0.2, run by
 * /usr/bin/python3) reads what kafkajs wrote and commits it. kafka-python
 * uses fixed legacy versions: FindCoordinator v0, JoinGroup v2, SyncGroup v1,
 * Heartbeat v1, OffsetCommit v2, OffsetFetch v1, LeaveGroup v1.
 */
import { describe, expect, it } from 'vitest';
import type { Admin } from 'kafkajs';
import { runProcess, useGroupBrokerWithAdmin, type GroupTestBroker } from './group-support.js';

let broker: GroupTestBroker;
let admin: Admin;

useGroupBrokerWithAdmin((b, a) => {
  broker = b;
  admin = a;
});

/** consumes `count` messages as a member of `group`, commits, leaves; prints them as JSON */
const consumerScript = `
import json, sys
from kafka import KafkaConsumer
bootstrap, topic, group, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
consumer = KafkaConsumer(topic, bootstrap_servers=bootstrap, group_id=group, client_id='kafka-python-test',
                         auto_offset_reset='earliest', enable_auto_commit=False, consumer_timeout_ms=20000,
                         session_timeout_ms=6000, heartbeat_interval_ms=300)
got = []
for m in consumer:
    got.append({'partition': m.partition, 'offset': m.offset, 'key': m.key.decode() if m.key is not None else None, 'value': m.value.decode()})
    if len(got) >= count:
        break
consumer.commit()
consumer.close()
print(json.dumps(got))
`;

describe('kafka-python consumer group', () => {
  it('reads what kafkajs wrote, commits, and the commit is visible to kafkajs', async () => {
    const topic = 'py-read';
    const groupId = 'py-read-group';
    await admin.createTopics({ topics: [{ topic, numPartitions: 2 }] });
    const producer = broker.kafka().producer();
    await producer.connect();
    const sent = Array.from({ length: 30 }, (_, i) => ({ partition: i % 2, key: `key-${i}`, value: `from kafkajs ${i}` }));
    await producer.send({ topic, messages: sent });
    await producer.disconnect();

    const { code, stdout, stderr } = await runProcess('/usr/bin/python3', ['-c', consumerScript, broker.bootstrap, topic, groupId, '30'], 60_000);
    expect(code, stderr).toBe(0);
    const got = JSON.parse(stdout) as { partition: number; offset: number; key: string; value: string }[];
    expect(got.map((m) => [m.key, m.value, m.partition]).sort()).toEqual(sent.map((m) => [m.key, m.value, m.partition]).sort());

    const committed = await admin.fetchOffsets({ groupId, topics: [topic] });
    expect(committed[0]!.partitions.map((p) => p.offset)).toEqual(['15', '15']);
    const used = new Set(broker.seen.filter((s) => s.clientId === 'kafka-python-test').map((s) => `${s.api} v${s.version}`));
    for (const v of ['FindCoordinator v0', 'JoinGroup v2', 'SyncGroup v1', 'OffsetFetch v1', 'OffsetCommit v2', 'LeaveGroup v1']) {
      expect(used, `kafka-python used ${[...used].join(', ')}`).toContain(v);
    }
    const { groups } = await admin.describeGroups([groupId]);
    expect(groups[0]?.state).toBe('Empty');
  });

  it('a second kafka-python member of the same group starts where the first committed', async () => {
    const topic = 'py-resume';
    const groupId = 'py-resume-group';
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }] });
    const producer = broker.kafka().producer();
    await producer.connect();
    await producer.send({ topic, messages: Array.from({ length: 20 }, (_, i) => ({ value: `v${i}` })) });
    await producer.disconnect();
    const run = async (count: number) => {
      const r = await runProcess('/usr/bin/python3', ['-c', consumerScript, broker.bootstrap, topic, groupId, String(count)], 60_000);
      expect(r.code, r.stderr).toBe(0);
      return (JSON.parse(r.stdout) as { value: string }[]).map((m) => m.value);
    };
    expect(await run(8)).toEqual(Array.from({ length: 8 }, (_, i) => `v${i}`));
    expect(await run(12)).toEqual(Array.from({ length: 12 }, (_, i) => `v${8 + i}`));
  });
});
