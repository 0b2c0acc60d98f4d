/**
 * @platformatic/kafka 1.x (pure JS, speaks only the flexible generation of
 * most APIs: Metadata ≥9, Fetch ≥12, JoinGroup ≥6, OffsetCommit/Fetch ≥8,
 * FindCoordinator ≥4, InitProducerId v4 …) as an application would use it:
 * admin, producers with keys/headers/codecs, idempotent producers one after
 * another (it names producer id 0 / epoch 0 in InitProducerId — Kafka hands
 * out a fresh id whatever is named), a consumer group of two members, and a
 * transactional producer that is refused clearly. zstd is left out: the
 * library needs Node ≥ 22.15 for it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Admin, Consumer, Producer, stringDeserializers, stringSerializers } from '@platformatic/kafka';
import { startGroupBroker, waitFor, type GroupTestBroker } from './group-support.js';

let broker: GroupTestBroker;
let admin: Admin;
const bootstrapBrokers = (): string[] => [broker.bootstrap];

beforeAll(async () => {
  broker = await startGroupBroker();
  admin = new Admin({ clientId: 'plat-admin', bootstrapBrokers: bootstrapBrokers() });
});
afterAll(async () => {
  await admin?.close();
  await broker?.stop();
});

describe('@platformatic/kafka', () => {
  it('admin: topics, partitions, configs, offsets and deleted records', async () => {
    const topic = 'plat-admin-t';
    const created = await admin.createTopics({ topics: [topic], partitions: 2, replicas: 1 });
    expect(created.map((t) => [t.name, t.partitions])).toEqual([[topic, 2]]);
    expect(await admin.listTopics()).toContain(topic);
    await admin.createPartitions({ topics: [{ name: topic, count: 3 }] });
    const md = await admin.metadata({ topics: [topic] });
    expect(md.topics.get(topic)?.partitionsCount).toBe(3);

    const retention = async () => {
      const [desc] = await admin.describeConfigs({ resources: [{ resourceType: 2, resourceName: topic, configurationKeys: ['retention.ms'] }] });
      return desc?.configs.find((c) => c.name === 'retention.ms')?.value;
    };
    await admin.alterConfigs({ resources: [{ resourceType: 2, resourceName: topic, configs: [{ name: 'retention.ms', value: '100000' }] }] });
    expect(await retention()).toBe('100000');
    await admin.incrementalAlterConfigs({
      resources: [{ resourceType: 2, resourceName: topic, configs: [{ name: 'retention.ms', configOperation: 0, value: '200000' }] }],
    });
    expect(await retention()).toBe('200000');

    const producer = new Producer({ clientId: 'plat-admin-prod', bootstrapBrokers: bootstrapBrokers(), serializers: stringSerializers });
    try {
      await producer.send({ messages: Array.from({ length: 5 }, (_, i) => ({ topic, value: `v${i}`, partition: 0 })) });
    } finally {
      await producer.close();
    }
    const deleted = await admin.deleteRecords({ topics: [{ name: topic, partitions: [{ partition: 0, offset: 2n }] }] });
    expect(deleted[0]?.partitions[0]?.lowWatermark).toBe(2n);
    const [earliest] = await admin.listOffsets({ topics: [{ name: topic, partitions: [{ partitionIndex: 0, timestamp: -2n }] }] });
    expect(earliest?.partitions[0]?.offset).toBe(2n);
    const [latest] = await admin.listOffsets({ topics: [{ name: topic, partitions: [{ partitionIndex: 0, timestamp: -1n }] }] });
    expect(latest?.partitions[0]?.offset).toBe(5n);

    await admin.deleteTopics({ topics: [topic] });
    expect(await admin.listTopics()).not.toContain(topic);
  });

  it('idempotent producers one after another each get their own producer id', async () => {
    const topic = 'plat-idem';
    await admin.createTopics({ topics: [topic], partitions: 1, replicas: 1 });
    const ids: bigint[] = [];
    for (let run = 0; run < 3; run++) {
      const p = new Producer({ clientId: 'plat-idem', bootstrapBrokers: bootstrapBrokers(), serializers: stringSerializers, idempotent: true });
      try {
        const r = await p.send({ messages: Array.from({ length: 4 }, (_, i) => ({ topic, value: `run ${run} ${i}`, partition: 0 })) });
        expect(r.offsets?.[0]?.offset).toBe(BigInt(run * 4));
        ids.push(p.producerId!);
      } finally {
        await p.close();
      }
    }
    expect(new Set(ids).size).toBe(3);
  });

  it('a consumer group of two members reads every message once, with keys, headers and codecs, and commits', async () => {
    const topic = 'plat-group';
    const groupId = 'plat-group-g';
    await admin.createTopics({ topics: [topic], partitions: 4, replicas: 1 });
    const producer = new Producer({ clientId: 'plat-prod', bootstrapBrokers: bootstrapBrokers(), serializers: stringSerializers });
    const sent: string[] = [];
    try {
      for (const compression of ['none', 'gzip', 'snappy', 'lz4'] as const) {
        const messages = Array.from({ length: 20 }, (_, i) => ({
          topic,
          key: `${compression}-${i}`,
          value: `${compression} value ${i}`,
          headers: new Map([['codec', compression]]),
        }));
        await producer.send({ messages, compression });
        sent.push(...messages.map((m) => m.value));
      }
    } finally {
      await producer.close();
    }

    const seen = new Map<string, number>();
    const headersOk: boolean[] = [];
    const consumers: Consumer<string, string, string, string>[] = [];
    const join = async (clientId: string) => {
      const c = new Consumer({
        groupId,
        clientId,
        bootstrapBrokers: bootstrapBrokers(),
        deserializers: stringDeserializers,
        maxWaitTime: 300,
        sessionTimeout: 10_000,
        heartbeatInterval: 500,
      });
      consumers.push(c);
      const stream = await c.consume({ topics: [topic], mode: 'committed', fallbackMode: 'earliest', autocommit: 100 });
      stream.on('data', (m) => {
        seen.set(m.value, (seen.get(m.value) ?? 0) + 1);
        headersOk.push(m.key.startsWith(m.headers.get('codec') ?? '?'));
      });
      return stream;
    };
    try {
      await join('plat-a');
      await join('plat-b');
      await waitFor('every message consumed', () => (seen.size === sent.length ? true : undefined), 30_000);
      expect([...seen.values()].every((n) => n === 1)).toBe(true);
      expect(headersOk.every(Boolean)).toBe(true);
      const described = await admin.describeGroups({ groups: [groupId] });
      expect(described.get(groupId)?.state).toBe('STABLE');
      expect(described.get(groupId)?.members.size).toBe(2);
      const listed = await admin.listGroups();
      expect(listed.get(groupId)?.protocolType).toBe('consumer');
      // autocommit every 100 ms: wait until every partition's commit reached the end
      await waitFor('offsets committed', async () => {
        const [g] = await admin.listConsumerGroupOffsets({ groups: [groupId] });
        const total = g?.topics[0]?.partitions.reduce((n, p) => n + Number(p.committedOffset), 0);
        return total === sent.length ? true : undefined;
      });
    } finally {
      for (const c of consumers) await c.close(true);
    }
    const used = new Set(broker.seen.filter((s) => s.clientId?.startsWith('plat-') === true).map((s) => `${s.api} v${s.version}`));
    for (const v of ['FindCoordinator v4', 'JoinGroup v6', 'SyncGroup v4', 'Heartbeat v4', 'OffsetCommit v8', 'OffsetFetch v8']) {
      expect(used, `@platformatic/kafka used ${[...used].join(', ')}`).toContain(v);
    }
    expect((await admin.describeGroups({ groups: [groupId] })).get(groupId)?.state).toBe('EMPTY');
    await admin.deleteGroups({ groups: [groupId] });
  });

  it('a transactional producer is refused with a clear error and the broker stays up', async () => {
    const p = new Producer({
      clientId: 'plat-tx',
      bootstrapBrokers: bootstrapBrokers(),
      serializers: stringSerializers,
      idempotent: true,
      transactionalId: 'plat-tx-id',
    });
    try {
      const err = await p.beginTransaction().then(
        () => undefined,
        (e: unknown) => e as Error & { errors?: Error[] },
      );
      expect(err).toBeDefined();
      expect(`${err!.message} ${(err!.errors ?? []).map((e) => e.message).join(' ')}`).toMatch(/Transactional Id authorization failed/i);
    } finally {
      await p.close(true);
    }
    expect(await admin.listTopics()).toBeInstanceOf(Array);
  });
});
