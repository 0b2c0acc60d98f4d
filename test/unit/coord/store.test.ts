/**
 * The store on disk: recovery from snapshot + log, sessions that survive a
 * restart (and expire after it), a damaged snapshot falling back to an older
 * one, and the container reaper.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OPEN_ACL_UNSAFE } from '../../../src/coord/acl.js';
import type { OpResult, WriteRequest } from '../../../src/coord/requests.js';
import { listSnapshots } from '../../../src/coord/snapshot.js';
import { CoordStore } from '../../../src/coord/store.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'gale-store-'));
  dirs.push(d);
  return d;
}

function write(store: CoordStore, req: WriteRequest, sessionId = 0n): Promise<OpResult> {
  return new Promise((res) => store.submit(req, { sessionId, authIds: [], cxid: 0 }, (r) => res(r)));
}
const create = (path: string, flags = 0): WriteRequest => ({ op: 'create', path, data: Buffer.from(path), acl: OPEN_ACL_UNSAFE, flags, ttl: -1n });

describe('store recovery', () => {
  it('restores tree, zxid and sessions from snapshots plus the log after them', async () => {
    const dir = tempDir();
    const s1 = CoordStore.open({ dir, snapshotEvery: 10, fsync: false });
    const { sessionId } = await s1.createSession(4000);
    await write(s1, create('/a'));
    for (let i = 0; i < 25; i++) await write(s1, create(`/a/n${i}`));
    await write(s1, create('/a/eph', 1), sessionId);
    await write(s1, { op: 'setData', path: '/a', data: Buffer.from('v2'), version: 0 });
    await s1.close();
    expect(listSnapshots(dir).length).toBeGreaterThanOrEqual(1);
    const zxid = s1.lastZxid;

    const s2 = CoordStore.open({ dir, fsync: false });
    expect(s2.lastZxid).toBe(zxid);
    expect(s2.recovery.snapshotZxid).toBeGreaterThan(0n);
    expect(s2.tree.get('/a')!.children.size).toBe(26);
    expect(Buffer.from(s2.tree.get('/a')!.data!).toString()).toBe('v2');
    expect(s2.tree.get('/a/eph')!.ephemeralOwner).toBe(sessionId);
    expect(s2.sessions.isLive(sessionId)).toBe(true);
    // the session did not come back: expiry deletes its ephemeral with a logged closeSession
    const closed = new Promise<bigint>((res) => s2.onSessionClosed(res));
    s2.sessions.get(sessionId)!.expireAt = 0;
    (s2.sessions as unknown as { buckets: Map<number, Set<bigint>> }).buckets.set(0, new Set([sessionId]));
    s2.sessions.expireDue();
    expect(await closed).toBe(sessionId);
    expect(s2.tree.get('/a/eph')).toBeUndefined();
    await s2.close();

    const s3 = CoordStore.open({ dir, fsync: false });
    expect(s3.tree.get('/a/eph')).toBeUndefined();
    expect(s3.sessions.get(sessionId)).toBeUndefined();
    await s3.close();
  });

  it('keeps the logs the older of two snapshots needs, and falls back to it when the newest is damaged', async () => {
    const dir = tempDir();
    const s1 = CoordStore.open({ dir, snapshotEvery: 1_000_000, fsync: false });
    let k = 0;
    const some = async (n: number): Promise<void> => {
      for (let i = 0; i < n; i++) await write(s1, create(`/k${k++}`));
    };
    const logs = (): string[] => readdirSync(dir).filter((f) => f.startsWith('log.'));
    await some(6);
    await s1.snapshot();
    await some(6);
    expect(logs()).toHaveLength(2); // one snapshot: every log stays
    await s1.snapshot();
    await some(5);
    expect(logs()).toHaveLength(2); // the first file (zxid 1-6) is covered by both snapshots
    await s1.close();
    const snaps = listSnapshots(dir);
    expect(snaps.map((x) => x.zxid)).toEqual([12n, 6n]);
    writeFileSync(join(dir, snaps[0]!.name), Buffer.from('not a snapshot'));
    const s2 = CoordStore.open({ dir, fsync: false });
    expect(s2.recovery.snapshotZxid).toBe(6n);
    expect(s2.recovery.replayed).toBe(11);
    for (let i = 0; i < k; i++) expect(s2.tree.get(`/k${i}`)).toBeDefined();
    await s2.close();
  });

  it('sync waits for every write prepared before it', async () => {
    const store = CoordStore.open({ dir: tempDir(), fsync: false });
    const order: string[] = [];
    void write(store, create('/s1')).then(() => order.push('w1'));
    void write(store, create('/s2')).then(() => order.push('w2'));
    await new Promise<void>((res) => store.afterPending(() => res()));
    order.push('sync');
    expect(order).toEqual(['w1', 'w2', 'sync']);
    await store.close();
  });

  it('reaps empty containers that had children and idle TTL nodes', async () => {
    const store = CoordStore.open({ dir: tempDir(), fsync: false, containerCheckMs: 3_600_000 });
    await write(store, create('/box', 4));
    await write(store, create('/never-used', 4));
    await write(store, create('/box/x'));
    await write(store, { op: 'create', path: '/ttl', data: null, acl: OPEN_ACL_UNSAFE, flags: 5, ttl: 1n });
    const reaper = (store as unknown as { reaper: { candidates(now: number): string[]; reap(): void } }).reaper;
    expect(reaper.candidates(Date.now() + 10)).toEqual(['/ttl']);
    await write(store, { op: 'delete', path: '/box/x', version: -1 });
    expect(reaper.candidates(Date.now() + 10).sort()).toEqual(['/box', '/ttl']);
    await new Promise((r) => setTimeout(r, 5));
    reaper.reap();
    await new Promise<void>((res) => store.afterPending(() => res()));
    expect(store.tree.get('/box')).toBeUndefined();
    expect(store.tree.get('/ttl')).toBeUndefined();
    expect(store.tree.get('/never-used')).toBeDefined();
    await store.close();
  });
});
