/**
 * Topic and broker config entries as CreateTopics (v5+) and DescribeConfigs
 * report them: value, whether it is a default, Kafka's config source and
 * type codes, and documentation. Topic config names, defaults and docs come
 * from the log (src/log/config.ts), which is what acts on them.
 */
import { topicConfigDefs } from '../../log/config.js';
import type { BrokerConfig } from '../handler.js';

/** DescribeConfigs ConfigSource codes */
export const ConfigSource = { TOPIC: 1, STATIC_BROKER: 4, DEFAULT: 5 } as const;

/** DescribeConfigs ConfigType codes (v3+) */
const ConfigType = { BOOLEAN: 1, STRING: 2, INT: 3, LONG: 5, DOUBLE: 6, LIST: 7 } as const;

const topicConfigTypes: Readonly<Record<string, number>> = {
  'cleanup.policy': ConfigType.LIST,
  'segment.bytes': ConfigType.INT,
  'segment.ms': ConfigType.LONG,
  'segment.index.bytes': ConfigType.INT,
  'index.interval.bytes': ConfigType.INT,
  'retention.ms': ConfigType.LONG,
  'retention.bytes': ConfigType.LONG,
  'max.message.bytes': ConfigType.INT,
  'min.compaction.lag.ms': ConfigType.LONG,
  'delete.retention.ms': ConfigType.LONG,
  'min.cleanable.dirty.ratio': ConfigType.DOUBLE,
  'message.timestamp.type': ConfigType.STRING,
};

export interface ConfigEntry {
  readonly name: string;
  readonly value: string;
  readonly readOnly: boolean;
  readonly isDefault: boolean;
  readonly configSource: number;
  readonly isSensitive: boolean;
  readonly configType: number;
  readonly documentation: string | null;
}

/**
 * Effective topic configs (explicit merged over defaults) as entries, sorted
 * by name. Without the explicit set, a value equal to the default counts as default.
 */
export function topicConfigEntries(effective: Readonly<Record<string, string>>, explicit?: Readonly<Record<string, string>>): ConfigEntry[] {
  return Object.keys(effective)
    .sort()
    .map((name) => {
      const def = topicConfigDefs[name];
      const value = effective[name]!;
      const isDefault = explicit !== undefined ? !(name in explicit) : def !== undefined && def.default === value;
      return {
        name,
        value,
        readOnly: false,
        isDefault,
        configSource: isDefault ? ConfigSource.DEFAULT : ConfigSource.TOPIC,
        isSensitive: false,
        configType: topicConfigTypes[name] ?? ConfigType.STRING,
        documentation: def?.doc ?? null,
      };
    });
}

/** The broker's own settings, read-only (they come from `gale serve` options). */
export function brokerConfigEntries(config: BrokerConfig): ConfigEntry[] {
  const entries: [string, string, number, string][] = [
    ['advertised.listeners', `PLAINTEXT://${config.advertisedHost}:${config.advertisedPort}`, ConfigType.LIST, 'where clients connect'],
    ['auto.create.topics.enable', String(config.autoCreateTopics), ConfigType.BOOLEAN, 'create unknown topics on Metadata requests'],
    ['broker.id', String(config.nodeId), ConfigType.INT, 'this node'],
    ['default.replication.factor', '1', ConfigType.INT, 'single node'],
    ['num.partitions', String(config.defaultPartitions), ConfigType.INT, 'partitions of auto-created topics'],
    ['sasl.enabled.mechanisms', config.sasl === undefined ? '' : config.sasl.mechanisms.join(','), ConfigType.LIST, 'SASL mechanisms offered'],
    ['socket.request.max.bytes', String(config.maxFrameBytes), ConfigType.INT, 'largest request accepted'],
  ];
  return entries.map(([name, value, configType, documentation]) => ({
    name,
    value,
    readOnly: true,
    isDefault: false,
    configSource: ConfigSource.STATIC_BROKER,
    isSensitive: false,
    configType,
    documentation,
  }));
}
