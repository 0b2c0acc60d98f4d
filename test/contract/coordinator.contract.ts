/**
 * The `Coordinator` seam's contract, run against every implementation
 * (EmbeddedCoordinator in-process; ZooKeeperCoordinator through
 * node-zookeeper-client against a ZooKeeper server — here Gale's own):
 * versions and conditional writes, typed errors, sequential and ephemeral
 * nodes, one-shot watches, all-or-nothing multi, and the engine's catalog
 * store on top.
 */
import { describe, expect, it } from 'vitest';
import type { Coordinator, WatchEvent } from '../../src/coord/coordinator.js';
import { CatalogStore } from '../../src/engine/catalog/catalog-store.js';

export interface CoordinatorUnderTest {
  readonly coord: Coordinator;
  close(): Promise<void>;
}

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const text = (b: Uint8Array): string => new TextDecoder().decode(b);

function nextEvent(): { watcher: (e: WatchEvent) => void; events: WatchEvent[]; first: Promise<WatchEvent> } {
  const events: WatchEvent[] = [];
  let resolve!: (e: WatchEvent) => void;
  const first = new Promise<WatchEvent>((r) => (resolve = r));
  return {
    events,
    first,
    watcher: (e) => {
      events.push(e);
      resolve(e);
    },
  };
}

export function coordinatorContract(name: string, open: () => Promise<CoordinatorUnderTest>): void {
  describe(`Coordinator contract: ${name}`, () => {
    const withCoord = (fn: (c: Coordinator) => Promise<void>) => async () => {
      const u = await open();
      try {
        await fn(u.coord);
      } finally {
        await u.close();
      }
    };

    it(
      'create, get, set with versions, delete; errors carry the ZooKeeper meaning',
      withCoord(async (c) => {
        expect(await c.create('/k', bytes('v0'), 'persistent')).toBe('/k');
        const got = await c.get('/k');
        expect(text(got!.data)).toBe('v0');
        expect(got!.stat.version).toBe(0);
        const s1 = await c.set('/k', bytes('v1'), 0);
        expect(s1.version).toBe(1);
        await expect(c.set('/k', bytes('v2'), 0)).rejects.toMatchObject({ code: 'GALE_ERR_COORD_BAD_VERSION' });
        await expect(c.create('/k', bytes(''), 'persistent')).rejects.toMatchObject({ code: 'GALE_ERR_COORD_NODE_EXISTS' });
        await c.create('/k/child', bytes(''), 'persistent');
        await expect(c.delete('/k')).rejects.toMatchObject({ code: 'GALE_ERR_COORD_NOT_EMPTY' });
        await expect(c.set('/missing', bytes(''))).rejects.toMatchObject({ code: 'GALE_ERR_COORD_NO_NODE' });
        expect(await c.get('/missing')).toBeUndefined();
        expect(await c.exists('/missing')).toBeUndefined();
        await c.delete('/k/child');
        await c.delete('/k', 1);
        expect(await c.exists('/k')).toBeUndefined();
      }),
    );

    it(
      'sequential names have a 10-digit counter; children come sorted; ephemerals belong to the session',
      withCoord(async (c) => {
        await c.create('/q', bytes(''), 'persistent');
        const a = await c.create('/q/item-', bytes('a'), 'sequential');
        const b = await c.create('/q/item-', bytes('b'), 'sequential');
        expect(a).toMatch(/^\/q\/item-\d{10}$/);
        expect(Number(b.slice(-10))).toBe(Number(a.slice(-10)) + 1);
        await c.create('/q/eph', bytes(''), 'ephemeral');
        expect(await c.children('/q')).toEqual(['eph', a.slice(3), b.slice(3)].sort());
        expect((await c.exists('/q/eph'))!.ephemeralOwner).toBe(c.session().id);
        expect(c.session().state).toBe('connected');
      }),
    );

    it(
      'watches fire once: data change, child added, node created',
      withCoord(async (c) => {
        await c.create('/w', bytes('x'), 'persistent');
        const data = nextEvent();
        await c.get('/w', data.watcher);
        const kids = nextEvent();
        await c.children('/w', kids.watcher);
        const born = nextEvent();
        expect(await c.exists('/w2', born.watcher)).toBeUndefined();
        await c.set('/w', bytes('y'));
        await c.set('/w', bytes('z'));
        await c.create('/w/c', bytes(''), 'persistent');
        await c.create('/w2', bytes(''), 'persistent');
        expect(await data.first).toEqual({ type: 'data-changed', path: '/w' });
        expect(await kids.first).toEqual({ type: 'children-changed', path: '/w' });
        expect(await born.first).toEqual({ type: 'created', path: '/w2' });
        await c.exists('/w'); // a round trip: any second event would have arrived by now
        expect(data.events).toHaveLength(1);
      }),
    );

    it(
      'multi is all or nothing',
      withCoord(async (c) => {
        await c.create('/m', bytes('0'), 'persistent');
        await expect(
          c.multi([
            { op: 'create', path: '/m/a', data: bytes(''), mode: 'persistent' },
            { op: 'check', path: '/m', version: 7 },
          ]),
        ).rejects.toMatchObject({ code: expect.stringMatching(/^GALE_ERR_COORD_/) });
        expect(await c.exists('/m/a')).toBeUndefined();
        const r = await c.multi([
          { op: 'create', path: '/m/a', data: bytes(''), mode: 'persistent' },
          { op: 'set', path: '/m', data: bytes('1'), version: 0 },
          { op: 'check', path: '/m', version: 1 },
          { op: 'delete', path: '/m/a' },
        ]);
        expect(r.map((x) => x.op)).toEqual(['create', 'set', 'check', 'delete']);
        expect(r[0]).toEqual({ op: 'create', path: '/m/a' });
        expect(text((await c.get('/m'))!.data)).toBe('1');
      }),
    );

    it(
      "carries the engine's catalog: entries in statement order, updated and removed",
      withCoord(async (c) => {
        const store = new CatalogStore(c);
        await store.init();
        await store.init(); // idempotent
        await store.add({ kind: 'streams', name: 'orders', sql: 'CREATE STREAM orders (id int);' });
        await store.add({ kind: 'queries', name: 'q9', sql: 'SELECT id FROM orders INTO out;', state: 'RUNNING' });
        await store.add({ kind: 'streams', name: 'odd/name', sql: 'CREATE STREAM "odd/name" (x int);' });
        await store.update('queries', 'q9', { state: 'STOPPED' });
        const all = await store.load();
        expect(all.map((e) => [e.kind, e.name])).toEqual([['streams', 'orders'], ['queries', 'q9'], ['streams', 'odd/name']]);
        expect(all[1]!.state).toBe('STOPPED');
        await store.remove('queries', 'q9');
        await store.remove('queries', 'q9');
        expect((await store.load()).map((e) => e.name)).toEqual(['orders', 'odd/name']);
      }),
    );
  });
}
