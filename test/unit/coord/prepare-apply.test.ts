/**
 * request -> prepare -> apply without disk: the pending-changes overlay,
 * sequential names, error txns, multi all-or-nothing, closeSession, and
 * determinism of apply (the basis of recovery).
 */
import { describe, expect, it } from 'vitest';
import { OPEN_ACL_UNSAFE, Perms } from '../../../src/coord/acl.js';
import { apply, type CoordState } from '../../../src/coord/apply.js';
import { CONTAINER_OWNER } from '../../../src/coord/ephemeral-type.js';
import { PendingChanges } from '../../../src/coord/pending.js';
import { Preparer, sequenceSuffix } from '../../../src/coord/prepare.js';
import type { CreateRequest, OpResult, WriteRequest, WriterContext } from '../../../src/coord/requests.js';
import { serializeSnapshot } from '../../../src/coord/snapshot.js';
import { clientStat, DataTree } from '../../../src/coord/tree.js';
import type { Txn } from '../../../src/coord/txn.js';

const acl = OPEN_ACL_UNSAFE;
const who = (sessionId = 5n): WriterContext => ({ sessionId, authIds: [], cxid: 1 });
const create = (path: string, flags = 0): CreateRequest => ({ op: 'create', path, data: Buffer.from('d'), acl, flags, ttl: -1n });

function harness(live: Set<bigint> = new Set([5n, 6n])) {
  const state: CoordState = { tree: new DataTree(), sessions: new Map(), lastZxid: 0n };
  const pending = new PendingChanges(state.tree);
  const prep = new Preparer(state.tree, pending, { maxDataBytes: 100, sessionLive: (id) => live.has(id) });
  let zxid = 0n;
  const prepare = (req: WriteRequest, w = who()): Txn => prep.prepare(req, w, ++zxid, 1000n + zxid);
  const commit = (t: Txn): OpResult => {
    const r = apply(state, t).result;
    pending.release(t.hdr.zxid);
    return r;
  };
  const run = (req: WriteRequest, w = who()): OpResult => commit(prepare(req, w));
  return { state, pending, prepare, commit, run };
}

describe('prepare', () => {
  it('validates against pending txns: a child of a pending parent, distinct sequential names', () => {
    const h = harness();
    const t1 = h.prepare(create('/p'));
    const t2 = h.prepare(create('/p/s-', 2));
    const t3 = h.prepare(create('/p/s-', 2));
    const t4 = h.prepare(create('/p'));
    expect(t2.op).toMatchObject({ type: 'create', path: '/p/s-0000000000' });
    expect(t3.op).toMatchObject({ type: 'create', path: '/p/s-0000000001' });
    expect(t4.op).toEqual({ type: 'error', err: -110 });
    expect(h.state.tree.get('/p')).toBeUndefined(); // nothing applied yet
    for (const t of [t1, t2, t3, t4]) h.commit(t);
    expect([...h.state.tree.get('/p')!.children].sort()).toEqual(['s-0000000000', 's-0000000001']);
    expect(h.pending.size).toBe(0);
  });

  it('formats sequence numbers as %010d, negatives included', () => {
    expect(sequenceSuffix(7)).toBe('0000000007');
    expect(sequenceSuffix(-5)).toBe('-000000005');
    expect(sequenceSuffix(2147483647)).toBe('2147483647');
  });

  it('reports errors in ZooKeeper order and consumes a zxid for each', () => {
    const h = harness();
    h.run(create('/a'));
    h.run({ op: 'setAcl', path: '/a', acl: [{ perms: Perms.READ, id: { scheme: 'world', id: 'anyone' } }], version: -1 });
    // delete: no DELETE on the parent is NOAUTH even for a missing node
    h.run(create('/locked'));
    h.run({ op: 'setAcl', path: '/locked', acl: [{ perms: Perms.READ | Perms.CREATE, id: { scheme: 'world', id: 'anyone' } }], version: -1 });
    expect(h.run({ op: 'delete', path: '/locked/none', version: -1 })).toEqual({ type: 'error', err: -102 });
    expect(h.run({ op: 'setData', path: '/a', data: null, version: -1 })).toEqual({ type: 'error', err: -102 });
    expect(h.run(create('/a/b'))).toEqual({ type: 'error', err: -102 });
    expect(h.run(create('/x/y'))).toEqual({ type: 'error', err: -101 });
    expect(h.run(create('rel'))).toEqual({ type: 'error', err: -8 });
    expect(h.run({ op: 'create', path: '/big', data: Buffer.alloc(101), acl, flags: 0, ttl: -1n })).toEqual({ type: 'error', err: -8 });
    expect(h.run(create('/e', 1), who(9n))).toEqual({ type: 'error', err: -112 });
    expect(h.run({ op: 'delete', path: '/zookeeper', version: -1 })).toEqual({ type: 'error', err: -8 });
    expect(h.run(create('/ttl', 5))).toEqual({ type: 'error', err: -8 });
    expect(h.run({ op: 'create', path: '/ttl', data: null, acl, flags: 5, ttl: 1000n })).toMatchObject({ type: 'create' });
    expect(h.run({ op: 'create', path: '/bad-flags', data: null, acl, flags: 9, ttl: -1n })).toEqual({ type: 'error', err: -8 });
    expect(h.state.lastZxid).toBe(15n); // fifteen writes, every one logged
  });

  it('refuses children of ephemerals and deletes of non-empty nodes', () => {
    const h = harness();
    h.run(create('/eph', 1));
    expect(h.run(create('/eph/kid'))).toEqual({ type: 'error', err: -108 });
    h.run(create('/full'));
    h.run(create('/full/kid'));
    expect(h.run({ op: 'delete', path: '/full', version: -1 })).toEqual({ type: 'error', err: -111 });
    expect(h.run({ op: 'delete', path: '/full/kid', version: 3 })).toEqual({ type: 'error', err: -103 });
  });

  it('a failed multi applies nothing and leaves no trace in the pending overlay', () => {
    const h = harness();
    h.run(create('/m'));
    const failed = h.prepare({
      op: 'multi',
      ops: [create('/m/s-', 2), { op: 'setData', path: '/m', data: Buffer.from('z'), version: -1 }, { op: 'check', path: '/m', version: 9 }, create('/m/z')],
    });
    expect(failed.op).toEqual({
      type: 'multi',
      ops: [
        { type: 'error', err: 0 },
        { type: 'error', err: 0 },
        { type: 'error', err: -103 },
        { type: 'error', err: -2 },
      ],
    });
    const next = h.prepare(create('/m/s-', 2));
    expect(next.op).toMatchObject({ path: '/m/s-0000000000' });
    expect(h.commit(failed)).toEqual({ type: 'multi', results: [{ type: 'error', err: 0 }, { type: 'error', err: 0 }, { type: 'error', err: -103 }, { type: 'error', err: -2 }] });
    h.commit(next);
    expect(h.state.tree.get('/m')!.version).toBe(0);
  });

  it('a multi sees its own earlier ops and applies under one zxid', () => {
    const h = harness();
    const r = h.run({ op: 'multi', ops: [create('/n'), create('/n/c'), { op: 'setData', path: '/n', data: null, version: 0 }, { op: 'delete', path: '/n/c', version: 0 }] });
    expect(r.type).toBe('multi');
    const n = h.state.tree.get('/n')!;
    expect(n.czxid).toBe(n.mzxid);
    expect(n.version).toBe(1);
    expect(clientStat(n).cversion).toBe(2);
  });

  it('closeSession deletes the session ephemerals, pending ones included, in one txn', () => {
    const h = harness();
    h.run(create('/s'));
    h.run(create('/s/a', 1));
    h.prepare(create('/s/b', 3)); // prepared, not yet applied
    h.prepare({ op: 'closeSession' }, who(6n)); // another session: unaffected
    const close = h.prepare({ op: 'closeSession' });
    expect(close.op).toEqual({ type: 'closeSession', paths: ['/s/a', '/s/b0000000001'] });
  });

  it('deleteContainer only removes empty containers and TTL nodes', () => {
    const h = harness();
    h.run({ op: 'create', path: '/c', data: null, acl, flags: 4, ttl: -1n });
    expect(h.state.tree.get('/c')!.ephemeralOwner).toBe(CONTAINER_OWNER);
    expect(clientStat(h.state.tree.get('/c')!).ephemeralOwner).toBe(0n);
    h.run(create('/c/kid'));
    expect(h.run({ op: 'deleteContainer', path: '/c' })).toEqual({ type: 'error', err: -111 });
    h.run(create('/plain'));
    expect(h.run({ op: 'deleteContainer', path: '/plain' })).toEqual({ type: 'error', err: -103 });
  });
});

describe('apply', () => {
  it('is deterministic: the same txns give byte-identical snapshots', () => {
    const a = harness();
    const txns: Txn[] = [];
    const reqs: WriteRequest[] = [
      create('/d'),
      create('/d/s-', 2),
      create('/d/e', 1),
      { op: 'setData', path: '/d', data: Buffer.from('x'), version: 0 },
      { op: 'multi', ops: [create('/d/m'), { op: 'delete', path: '/d/m', version: -1 }] },
      { op: 'createSession', timeoutMs: 4000, passwd: Buffer.alloc(16, 1) },
      { op: 'closeSession' },
    ];
    for (const r of reqs) {
      const t = a.prepare(r);
      txns.push(t);
      a.commit(t);
    }
    const b: CoordState = { tree: new DataTree(), sessions: new Map(), lastZxid: 0n };
    for (const t of txns) apply(b, t);
    expect(serializeSnapshot(b).equals(serializeSnapshot(a.state))).toBe(true);
    expect(a.state.tree.get('/d/e')).toBeUndefined();
  });

  it('keeps pzxid and cversion as ZooKeeper serves them', () => {
    const h = harness();
    h.run(create('/q'));
    h.run(create('/q/a'));
    h.run(create('/q/b'));
    h.run({ op: 'delete', path: '/q/a', version: -1 });
    const st = clientStat(h.state.tree.get('/q')!);
    expect(st).toMatchObject({ numChildren: 1, cversion: 3, pzxid: 4n, czxid: 1n, mzxid: 1n });
    const root = clientStat(h.state.tree.get('/')!);
    expect(root.cversion).toBe(2 * 1 - 2); // one create counted, /zookeeper built in
  });
});
