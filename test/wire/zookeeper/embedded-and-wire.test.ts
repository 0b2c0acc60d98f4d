/**
 * The EmbeddedCoordinator and wire clients share one tree: the engine's
 * in-process session and a node-zookeeper-client session see each other's
 * nodes, ephemerals and watches.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import zookeeper from 'node-zookeeper-client';
import type { WatchEvent } from '../../../src/coord/coordinator.js';
import { EmbeddedCoordinator } from '../../../src/coord/embedded-coordinator.js';
import { call, closeClient, connectClient, int64, startZk, waitFor, type InProcessZk, type ZkClient } from './zk-helpers.js';

let zk: InProcessZk;
let wire: ZkClient;
let engine: EmbeddedCoordinator;
beforeAll(async () => {
  zk = await startZk({ fsync: false });
  wire = await connectClient(zk.port);
  engine = await EmbeddedCoordinator.open(zk.store);
});
afterAll(async () => {
  await closeClient(wire);
  await engine.close();
  await zk.close();
});

it('in-process and wire sessions see each other’s writes, ephemerals and watches', async () => {
  const engineSaw: string[] = [];
  await engine.create('/shared', Buffer.from('from engine'), 'persistent');
  await engine.children('/shared', (e: WatchEvent) => engineSaw.push(`${e.type}:${e.path}`));
  const [p] = await call<[string]>((cb) => wire.create('/shared/worker-', Buffer.from('w'), zookeeper.CreateMode.EPHEMERAL_SEQUENTIAL, cb));
  await waitFor(() => engineSaw.length === 1, 'engine child watch');
  expect(engineSaw).toEqual(['children-changed:/shared']);
  expect(await engine.children('/shared')).toEqual([p.slice('/shared/'.length)]);

  const wireSaw: string[] = [];
  await call((cb) => wire.getData('/shared', (e) => wireSaw.push(e.getName()), cb));
  const eph = await engine.create('/shared/engine-', new Uint8Array(), 'ephemeral-sequential');
  const [stat] = await call<[zookeeper.Stat]>((cb) => wire.exists(eph, cb));
  expect(int64(stat.ephemeralOwner)).toBe(engine.session().id);
  await engine.set('/shared', Buffer.from('v2'));
  await waitFor(() => wireSaw.length === 1, 'wire data watch');
  expect(wireSaw).toEqual(['NODE_DATA_CHANGED']);
  const [data] = await call<[Buffer]>((cb) => wire.getData('/shared', cb));
  expect(data.toString()).toBe('v2');
});
