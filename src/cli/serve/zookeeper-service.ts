/**
 * The coordinator as a `gale serve` service: opens the CoordStore in
 * `<dataDir>/coord`, shares an EmbeddedCoordinator (one in-process session)
 * as `coordinator` and the store as `coordStore` with later services, and
 * serves the same tree over the ZooKeeper wire protocol on --zk-port
 * (-1 = no port; the in-process coordinator still runs).
 */
import { join } from 'node:path';
import { EmbeddedCoordinator } from '../../coord/embedded-coordinator.js';
import { CoordStore } from '../../coord/store.js';
import { ZooKeeperServer } from '../../zookeeper/server.js';
import type { RunningService, ServeContext, Service } from './service.js';

function num(v: unknown): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`not a non-negative number: ${String(v)}`);
  return n;
}

function defined<T extends Record<string, unknown>>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}

export const zookeeperService: Service = {
  name: 'zookeeper',
  enabled: () => true,
  async start(ctx: ServeContext): Promise<RunningService> {
    const o = ctx.options;
    const logger = { info: (m: string) => ctx.logger.info(m), warn: (m: string) => ctx.logger.warn(m) };
    const store = CoordStore.open({
      dir: join(ctx.dataDir, 'coord'),
      logger,
      ...defined({
        tickTimeMs: num(o['zkTickTime']),
        minSessionTimeoutMs: num(o['zkMinSessionTimeout']),
        maxSessionTimeoutMs: num(o['zkMaxSessionTimeout']),
        snapshotEvery: num(o['zkSnapshotEvery']),
        maxBufferBytes: num(o['zkMaxBuffer']),
        containerCheckMs: num(o['zkContainerCheck']),
      }),
    });
    const r = store.recovery;
    logger.info(
      `coord: recovered zxid 0x${store.lastZxid.toString(16)} (snapshot 0x${r.snapshotZxid.toString(16)} + ${r.replayed} txns), ${store.tree.nodeCount} znodes, ${store.sessions.size} sessions`,
    );
    const port = Number(o['zkPort'] ?? 2181);
    let server: ZooKeeperServer | undefined;
    let coordinator: EmbeddedCoordinator | undefined;
    try {
      coordinator = await EmbeddedCoordinator.open(store);
      if (port !== -1) server = await ZooKeeperServer.start({ store, host: ctx.bind, port, logger });
    } catch (err) {
      await coordinator?.close();
      await store.close();
      throw err;
    }
    ctx.shared.set('coordinator', coordinator);
    ctx.shared.set('coordStore', store);
    const c = coordinator;
    return {
      describe: server === undefined ? 'coordinator (no ZooKeeper port)' : `ZooKeeper on ${ctx.bind}:${server.port}`,
      async close() {
        ctx.shared.delete('coordinator');
        ctx.shared.delete('coordStore');
        await c.close();
        await server?.close();
        await store.close();
      },
    };
  },
};
