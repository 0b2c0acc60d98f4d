/**
 * `gale serve` options of the group coordinator, mapped onto its config
 * (Kafka's broker settings of the same meaning):
 *   --group-min-session-timeout <ms>       group.min.session.timeout.ms   (6000)
 *   --group-max-session-timeout <ms>       group.max.session.timeout.ms   (1800000)
 *   --group-initial-rebalance-delay <ms>   group.initial.rebalance.delay.ms (3000)
 */
import type { GroupCoordinatorConfig } from './config.js';
import { GroupConfigError } from './errors.js';

const optionKeys = {
  groupMinSessionTimeout: 'minSessionTimeoutMs',
  groupMaxSessionTimeout: 'maxSessionTimeoutMs',
  groupInitialRebalanceDelay: 'initialRebalanceDelayMs',
} as const satisfies Record<string, keyof GroupCoordinatorConfig>;

export function groupConfigFromServeOptions(options: Readonly<Record<string, unknown>>): Partial<GroupCoordinatorConfig> {
  const config: { -readonly [K in keyof GroupCoordinatorConfig]?: number } = {};
  for (const [option, key] of Object.entries(optionKeys)) {
    const v = options[option];
    if (v === undefined) continue;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new GroupConfigError(`--${option.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} must be a whole number of milliseconds, got ${String(v)}`);
    config[key] = n;
  }
  return config;
}
