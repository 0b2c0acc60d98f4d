/**
 * Per-topic configs, with Kafka's names, defaults and ranges (Kafka 3.x
 * `TopicConfig`/`LogConfig`). Stored as strings exactly as a user gave them;
 * parsed into `TopicConfig` for the code that acts on them. An unknown name or
 * an out-of-range value is INVALID_CONFIG, as Kafka answers CreateTopics and
 * AlterConfigs.
 */
import { LogError } from './errors.js';
import type { TimestampType } from './record-batch/header.js';

export interface TopicConfig {
  readonly cleanupPolicy: { readonly delete: boolean; readonly compact: boolean };
  readonly segmentBytes: number;
  readonly segmentMs: number;
  readonly segmentIndexBytes: number;
  readonly indexIntervalBytes: number;
  /** -1 = keep forever */
  readonly retentionMs: number;
  /** -1 = no size limit */
  readonly retentionBytes: number;
  readonly maxMessageBytes: number;
  readonly minCompactionLagMs: number;
  readonly deleteRetentionMs: number;
  readonly minCleanableDirtyRatio: number;
  readonly messageTimestampType: TimestampType;
}

type Parsed = number | string | { delete: boolean; compact: boolean };

interface ConfigDef {
  readonly key: keyof TopicConfig;
  readonly default: string;
  readonly doc: string;
  readonly parse: (value: string, name: string) => Parsed;
}

function integer(min: number): (value: string, name: string) => number {
  return (value, name) => {
    if (!/^-?\d+$/.test(value.trim())) throw invalid(name, value, 'an integer');
    const big = BigInt(value.trim());
    if (big < BigInt(min)) throw invalid(name, value, `an integer >= ${min}`);
    // Kafka longs beyond 2^53 (e.g. Long.MAX_VALUE for "forever") saturate here
    return big > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(big);
  };
}

function int32(min: number): (value: string, name: string) => number {
  const parseLong = integer(min);
  return (value, name) => {
    const n = parseLong(value, name);
    if (n > 2147483647) throw invalid(name, value, 'an int32');
    return n;
  };
}

function invalid(name: string, value: string, expected: string): LogError {
  return new LogError('GALE_ERR_LOG_INVALID_CONFIG', `invalid value '${value}' for config ${name}: expected ${expected}`, {
    details: { name, value },
  });
}

/** The configs Gale acts on, by Kafka name. */
export const topicConfigDefs: Readonly<Record<string, ConfigDef>> = {
  'cleanup.policy': {
    key: 'cleanupPolicy',
    default: 'delete',
    doc: '"delete" (retention), "compact" (latest value per key), or both comma-separated',
    parse(value, name) {
      const parts = value.split(',').map((p) => p.trim().toLowerCase());
      if (parts.length === 0 || parts.some((p) => p !== 'delete' && p !== 'compact')) throw invalid(name, value, '"delete", "compact" or "compact,delete"');
      return { delete: parts.includes('delete'), compact: parts.includes('compact') };
    },
  },
  'segment.bytes': { key: 'segmentBytes', default: '1073741824', doc: 'roll the active segment at this size', parse: int32(14) },
  'segment.ms': { key: 'segmentMs', default: '604800000', doc: 'roll the active segment at this age', parse: integer(1) },
  'segment.index.bytes': { key: 'segmentIndexBytes', default: '10485760', doc: 'roll when the offset index reaches this size', parse: int32(8) },
  'index.interval.bytes': { key: 'indexIntervalBytes', default: '4096', doc: 'bytes between sparse index entries', parse: int32(0) },
  'retention.ms': { key: 'retentionMs', default: '604800000', doc: 'delete segments whose newest record is older (-1: never)', parse: integer(-1) },
  'retention.bytes': { key: 'retentionBytes', default: '-1', doc: 'delete oldest segments while the partition is larger (-1: no limit)', parse: integer(-1) },
  'max.message.bytes': { key: 'maxMessageBytes', default: '1048588', doc: 'largest record batch accepted', parse: int32(0) },
  'min.compaction.lag.ms': { key: 'minCompactionLagMs', default: '0', doc: 'a record stays uncompacted at least this long', parse: integer(0) },
  'delete.retention.ms': { key: 'deleteRetentionMs', default: '86400000', doc: 'how long compaction keeps tombstones', parse: integer(0) },
  'min.cleanable.dirty.ratio': {
    key: 'minCleanableDirtyRatio',
    default: '0.5',
    doc: 'compact when this share of the closed segments has not been compacted yet',
    parse(value, name) {
      const n = Number(value);
      if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) throw invalid(name, value, 'a number in [0, 1]');
      return n;
    },
  },
  'message.timestamp.type': {
    key: 'messageTimestampType',
    default: 'CreateTime',
    doc: '"CreateTime" (producer time) or "LogAppendTime" (stamped by the log)',
    parse(value, name) {
      if (value !== 'CreateTime' && value !== 'LogAppendTime') throw invalid(name, value, '"CreateTime" or "LogAppendTime"');
      return value;
    },
  },
};

/** Checks names and values; throws INVALID_CONFIG for the first bad one. */
export function validateTopicConfigs(configs: Readonly<Record<string, string>>): void {
  for (const [name, value] of Object.entries(configs)) {
    const def = topicConfigDefs[name];
    if (def === undefined) {
      throw new LogError('GALE_ERR_LOG_INVALID_CONFIG', `unknown topic config '${name}' (known: ${Object.keys(topicConfigDefs).join(', ')})`, {
        details: { name },
      });
    }
    if (typeof value !== 'string') throw invalid(name, String(value), 'a string value');
    def.parse(value, name);
  }
}

/** Explicit values merged over the defaults, as strings (what DescribeConfigs shows). */
export function effectiveConfigs(explicit: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, def] of Object.entries(topicConfigDefs)) out[name] = explicit[name] ?? def.default;
  return out;
}

export function parseTopicConfig(explicit: Readonly<Record<string, string>>): TopicConfig {
  const out: Record<string, Parsed> = {};
  for (const [name, def] of Object.entries(topicConfigDefs)) out[def.key] = def.parse(explicit[name] ?? def.default, name);
  return out as unknown as TopicConfig;
}
