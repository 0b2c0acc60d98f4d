import { describe, expect, it } from 'vitest';
import { groupConfigFromServeOptions } from '../../../../src/kafka/group-coordinator/serve-options.js';

describe('gale serve group options', () => {
  it('maps the --group-* options onto the coordinator config and leaves the rest at Kafka defaults', () => {
    expect(groupConfigFromServeOptions({})).toEqual({});
    expect(groupConfigFromServeOptions({ groupInitialRebalanceDelay: '0', groupMinSessionTimeout: '1000', groupMaxSessionTimeout: '60000', kafkaPort: 9092 })).toEqual({
      initialRebalanceDelayMs: 0,
      minSessionTimeoutMs: 1000,
      maxSessionTimeoutMs: 60000,
    });
  });

  it('refuses values that are not whole milliseconds, naming the option', () => {
    expect(() => groupConfigFromServeOptions({ groupMinSessionTimeout: 'soon' })).toThrow(/--group-min-session-timeout must be a whole number of milliseconds, got soon/);
    expect(() => groupConfigFromServeOptions({ groupInitialRebalanceDelay: '-5' })).toThrow(/--group-initial-rebalance-delay/);
  });
});
