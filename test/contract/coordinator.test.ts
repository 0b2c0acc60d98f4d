/** The Coordinator contract against the embedded coordinator and against ZooKeeperCoordinator talking to Gale's ZooKeeper server. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ZooKeeperCoordinator } from '../../src/connectors/zookeeper/zookeeper-coordinator.js';
import { EmbeddedCoordinator } from '../../src/coord/embedded-coordinator.js';
import { CoordStore } from '../../src/coord/store.js';
import { ZooKeeperServer } from '../../src/zookeeper/server.js';
import { coordinatorContract } from './coordinator.contract.js';

const quiet = { info() {}, warn() {} };

coordinatorContract('EmbeddedCoordinator', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gale-coord-contract-'));
  const store = CoordStore.open({ dir, logger: quiet });
  const coord = await EmbeddedCoordinator.open(store);
  return {
    coord,
    async close() {
      await coord.close();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

coordinatorContract('ZooKeeperCoordinator (node-zookeeper-client → Gale ZooKeeper server)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gale-coord-contract-'));
  const store = CoordStore.open({ dir, logger: quiet });
  const server = await ZooKeeperServer.start({ store, host: '127.0.0.1', port: 0, logger: quiet });
  const coord = await ZooKeeperCoordinator.connect({ connect: `127.0.0.1:${server.port}` });
  return {
    coord,
    async close() {
      await coord.close();
      await server.close();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});
