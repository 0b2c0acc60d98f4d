/**
 * Config resources as the config APIs name them, and the one operation
 * AlterConfigs and IncrementalAlterConfigs share: replace a topic's
 * explicit configs after validating them (or only validate).
 */
import { topicConfigDefs, validateTopicConfigs } from '../../log/config.js';
import type { Broker } from '../handler.js';
import { logAdmin } from '../log-admin.js';

/** ConfigResource.Type codes */
export const ResourceType = { TOPIC: 2, BROKER: 4, BROKER_LOGGER: 8 } as const;

/** The topic's explicit configs: effective values that differ from the default. */
export function explicitConfigs(effective: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(effective)) {
    if (topicConfigDefs[name]?.default !== value) out[name] = value;
  }
  return out;
}

export async function replaceTopicConfigs(broker: Broker, topic: string, configs: Record<string, string>, validateOnly: boolean): Promise<void> {
  validateTopicConfigs(configs);
  if (!validateOnly) await logAdmin(broker.log).alterTopicConfigs(topic, configs);
}
