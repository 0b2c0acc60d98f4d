/** The Kafka wire server as a `gale serve` service (owned by the Kafka broker work). */
import type { Service } from './service.js';

export const kafkaService: Service = {
  name: 'kafka',
  enabled: () => false,
  start: () => Promise.reject(new Error('the Kafka broker is not built yet')),
};
