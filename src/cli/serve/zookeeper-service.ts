/** The ZooKeeper wire server as a `gale serve` service (owned by the coordinator work). */
import type { Service } from './service.js';

export const zookeeperService: Service = {
  name: 'zookeeper',
  enabled: () => false,
  start: () => Promise.reject(new Error('the ZooKeeper server is not built yet')),
};
