/**
 * kafkajs admin against the broker: topics created, listed, described and
 * deleted; topic configs described and altered; partitions added; records
 * deleted (the low watermark moves and consumers start there).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigResourceTypes, type Admin } from 'kafkajs';
import { createTopicsApi } from '../../../src/kafka/apis/create-topics/spec.js';
import { deleteTopicsApi } from '../../../src/kafka/apis/delete-topics/spec.js';
import { describeClusterApi } from '../../../src/kafka/apis/describe-cluster/spec.js';
import { describeConfigsApi } from '../../../src/kafka/apis/describe-configs/spec.js';
import { incrementalAlterConfigsApi } from '../../../src/kafka/apis/incremental-alter-configs/spec.js';
import { startBroker, type TestBroker } from './broker.js';
import { RawClient } from './raw-client.js';

let broker: TestBroker;
let admin: Admin;

beforeAll(async () => {
  broker = await startBroker();
  admin = broker.kafka().admin();
  await admin.connect();
});
afterAll(async () => {
  await admin.disconnect();
  await broker.stop();
});

describe('kafkajs admin', () => {
  it('creates, lists, describes and deletes topics', async () => {
    expect(await admin.createTopics({ topics: [{ topic: 'adm-a', numPartitions: 4 }, { topic: 'adm-b' }] })).toBe(true);
    // creating again reports nothing new (kafkajs swallows TOPIC_ALREADY_EXISTS and answers false)
    expect(await admin.createTopics({ topics: [{ topic: 'adm-a', numPartitions: 4 }] })).toBe(false);
    expect(await admin.listTopics()).toEqual(expect.arrayContaining(['adm-a', 'adm-b']));
    const md = await admin.fetchTopicMetadata({ topics: ['adm-a'] });
    expect(md.topics[0]!.partitions.map((p) => p.partitionId).sort()).toEqual([0, 1, 2, 3]);
    expect(md.topics[0]!.partitions.every((p) => p.leader === 0 && p.replicas.length === 1)).toBe(true);
    await admin.deleteTopics({ topics: ['adm-b'] });
    expect(await admin.listTopics()).not.toContain('adm-b');
    // UNKNOWN_TOPIC_OR_PARTITION is retriable, so ask a client that does not retry
    const once = broker.kafka({ retry: { retries: 0 } }).admin();
    await once.connect();
    try {
      await expect(once.deleteTopics({ topics: ['adm-missing'] })).rejects.toMatchObject({ cause: { type: 'UNKNOWN_TOPIC_OR_PARTITION' } });
    } finally {
      await once.disconnect();
    }
  });

  it('refuses a replication factor above 1 and bad configs with Kafka errors', async () => {
    await expect(admin.createTopics({ topics: [{ topic: 'adm-rf', replicationFactor: 3 }] })).rejects.toMatchObject({
      errors: [expect.objectContaining({ type: 'INVALID_REPLICATION_FACTOR' })],
    });
    await expect(
      admin.createTopics({ topics: [{ topic: 'adm-badcfg', configEntries: [{ name: 'retention.ms', value: 'soon' }] }] }),
    ).rejects.toMatchObject({ errors: [expect.objectContaining({ type: 'INVALID_CONFIG' })] });
    expect(await admin.listTopics()).not.toContain('adm-badcfg');
  });

  it('describes and alters topic configs, and describes the broker', async () => {
    await admin.createTopics({ topics: [{ topic: 'adm-cfg', configEntries: [{ name: 'cleanup.policy', value: 'compact' }] }] });
    const describe = async (): Promise<Map<string, { value: string; isDefault: boolean }>> => {
      const r = await admin.describeConfigs({ includeSynonyms: false, resources: [{ type: ConfigResourceTypes.TOPIC, name: 'adm-cfg' }] });
      return new Map(r.resources[0]!.configEntries.map((e) => [e.configName, { value: e.configValue, isDefault: e.isDefault }]));
    };
    let cfg = await describe();
    expect(cfg.get('cleanup.policy')).toEqual({ value: 'compact', isDefault: false });
    expect(cfg.get('retention.ms')?.isDefault).toBe(true);

    await admin.alterConfigs({
      validateOnly: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: 'adm-cfg', configEntries: [{ name: 'retention.ms', value: '3600000' }] }],
    });
    cfg = await describe();
    expect(cfg.get('retention.ms')).toEqual({ value: '3600000', isDefault: false });
    // AlterConfigs replaces the whole explicit set: cleanup.policy went back to its default
    expect(cfg.get('cleanup.policy')?.isDefault).toBe(true);

    await expect(
      admin.alterConfigs({ validateOnly: false, resources: [{ type: ConfigResourceTypes.TOPIC, name: 'adm-cfg', configEntries: [{ name: 'no.such.config', value: '1' }] }] }),
    ).rejects.toThrow(/no\.such\.config|config/i);

    const b = await admin.describeConfigs({ includeSynonyms: false, resources: [{ type: ConfigResourceTypes.BROKER, name: '0' }] });
    const names = b.resources[0]!.configEntries.map((e) => e.configName);
    expect(names).toContain('auto.create.topics.enable');
  });

  it('adds partitions and refuses to shrink', async () => {
    await admin.createTopics({ topics: [{ topic: 'adm-grow', numPartitions: 1 }] });
    await admin.createPartitions({ topicPartitions: [{ topic: 'adm-grow', count: 3 }] });
    const md = await admin.fetchTopicMetadata({ topics: ['adm-grow'] });
    expect(md.topics[0]!.partitions).toHaveLength(3);
    await expect(admin.createPartitions({ topicPartitions: [{ topic: 'adm-grow', count: 2 }] })).rejects.toThrow(/partition/i);
  });

  it('deletes records: the low watermark moves to the given offset', async () => {
    await admin.createTopics({ topics: [{ topic: 'adm-del', numPartitions: 1 }] });
    const producer = broker.kafka().producer();
    await producer.connect();
    await producer.send({ topic: 'adm-del', messages: Array.from({ length: 10 }, (_, i) => ({ value: `m${i}` })) });
    await producer.disconnect();
    // kafkajs looks the leader up in its cached metadata only; fetching offsets first caches the topic
    expect(await admin.fetchTopicOffsets('adm-del')).toEqual([expect.objectContaining({ partition: 0, low: '0', high: '10' })]);
    await admin.deleteTopicRecords({ topic: 'adm-del', partitions: [{ partition: 0, offset: '6' }] });
    const offsets = await admin.fetchTopicOffsets('adm-del');
    expect(offsets[0]).toMatchObject({ partition: 0, low: '6', high: '10' });
  });

  it('flexible versions (as @platformatic/kafka sends them): CreateTopics v7, IncrementalAlterConfigs v1, DescribeConfigs v4, DescribeCluster v1, DeleteTopics v6', async () => {
    const c = await RawClient.connect(broker.server.port);
    try {
      const created = await c.request(createTopicsApi, 7, {
        topics: [{ name: 'adm-flex', numPartitions: -1, replicationFactor: -1, assignments: [], configs: [{ name: 'cleanup.policy', value: 'compact' }] }],
        timeoutMs: 5000,
        validateOnly: false,
      });
      const t = created.topics[0]!;
      expect(t).toMatchObject({ name: 'adm-flex', errorCode: 0, numPartitions: 1, replicationFactor: 1 });
      expect(t.topicId).not.toBe('00000000-0000-0000-0000-000000000000');
      expect(t.configs!.find((e) => e.name === 'cleanup.policy')).toMatchObject({ value: 'compact', configSource: 1 });

      const SET = 0, DELETE = 1, APPEND = 2;
      const altered = await c.request(incrementalAlterConfigsApi, 1, {
        resources: [{ resourceType: 2, resourceName: 'adm-flex', configs: [
          { name: 'cleanup.policy', configOperation: APPEND, value: 'delete' },
          { name: 'retention.ms', configOperation: SET, value: '1000' },
          { name: 'max.message.bytes', configOperation: DELETE, value: null },
        ] }],
        validateOnly: false,
      });
      expect(altered.responses[0]).toMatchObject({ errorCode: 0, resourceName: 'adm-flex' });
      const described = await c.request(describeConfigsApi, 4, {
        resources: [{ resourceType: 2, resourceName: 'adm-flex', configurationKeys: ['cleanup.policy', 'retention.ms'] }],
        includeSynonyms: true,
        includeDocumentation: true,
      });
      const entries = Object.fromEntries(described.results[0]!.configs.map((e) => [e.name, e.value]));
      expect(entries).toEqual({ 'cleanup.policy': 'compact,delete', 'retention.ms': '1000' });
      expect(described.results[0]!.configs[0]!.documentation).toEqual(expect.any(String));

      const cluster = await c.request(describeClusterApi, 1, { includeClusterAuthorizedOperations: false, endpointType: 1 });
      expect(cluster).toMatchObject({ errorCode: 0, controllerId: 0, brokers: [{ brokerId: 0, host: '127.0.0.1', port: broker.server.port }] });

      const deleted = await c.request(deleteTopicsApi, 6, { topics: [{ name: 'adm-flex', topicId: t.topicId }], timeoutMs: 5000 });
      expect(deleted.responses[0]).toMatchObject({ name: 'adm-flex', errorCode: 0, topicId: t.topicId });
    } finally {
      c.close();
    }
  });
});
