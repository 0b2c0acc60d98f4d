import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WatchEvent } from '../../../src/coord/coordinator.js';
import { EmbeddedCoordinator } from '../../../src/coord/embedded-coordinator.js';
import { CoordError } from '../../../src/coord/errors.js';
import { CoordStore } from '../../../src/coord/store.js';

let dir: string;
let store: CoordStore;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gale-embedded-'));
  store = CoordStore.open({ dir, fsync: false });
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});
const b = (s: string): Uint8Array => Buffer.from(s);

describe('EmbeddedCoordinator (the Coordinator seam in-process)', () => {
  it('creates in every mode, reads, sets with versions and deletes', async () => {
    const c = await EmbeddedCoordinator.open(store);
    expect(await c.create('/e', b('root'), 'persistent')).toBe('/e');
    expect(await c.create('/e/s-', b(''), 'sequential')).toBe('/e/s-0000000000');
    expect(await c.create('/e/q-', b(''), 'ephemeral-sequential')).toBe('/e/q-0000000001');
    const got = await c.get('/e');
    expect(Buffer.from(got!.data).toString()).toBe('root');
    expect(await c.get('/missing')).toBeUndefined();
    expect(await c.exists('/missing')).toBeUndefined();
    const st = await c.set('/e', b('v1'), 0);
    expect(st.version).toBe(1);
    await expect(c.set('/e', b('v2'), 0)).rejects.toMatchObject({ code: 'GALE_ERR_COORD_BAD_VERSION' });
    await expect(c.create('/e', b(''), 'persistent')).rejects.toBeInstanceOf(CoordError);
    await expect(c.delete('/e')).rejects.toMatchObject({ code: 'GALE_ERR_COORD_NOT_EMPTY' });
    expect(await c.children('/e')).toEqual(['q-0000000001', 's-0000000000']);
    await c.close();
    expect(await store.tree.get('/e/q-0000000001')).toBeUndefined();
  });

  it('delivers one-shot watches before the call that reflects the change settles', async () => {
    const c = await EmbeddedCoordinator.open(store);
    const other = await EmbeddedCoordinator.open(store);
    await c.create('/w', b('0'), 'persistent');
    const log: string[] = [];
    await other.get('/w', (e: WatchEvent) => log.push(`${e.type}:${e.path}`));
    await other.children('/w', (e: WatchEvent) => log.push(`${e.type}:${e.path}`));
    await c.set('/w', b('1'));
    log.push('set returned');
    await c.set('/w', b('2'));
    await c.create('/w/k', b(''), 'ephemeral');
    await other.get('/w');
    expect(log).toEqual(['data-changed:/w', 'set returned', 'children-changed:/w']);
    await c.close();
    await other.close();
  });

  it('multi is all or nothing and rejects with the first failure', async () => {
    const c = await EmbeddedCoordinator.open(store);
    const res = await c.multi([
      { op: 'create', path: '/m', data: b(''), mode: 'persistent' },
      { op: 'set', path: '/m', data: b('x') },
      { op: 'check', path: '/m', version: 1 },
    ]);
    expect(res.map((r) => r.op)).toEqual(['create', 'set', 'check']);
    await expect(
      c.multi([
        { op: 'delete', path: '/m' },
        { op: 'create', path: '/nope/x', data: b(''), mode: 'persistent' },
      ]),
    ).rejects.toMatchObject({ code: 'GALE_ERR_COORD_NO_NODE' });
    expect(await c.exists('/m')).toBeDefined();
    await c.close();
  });

  it('its session is a store session: close deletes ephemerals and reports closed', async () => {
    const c = await EmbeddedCoordinator.open(store);
    const states: string[] = [];
    c.session().onStateChange((s) => states.push(s));
    await c.create('/owned', b(''), 'ephemeral');
    expect(store.tree.get('/owned')!.ephemeralOwner).toBe(c.session().id);
    await c.close();
    expect(states).toEqual(['closed']);
    expect(c.session().state).toBe('closed');
    expect(store.tree.get('/owned')).toBeUndefined();
    await expect(c.get('/')).rejects.toMatchObject({ code: 'GALE_ERR_COORD_CLOSED' });
  });

  it('sees the session expire when the store expires it', async () => {
    const c = await EmbeddedCoordinator.open(store);
    const expired = new Promise<string>((res) => c.session().onStateChange(res));
    store.closeSession(c.session().id, () => undefined);
    expect(await expired).toBe('expired');
    await expect(c.exists('/')).rejects.toMatchObject({ code: 'GALE_ERR_COORD_SESSION_EXPIRED' });
  });
});
