/**
 * The topics of one EmbeddedLog: their metadata (persisted by topic-store.ts)
 * and their open partitions. Metadata changes (create, delete, grow, alter
 * configs) run one at a time; partition directories are created before the
 * metadata that names them is saved, and removed after, so a crash leaves at
 * worst orphan directories, which `load` deletes.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { TopicDescription, TopicPartition } from './log.js';
import { effectiveConfigs, parseTopicConfig, topicConfigDefs, validateTopicConfigs } from './config.js';
import type { TopicConfig } from './config.js';
import { LogError } from './errors.js';
import type { FlushPolicy } from './flush-policy.js';
import { Partition } from './partition.js';
import type { Clock } from './partition.js';
import type { LogLine } from './segment.js';
import { Serial } from './serial.js';
import { loadTopics, saveTopics, validateTopicName } from './topic-store.js';
import type { TopicRecord } from './topic-store.js';

export const OFFSETS_TOPIC = '__consumer_offsets';
const INTERNAL_TOPICS: ReadonlySet<string> = new Set([OFFSETS_TOPIC, '__transaction_state']);
const MAX_PARTITIONS = 10_000;

export function isInternalTopic(name: string): boolean {
  return INTERNAL_TOPICS.has(name);
}

export interface EmbeddedTopicDescription extends TopicDescription {
  /** a UUID fixed at creation (Kafka's topic id) */
  readonly topicId: string;
  /** only the configs set explicitly on the topic */
  readonly explicitConfigs: Readonly<Record<string, string>>;
}

export interface ConfigChange {
  /** configs to set (Kafka names) */
  readonly set?: Readonly<Record<string, string>>;
  /** configs to reset to their defaults */
  readonly reset?: readonly string[];
  /** legacy AlterConfigs: the given `set` replaces every explicit config */
  readonly replace?: boolean;
  readonly validateOnly?: boolean;
}

export interface TopicState {
  record: TopicRecord;
  config: TopicConfig;
  partitions: Partition[];
}

export interface RegistryEnv {
  readonly logDir: string;
  readonly flush: FlushPolicy;
  readonly clock: Clock;
  readonly logger: LogLine;
}

export class TopicRegistry {
  private readonly topics = new Map<string, TopicState>();
  private readonly meta = new Serial();

  constructor(private readonly env: RegistryEnv) {}

  /** Opens every topic in topics.json (`recover`: after a crash) and removes orphan partition directories. */
  async load(recover: boolean): Promise<void> {
    for (const [name, record] of await loadTopics(this.env.logDir)) this.topics.set(name, await this.openTopic(name, record, recover));
    for (const entry of await readdir(this.env.logDir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const m = /^(.+)-(\d+)$/.exec(entry.name);
      const t = m === null ? undefined : this.topics.get(m[1]!);
      if (m !== null && (t === undefined || Number(m[2]) >= t.record.partitions)) {
        this.env.logger.warn(`removing ${entry.name}: not a partition of any topic (an interrupted deletion)`);
        await rm(join(this.env.logDir, entry.name), { recursive: true, force: true });
      }
    }
  }

  has(name: string): boolean {
    return this.topics.has(name);
  }

  names(): string[] {
    return [...this.topics.keys()];
  }

  states(): TopicState[] {
    return [...this.topics.values()];
  }

  require(name: string): TopicState {
    const t = this.topics.get(name);
    if (t === undefined) throw new LogError('GALE_ERR_LOG_UNKNOWN_TOPIC', `unknown topic '${name}'`, { details: { topic: name } });
    return t;
  }

  partition(tp: TopicPartition): Partition {
    const t = this.require(tp.topic);
    const p = Number.isInteger(tp.partition) ? t.partitions[tp.partition] : undefined;
    if (p === undefined) {
      throw new LogError('GALE_ERR_LOG_UNKNOWN_PARTITION', `topic '${tp.topic}' has no partition ${tp.partition} (it has ${t.partitions.length})`, {
        details: { topic: tp.topic, partition: tp.partition },
      });
    }
    return p;
  }

  describe(name: string): EmbeddedTopicDescription | undefined {
    const t = this.topics.get(name);
    if (t === undefined) return undefined;
    const r = t.record;
    return { name, partitions: r.partitions, configs: effectiveConfigs(r.configs), internal: r.internal, topicId: r.id, explicitConfigs: { ...r.configs } };
  }

  async create(
    name: string,
    spec: { readonly partitions: number; readonly configs: Readonly<Record<string, string>>; readonly internal: boolean; readonly validateOnly?: boolean },
  ): Promise<void> {
    validateTopicName(name);
    if (isInternalTopic(name) !== spec.internal) throw new LogError('GALE_ERR_LOG_INVALID_TOPIC', `'${name}' is reserved for an internal topic`);
    checkPartitionCount(spec.partitions, 0, name);
    validateTopicConfigs(spec.configs);
    await this.meta.run(async () => {
      if (this.topics.has(name)) throw new LogError('GALE_ERR_LOG_TOPIC_EXISTS', `topic '${name}' already exists`);
      if (spec.validateOnly === true) return;
      const record: TopicRecord = { id: randomUUID(), partitions: spec.partitions, configs: { ...spec.configs }, internal: spec.internal };
      const state = await this.openTopic(name, record, false);
      await this.save(name, record);
      this.topics.set(name, state);
    });
  }

  /** Removes the topic; resolves once its files are gone. */
  async delete(name: string): Promise<void> {
    if (isInternalTopic(name)) throw new LogError('GALE_ERR_LOG_INVALID_TOPIC', `internal topic '${name}' cannot be deleted`);
    await this.meta.run(async () => {
      const state = this.require(name);
      await this.save(name, undefined);
      this.topics.delete(name);
      await Promise.all(state.partitions.map((p) => p.destroy()));
    });
  }

  /** Grows a topic to `total` partitions (Kafka's CreatePartitions; partitions never shrink). */
  async createPartitions(name: string, total: number, validateOnly: boolean): Promise<void> {
    await this.meta.run(async () => {
      const state = this.require(name);
      const now = state.partitions.length;
      checkPartitionCount(total, now, name);
      if (validateOnly) return;
      const added: Partition[] = [];
      for (let i = now; i < total; i++) added.push(await this.openPartition(name, i, state.config, false));
      const record = { ...state.record, partitions: total };
      await this.save(name, record);
      state.record = record;
      state.partitions = [...state.partitions, ...added];
    });
  }

  async alterConfigs(name: string, change: ConfigChange): Promise<EmbeddedTopicDescription> {
    return this.meta.run(async () => {
      const state = this.require(name);
      const configs: Record<string, string> = change.replace === true ? {} : { ...state.record.configs };
      for (const [k, v] of Object.entries(change.set ?? {})) configs[k] = v;
      for (const k of change.reset ?? []) {
        if (topicConfigDefs[k] === undefined) throw new LogError('GALE_ERR_LOG_INVALID_CONFIG', `unknown topic config '${k}'`, { details: { name: k } });
        delete configs[k];
      }
      validateTopicConfigs(configs);
      if (change.validateOnly !== true) {
        const record = { ...state.record, configs };
        await this.save(name, record);
        state.record = record;
        state.config = parseTopicConfig(configs);
        for (const p of state.partitions) p.config = state.config;
      }
      return this.describe(name)!;
    });
  }

  /** Closes every partition; false if any could not close cleanly. */
  async closeAll(): Promise<boolean> {
    let clean = true;
    for (const state of this.topics.values()) for (const ok of await Promise.all(state.partitions.map((p) => p.close()))) clean &&= ok;
    return clean;
  }

  private async save(name: string, record: TopicRecord | undefined): Promise<void> {
    const next = new Map([...this.topics].map(([n, s]) => [n, s.record]));
    if (record === undefined) next.delete(name);
    else next.set(name, record);
    await saveTopics(this.env.logDir, next);
  }

  private async openTopic(name: string, record: TopicRecord, recover: boolean): Promise<TopicState> {
    const config = parseTopicConfig(record.configs);
    const partitions: Partition[] = [];
    try {
      for (let i = 0; i < record.partitions; i++) partitions.push(await this.openPartition(name, i, config, recover));
    } catch (e) {
      await Promise.all(partitions.map((p) => p.close()));
      throw e;
    }
    return { record, config, partitions };
  }

  private async openPartition(topic: string, partition: number, config: TopicConfig, recover: boolean): Promise<Partition> {
    const dir = join(this.env.logDir, `${topic}-${partition}`);
    await mkdir(dir, { recursive: true });
    const { flush, clock, logger } = this.env;
    return Partition.open({ dir, label: `${topic}-${partition}`, config, flush, clock, logger, recover });
  }
}

function checkPartitionCount(n: number, current: number, topic: string): void {
  if (!Number.isInteger(n) || n <= current || n > MAX_PARTITIONS) {
    const range = current === 0 ? `[1, ${MAX_PARTITIONS}]` : `(${current}, ${MAX_PARTITIONS}] (topic '${topic}' has ${current})`;
    throw new LogError('GALE_ERR_LOG_INVALID_PARTITIONS', `partition count must be an integer in ${range}, got ${n}`);
  }
}
