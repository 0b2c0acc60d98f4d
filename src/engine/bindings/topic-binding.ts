/**
 * A stream without FILE or GENERATOR is a topic in the log. Its binding:
 * TOPIC (default: the stream's name), PARTITIONS (used when the topic is
 * created; an existing topic keeps its own count, and a different explicit
 * PARTITIONS is an error), KEY (the field(s) whose serialized value is the
 * record key), FORMAT (json, csv or string; default json) and TIMESTAMP
 * (the event-time field).
 */
import type { Log } from '../../log/log.js';
import { isGaleError } from '../../errors.js';
import type { StreamDef, StreamFormat } from '../../sql/catalog.js';
import type { Field } from '../../sql/types.js';
import { EngineError } from '../errors.js';

export interface TopicBinding {
  readonly stream: string;
  readonly topic: string;
  readonly partitions: number;
  readonly format: StreamFormat;
  readonly fields: readonly Field[];
  /** positions of the KEY fields */
  readonly keyFields: readonly number[];
  readonly timestampField?: number;
  readonly idleTimeoutMs?: number;
}

/** True when the stream lives in the log (no FILE, no GENERATOR). */
export function isTopicStream(def: StreamDef): boolean {
  return def.binding.file === undefined && def.binding.generator === undefined;
}

export function topicOf(def: StreamDef): string {
  return def.binding.topic ?? def.name;
}

/**
 * The stream's topic, created (with PARTITIONS, default `defaultPartitions`)
 * if it does not exist yet — unless `create` is false (EXPLAIN), which only
 * describes what would be created.
 */
export async function bindTopic(log: Log, def: StreamDef, defaultPartitions = 1, create = true): Promise<TopicBinding> {
  const fields = def.fields ?? [];
  const topic = topicOf(def);
  const format = def.binding.format ?? 'json';
  if (format === 'string' && (fields.length !== 1 || fields[0]!.type !== 'string')) {
    throw new EngineError('GALE_ERR_ENGINE_TOPIC', `stream ${def.name}: FORMAT string carries exactly one string field`, spanOf(def));
  }
  const keyFields = (def.binding.key ?? []).map((k) => {
    const i = fields.findIndex((f) => f.name === k);
    if (i < 0) throw new EngineError('GALE_ERR_ENGINE_TOPIC', `stream ${def.name}: KEY ${k} is not one of its fields`, spanOf(def));
    return i;
  });
  let described = await log.describeTopic(topic);
  if (described === undefined && create) {
    const partitions = def.binding.partitions ?? defaultPartitions;
    try {
      await log.createTopic(topic, { partitions });
    } catch (err) {
      described = await log.describeTopic(topic);
      if (described === undefined) {
        const why = isGaleError(err) || err instanceof Error ? err.message : String(err);
        throw new EngineError('GALE_ERR_ENGINE_TOPIC', `stream ${def.name}: cannot create topic ${topic}: ${why}`, { ...spanOf(def), cause: err });
      }
    }
    described ??= await log.describeTopic(topic);
  }
  const partitions = described?.partitions ?? def.binding.partitions ?? defaultPartitions;
  if (def.binding.partitions !== undefined && def.binding.partitions !== partitions) {
    throw new EngineError(
      'GALE_ERR_ENGINE_TOPIC',
      `stream ${def.name}: topic ${topic} exists with ${partitions} partition${partitions === 1 ? '' : 's'}, not PARTITIONS = ${def.binding.partitions}`,
      spanOf(def),
    );
  }
  return {
    stream: def.name,
    topic,
    partitions,
    format,
    fields,
    keyFields,
    ...(def.eventTime === undefined ? {} : { timestampField: def.eventTime.index }),
    ...(def.binding.idleTimeoutMs === undefined ? {} : { idleTimeoutMs: def.binding.idleTimeoutMs }),
  };
}

function spanOf(def: StreamDef): { span?: NonNullable<StreamDef['loc']> } {
  return def.loc === undefined ? {} : { span: def.loc };
}
