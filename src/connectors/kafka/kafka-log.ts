/**
 * KafkaLog: the `Log` seam over a real Kafka cluster through kafkajs, so the
 * engine's workers run against an existing cluster instead of the embedded
 * log (DESIGN: "real clusters are the scale-out path").
 *
 *  - topics, offsets, offsets by time, group offsets: the kafkajs admin
 *    client (group offsets are set while the group has no members, which is
 *    how the engine uses them: it commits, it does not join);
 *  - append: the record batch is decoded and sent by one idempotent kafkajs
 *    producer, one send at a time per partition so the partition keeps the
 *    order of the calls (the log sink relies on it);
 *  - read / waitForData: Fetch requests to the partition leader through
 *    kafkajs's cluster (its public API has group consumers only); the
 *    records come back as one record batch v2 per fetch, offsets preserved.
 *
 * Errors are LogErrors with the embedded log's codes where Kafka says the
 * same thing (unknown topic, topic exists, offset out of range).
 */
import { createRequire } from 'node:module';
import { Kafka, logLevel, type Admin, type Producer, type KafkaConfig } from 'kafkajs';
import type {
  AppendOptions,
  AppendResult,
  CommittedOffset,
  Log,
  PartitionOffsets,
  ReadResult,
  RecordBatchBytes,
  TopicDescription,
  TopicPartition,
  TopicSpec,
} from '../../log/log.js';
import { LogError } from '../../log/errors.js';
import { decodeRecordBatchesAsync, encodeRecordBatch, type RecordInput } from '../../log/record-batch/index.js';

const require = createRequire(import.meta.url);

/** The parts of kafkajs's (untyped) cluster and broker that fetching needs. */
interface FetchedMessage {
  readonly offset: string;
  readonly timestamp: string;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers?: Record<string, Buffer | Buffer[] | undefined>;
  readonly isControlRecord?: boolean;
}
interface FetchResponse {
  readonly responses: readonly {
    readonly topicName: string;
    readonly partitions: readonly {
      readonly partition: number;
      readonly errorCode: number;
      readonly highWatermark: string;
      readonly logStartOffset?: string;
      readonly messages: readonly FetchedMessage[];
    }[];
  }[];
}
interface KafkaBroker {
  fetch(req: {
    replicaId: number;
    isolationLevel: number;
    maxWaitTime: number;
    minBytes: number;
    maxBytes: number;
    topics: { topic: string; partitions: { partition: number; fetchOffset: string; maxBytes: number }[] }[];
  }): Promise<FetchResponse>;
}
interface OffsetCommitter {
  offsetCommit(req: {
    groupId: string;
    groupGenerationId: number;
    memberId: string;
    retentionTime: number;
    topics: { topic: string; partitions: { partition: number; offset: string; metadata: string | null }[] }[];
  }): Promise<{ responses: { topic: string; partitions: { partition: number; errorCode: number }[] }[] }>;
}
interface KafkaCluster {
  findGroupCoordinator(o: { groupId: string }): Promise<OffsetCommitter>;
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  addTargetTopic(topic: string): Promise<void>;
  refreshMetadata(): Promise<void>;
  findLeaderForPartitions(topic: string, partitions: number[]): Record<string, number[]>;
  findBroker(o: { nodeId: string }): Promise<KafkaBroker>;
}

export interface KafkaLogOptions {
  /** e.g. ['127.0.0.1:9092'] */
  readonly brokers: readonly string[];
  readonly clientId?: string;
  /** anything else for the kafkajs client (ssl, sasl, timeouts) */
  readonly kafka?: Omit<KafkaConfig, 'brokers' | 'clientId'>;
}

const UNKNOWN_TOPIC = /UNKNOWN_TOPIC_OR_PARTITION|does not host this topic-partition/i;

function logError(err: unknown, tp?: TopicPartition): never {
  const e = err as { type?: string; message?: string };
  const msg = e.message ?? String(err);
  if (e.type === 'UNKNOWN_TOPIC_OR_PARTITION' || UNKNOWN_TOPIC.test(msg)) {
    throw new LogError('GALE_ERR_LOG_UNKNOWN_TOPIC', `unknown topic or partition${tp === undefined ? '' : ` ${tp.topic}/${tp.partition}`}`, { cause: err });
  }
  if (e.type === 'TOPIC_ALREADY_EXISTS') throw new LogError('GALE_ERR_LOG_TOPIC_EXISTS', msg, { cause: err });
  if (e.type === 'OFFSET_OUT_OF_RANGE') throw new LogError('GALE_ERR_LOG_OFFSET_OUT_OF_RANGE', msg, { cause: err });
  throw err;
}

export class KafkaLog implements Log {
  private readonly kafka: Kafka;
  private readonly admin: Admin;
  private readonly producer: Producer;
  private readonly cluster: KafkaCluster;
  private readonly sendTails = new Map<string, Promise<unknown>>();

  private constructor(o: KafkaLogOptions) {
    const config: KafkaConfig = { logLevel: logLevel.NOTHING, ...o.kafka, brokers: [...o.brokers], clientId: o.clientId ?? 'gale-engine' };
    this.kafka = new Kafka(config);
    this.admin = this.kafka.admin();
    this.producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    const Cluster = require('kafkajs/src/cluster/index.js') as new (o: Record<string, unknown>) => KafkaCluster;
    const { createLogger } = require('kafkajs/src/loggers/index.js') as { createLogger(o: { level: number; logCreator: unknown }): unknown };
    const LoggerConsole = require('kafkajs/src/loggers/console.js') as unknown;
    this.cluster = new Cluster({
      logger: createLogger({ level: logLevel.NOTHING, logCreator: LoggerConsole }),
      brokers: [...o.brokers],
      clientId: `${o.clientId ?? 'gale-engine'}-fetch`,
      retry: { retries: 5 },
      offsets: new Map(),
      allowAutoTopicCreation: false,
      ...(o.kafka?.ssl === undefined ? {} : { ssl: o.kafka.ssl }),
      ...(o.kafka?.sasl === undefined ? {} : { sasl: o.kafka.sasl }),
      socketFactory: require('kafkajs/src/network/socketFactory.js')(),
      connectionTimeout: 3000,
      requestTimeout: 30000,
      enforceRequestTimeout: true,
    });
  }

  static async connect(o: KafkaLogOptions): Promise<KafkaLog> {
    const log = new KafkaLog(o);
    await log.admin.connect();
    await log.producer.connect();
    await log.cluster.connect();
    return log;
  }

  async createTopic(name: string, spec: TopicSpec): Promise<void> {
    const configEntries = Object.entries(spec.configs ?? {}).map(([name, value]) => ({ name, value }));
    let created: boolean;
    try {
      created = await this.admin.createTopics({ waitForLeaders: true, topics: [{ topic: name, numPartitions: spec.partitions, configEntries }] });
    } catch (err) {
      logError(err);
    }
    if (!created) throw new LogError('GALE_ERR_LOG_TOPIC_EXISTS', `topic ${name} already exists`);
  }

  async describeTopic(name: string): Promise<TopicDescription | undefined> {
    if (!(await this.admin.listTopics()).includes(name)) return undefined;
    const md = await this.admin.fetchTopicMetadata({ topics: [name] });
    const t = md.topics.find((x) => x.name === name);
    if (t === undefined) return undefined;
    const cfg = await this.admin.describeConfigs({ includeSynonyms: false, resources: [{ type: 2, name }] });
    const configs: Record<string, string> = {};
    for (const r of cfg.resources) for (const e of r.configEntries) configs[e.configName] = e.configValue;
    return { name, partitions: t.partitions.length, configs, internal: name.startsWith('__') };
  }

  listTopics(): Promise<string[]> {
    return this.admin.listTopics();
  }

  append(tp: TopicPartition, batch: RecordBatchBytes, opts: AppendOptions = {}): Promise<AppendResult> {
    const key = `${tp.topic}\u0000${tp.partition}`;
    const run = (this.sendTails.get(key) ?? Promise.resolve()).catch(() => undefined).then(() => this.send(tp, batch, opts));
    this.sendTails.set(key, run);
    return run;
  }

  private async send(tp: TopicPartition, batch: RecordBatchBytes, opts: AppendOptions): Promise<AppendResult> {
    const messages = (await decodeRecordBatchesAsync(batch)).flatMap((b) =>
      b.records.map((r) => ({
        partition: tp.partition,
        key: r.key,
        value: r.value,
        timestamp: String(r.timestamp),
        headers: Object.fromEntries(r.headers.map((h) => [h.key, h.value ?? undefined])),
      })),
    );
    if (messages.length === 0) throw new LogError('GALE_ERR_LOG_CORRUPT_BATCH', 'empty append: no records');
    try {
      const [meta] = await this.producer.send({ topic: tp.topic, acks: opts.acks ?? -1, messages });
      const base = BigInt(meta?.baseOffset ?? '-1');
      return { baseOffset: base, lastOffset: base + BigInt(messages.length - 1), logAppendTime: BigInt(meta?.logAppendTime ?? '-1'), logStartOffset: BigInt(meta?.logStartOffset ?? '-1') };
    } catch (err) {
      logError(err, tp);
    }
  }

  async read(tp: TopicPartition, from: bigint, maxBytes: number): Promise<ReadResult> {
    return this.fetch(tp, from, maxBytes, 0);
  }

  async offsets(tp: TopicPartition): Promise<PartitionOffsets> {
    // kafkajs retries an unknown topic for a long while; a listing answers at once
    if (!(await this.admin.listTopics()).includes(tp.topic)) throw new LogError('GALE_ERR_LOG_UNKNOWN_TOPIC', `unknown topic ${tp.topic}`);
    let all: { partition: number; low: string; high: string }[];
    try {
      all = await this.admin.fetchTopicOffsets(tp.topic);
    } catch (err) {
      logError(err, tp);
    }
    const p = all.find((x) => x.partition === tp.partition);
    if (p === undefined) throw new LogError('GALE_ERR_LOG_UNKNOWN_PARTITION', `topic ${tp.topic} has no partition ${tp.partition}`);
    return { logStart: BigInt(p.low), highWatermark: BigInt(p.high) };
  }

  async offsetForTime(tp: TopicPartition, timestampMs: bigint): Promise<bigint | undefined> {
    const all = await this.admin.fetchTopicOffsetsByTimestamp(tp.topic, Number(timestampMs));
    const p = all.find((x) => x.partition === tp.partition);
    if (p === undefined || p.offset === '-1') return undefined;
    // Kafka answers the high watermark when no record is that late
    const { highWatermark } = await this.offsets(tp);
    return BigInt(p.offset) >= highWatermark ? undefined : BigInt(p.offset);
  }

  async waitForData(tp: TopicPartition, offset: bigint, timeoutMs: number, signal?: AbortSignal): Promise<boolean> {
    const end = Date.now() + timeoutMs;
    while (signal?.aborted !== true) {
      const left = end - Date.now();
      if (left <= 0) return false;
      // a long poll on the leader: it answers as soon as a record at `offset` exists
      const r = await this.fetch(tp, offset, 1, Math.min(left, 500));
      if (r.highWatermark > offset) return true;
    }
    return false;
  }

  /**
   * A standalone commit (generation -1, no member id), as Kafka allows for a
   * group without members — kafkajs's admin.setOffsets would join the group
   * as a consumer first, which takes a rebalance.
   */
  async commitOffsets(group: string, offsets: readonly CommittedOffset[]): Promise<void> {
    const byTopic = new Map<string, { partition: number; offset: string; metadata: string | null }[]>();
    for (const o of offsets) {
      const list = byTopic.get(o.topic) ?? [];
      list.push({ partition: o.partition, offset: String(o.offset), metadata: o.metadata ?? null });
      byTopic.set(o.topic, list);
    }
    const coordinator = await this.cluster.findGroupCoordinator({ groupId: group });
    const res = await coordinator.offsetCommit({
      groupId: group,
      groupGenerationId: -1,
      memberId: '',
      retentionTime: -1,
      topics: [...byTopic].map(([topic, partitions]) => ({ topic, partitions })),
    });
    for (const t of res.responses) {
      for (const p of t.partitions) if (p.errorCode !== 0) throw new LogError('GALE_ERR_LOG_INVALID_REQUEST', `offset commit of ${t.topic}/${p.partition} for group ${group} failed with Kafka error ${p.errorCode}`);
    }
  }

  async committedOffsets(group: string, tps: readonly TopicPartition[]): Promise<CommittedOffset[]> {
    const topics = [...new Set(tps.map((t) => t.topic))];
    const res = await this.admin.fetchOffsets({ groupId: group, topics });
    const out: CommittedOffset[] = [];
    for (const t of res) {
      for (const p of t.partitions) {
        // -1: nothing committed (as Kafka's OffsetFetch and the embedded log say it)
        if (!tps.some((x) => x.topic === t.topic && x.partition === p.partition)) continue;
        out.push({ topic: t.topic, partition: p.partition, offset: BigInt(p.offset), metadata: p.metadata });
      }
    }
    return out;
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.producer.disconnect(), this.admin.disconnect(), this.cluster.disconnect()]);
  }

  /** One Fetch to the partition's leader; the records re-framed as one record batch v2. */
  private async fetch(tp: TopicPartition, from: bigint, maxBytes: number, maxWaitTime: number): Promise<ReadResult> {
    let res: FetchResponse;
    try {
      await this.cluster.addTargetTopic(tp.topic);
      const leaders = this.cluster.findLeaderForPartitions(tp.topic, [tp.partition]);
      const nodeId = Object.keys(leaders)[0];
      if (nodeId === undefined) throw new LogError('GALE_ERR_LOG_UNKNOWN_PARTITION', `topic ${tp.topic} has no partition ${tp.partition}`);
      const broker = await this.cluster.findBroker({ nodeId });
      res = await broker.fetch({
        replicaId: -1,
        isolationLevel: 0,
        maxWaitTime,
        minBytes: 1,
        maxBytes: Math.max(maxBytes, 1),
        topics: [{ topic: tp.topic, partitions: [{ partition: tp.partition, fetchOffset: String(from), maxBytes: Math.max(maxBytes, 1) }] }],
      });
    } catch (err) {
      logError(err, tp);
    }
    const p = res.responses.find((r) => r.topicName === tp.topic)?.partitions.find((x) => x.partition === tp.partition);
    if (p === undefined) throw new LogError('GALE_ERR_LOG_UNKNOWN_PARTITION', `no answer for ${tp.topic}/${tp.partition}`);
    const highWatermark = BigInt(p.highWatermark);
    const logStartOffset = BigInt(p.logStartOffset ?? '0');
    const msgs = p.messages.filter((m) => m.isControlRecord !== true && BigInt(m.offset) >= from);
    if (msgs.length === 0) return { records: new Uint8Array(), highWatermark, logStartOffset };
    const base = BigInt(msgs[0]!.offset);
    const records: RecordInput[] = msgs.map((m) => ({
      key: m.key,
      value: m.value,
      timestamp: Number(m.timestamp),
      offsetDelta: Number(BigInt(m.offset) - base),
      headers: Object.entries(m.headers ?? {}).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => ({ key: k, value: x ?? null }))),
    }));
    return { records: encodeRecordBatch({ records, baseOffset: base }), highWatermark, logStartOffset };
  }
}
