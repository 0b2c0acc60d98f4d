/**
 * node-zookeeper-client 1.1.3, unmodified, against Gale's ZooKeeper server:
 * every operation it offers, watches of each kind, ephemerals on close and
 * on expiry, reconnects, sequential names under concurrency, transactions,
 * ACL refusals, and data and ephemerals across a restart.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import zookeeper from 'node-zookeeper-client';
import {
  call,
  closeClient,
  codeOf,
  connectClient,
  int64,
  Proxy,
  startZk,
  waitFor,
  type InProcessZk,
  type ZkClient,
} from './zk-helpers.js';

const { CreateMode, Exception, ACL, Id, Permission } = zookeeper;
const sha1 = (s: string): string => createHash('sha1').update(s).digest('base64');
// parts of node-zookeeper-client 1.1.3 that its @types package leaves out
const OPEN = (zookeeper.ACL as unknown as { OPEN_ACL_UNSAFE: zookeeper.ACL[] }).OPEN_ACL_UNSAFE;
type Cb = (err: unknown, ...rest: never[]) => void;
interface Extras {
  listSubTreeBFS(path: string, cb: Cb): void;
  removeRecursive(path: string, version: number, cb: Cb): void;
}
const extras = (cl: ZkClient): Extras => cl as unknown as Extras;
const perms = (a: zookeeper.ACL): number => (a as unknown as { permission: number }).permission;
const b = (s: string): Buffer => Buffer.from(s);

let zk: InProcessZk;
let c: ZkClient;

beforeAll(async () => {
  zk = await startZk({ fsync: false, tickTimeMs: 100, minSessionTimeoutMs: 300 });
  c = await connectClient(zk.port);
});
afterAll(async () => {
  await closeClient(c);
  await zk.close();
});

describe('znodes and their Stat', () => {
  it('creates, reads, updates and deletes with exact Stat fields and conditional versions', async () => {
    const [path] = await call<[string]>((cb) => c.create('/s', b('one'), cb));
    expect(path).toBe('/s');
    const [data, stat] = await call<[Buffer, zookeeper.Stat]>((cb) => c.getData('/s', cb));
    expect(data.toString()).toBe('one');
    expect(stat.version).toBe(0);
    expect(stat.dataLength).toBe(3);
    expect(int64(stat.mzxid)).toBe(int64(stat.czxid));
    expect(int64(stat.pzxid)).toBe(int64(stat.czxid));
    expect(int64(stat.ephemeralOwner)).toBe(0n);
    expect(int64(stat.ctime)).toBe(int64(stat.mtime));

    const [stat2] = await call<[zookeeper.Stat]>((cb) => c.setData('/s', b('two!'), 0, cb));
    expect(stat2.version).toBe(1);
    expect(stat2.dataLength).toBe(4);
    expect(int64(stat2.mzxid)).toBeGreaterThan(int64(stat.czxid));
    expect(int64(stat2.czxid)).toBe(int64(stat.czxid));
    expect(await codeOf(call((cb) => c.setData('/s', b('x'), 0, cb)))).toBe(Exception.BAD_VERSION);

    await call((cb) => c.create('/s/c1', cb));
    await call((cb) => c.create('/s/c2', cb));
    await call((cb) => c.remove('/s/c1', -1, cb));
    const [, parent] = await call<[Buffer, zookeeper.Stat]>((cb) => c.getData('/s', cb));
    expect(parent.numChildren).toBe(1);
    // cversion counts child creates and deletes
    expect(parent.cversion).toBe(3);
    expect(int64(parent.pzxid)).toBeGreaterThan(int64(parent.mzxid));

    expect(await codeOf(call((cb) => c.remove('/s', -1, cb)))).toBe(Exception.NOT_EMPTY);
    expect(await codeOf(call((cb) => c.create('/s', cb)))).toBe(Exception.NODE_EXISTS);
    expect(await codeOf(call((cb) => c.create('/missing/child', cb)))).toBe(Exception.NO_NODE);
    expect(await codeOf(call((cb) => c.getData('/nope', cb)))).toBe(Exception.NO_NODE);
    expect(await codeOf(call((cb) => c.remove('/s/c2', 5, cb)))).toBe(Exception.BAD_VERSION);
    await call((cb) => c.remove('/s/c2', 0, cb));
    const [missing] = await call<[zookeeper.Stat | null]>((cb) => c.exists('/s/c2', cb));
    expect(missing).toBeNull();
  });

  it('a fresh tree has /zookeeper with quota and config, and / lists it', async () => {
    const [children] = await call<[string[]]>((cb) => c.getChildren('/zookeeper', cb));
    expect(children.sort()).toEqual(['config', 'quota']);
    const [acls] = await call<[zookeeper.ACL[]]>((cb) => c.getACL('/zookeeper/config', cb));
    expect(acls.map((a) => [perms(a), a.id.scheme, a.id.id])).toEqual([[Permission.READ, 'world', 'anyone']]);
  });

  it('mkdirp, listSubTreeBFS and removeRecursive', async () => {
    await call((cb) => c.mkdirp('/deep/a/b/c', b('leaf'), cb));
    await call((cb) => c.mkdirp('/deep/a/x', cb));
    const [tree] = await call<[string[]]>((cb) => extras(c).listSubTreeBFS('/deep', cb));
    // this client version's BFS stops after the first level (its async.reduce does not see the growing list);
    // what it lists must still be the real nodes
    expect(tree.slice(0, 2)).toEqual(['/deep', '/deep/a']);
    const [kids] = await call<[string[]]>((cb) => c.getChildren('/deep/a', cb));
    expect(kids.sort()).toEqual(['b', 'x']);
    expect((await call<[Buffer]>((cb) => c.getData('/deep/a/b/c', cb)))[0].toString()).toBe('leaf');
    // removeRecursive walks with listSubTreeBFS, so it can only clear one level with this client
    await call((cb) => c.mkdirp('/flat/a', cb));
    await call((cb) => c.mkdirp('/flat/b', cb));
    await call((cb) => extras(c).removeRecursive('/flat', -1, cb));
    expect((await call<[unknown]>((cb) => c.exists('/flat', cb)))[0]).toBeNull();
  });

  it('keeps null data distinct from empty data, and refuses data over jute.maxbuffer', async () => {
    await call((cb) => c.create('/empty', cb));
    const [, stat] = await call<[Buffer, zookeeper.Stat]>((cb) => c.getData('/empty', cb));
    expect(stat.dataLength).toBe(0);
    const errors: string[] = [];
    const big = await connectClient(zk.port);
    big.on('disconnected', () => errors.push('disconnected'));
    // one byte over the limit cannot even be framed: the server closes that connection only
    const code = await codeOf(call((cb) => big.create('/big', Buffer.alloc(0xfffff + 1), cb)));
    expect(code).toBe(Exception.CONNECTION_LOSS);
    expect((await call<[unknown]>((cb) => c.exists('/big', cb)))[0]).toBeNull();
    await closeClient(big);
  });
});

describe('sequential nodes', () => {
  it('take their 10-digit suffix from the parent cversion (creates, not deletes)', async () => {
    await call((cb) => c.create('/seq', cb));
    await call((cb) => c.create('/seq/a', cb));
    await call((cb) => c.create('/seq/b', cb));
    const [p] = await call<[string]>((cb) => c.create('/seq/c-', CreateMode.PERSISTENT_SEQUENTIAL, cb));
    expect(p).toBe('/seq/c-0000000002');
    await call((cb) => c.remove(p, -1, cb));
    const [q] = await call<[string]>((cb) => c.create('/seq/c-', CreateMode.PERSISTENT_SEQUENTIAL, cb));
    expect(q).toBe('/seq/c-0000000003');
  });

  it('are unique and gap-free under concurrent creates from many sessions', async () => {
    await call((cb) => c.create('/race', cb));
    const clients = await Promise.all([1, 2, 3, 4].map(() => connectClient(zk.port)));
    try {
      const created = await Promise.all(
        clients.flatMap((cl) =>
          Array.from({ length: 25 }, () =>
            call<[string]>((cb) => cl.create('/race/n-', b('x'), CreateMode.EPHEMERAL_SEQUENTIAL, cb)).then(([x]) => x),
          ),
        ),
      );
      expect(new Set(created).size).toBe(100);
      const suffixes = created.map((x) => Number(x.slice(-10))).sort((m, n) => m - n);
      expect(suffixes).toEqual(Array.from({ length: 100 }, (_, i) => i));
    } finally {
      await Promise.all(clients.map(closeClient));
    }
    const [left] = await call<[string[]]>((cb) => c.getChildren('/race', cb));
    expect(left).toEqual([]);
  });
});

describe('transactions', () => {
  it('apply all ops under one zxid', async () => {
    const [results] = await call<[{ type: number; path?: string }[]]>((cb) =>
      c.transaction().create('/tx').create('/tx/a', b('1')).check('/tx', 0).setData('/tx', b('d')).remove('/tx/a').commit(cb),
    );
    expect(results.map((r) => r.type)).toEqual([1, 1, 13, 5, 2]);
    const [data, stat] = await call<[Buffer, zookeeper.Stat]>((cb) => c.getData('/tx', cb));
    expect(data.toString()).toBe('d');
    expect(int64(stat.czxid)).toBe(int64(stat.mzxid));
    expect(int64(stat.pzxid)).toBe(int64(stat.czxid));
  });

  it('apply nothing when one op fails, and report the first failure', async () => {
    const before = (await call<[Buffer, zookeeper.Stat]>((cb) => c.getData('/tx', cb)))[1];
    const code = await codeOf(
      call((cb) => c.transaction().create('/tx/new').setData('/tx', b('changed')).check('/tx', 99).create('/tx/z').commit(cb)),
    );
    expect(code).toBe(Exception.BAD_VERSION);
    const [data, after] = await call<[Buffer, zookeeper.Stat]>((cb) => c.getData('/tx', cb));
    expect(data.toString()).toBe('d');
    expect(after.version).toBe(before.version);
    expect((await call<[unknown]>((cb) => c.exists('/tx/new', cb)))[0]).toBeNull();
    // a failed multi does not leave a sequence number behind either
    const [seq] = await call<[string]>((cb) => c.create('/tx/s-', CreateMode.PERSISTENT_SEQUENTIAL, cb));
    expect(seq).toBe('/tx/s-0000000001');
  });
});

describe('watches', () => {
  it('data, exist and child watches fire once each, as ZooKeeper defines them', async () => {
    const seen: string[] = [];
    const w = (tag: string) => (e: zookeeper.Event) => seen.push(`${tag}:${e.getName()}:${e.getPath()}`);
    await call((cb) => c.create('/w', b('0'), cb));
    await call((cb) => c.getData('/w', w('data'), cb));
    await call((cb) => c.exists('/w/kid', w('exist'), cb));
    await call((cb) => c.getChildren('/w', w('child'), cb));
    await call((cb) => c.setData('/w', b('1'), cb));
    await call((cb) => c.setData('/w', b('2'), cb)); // one-shot: no second data event
    await call((cb) => c.create('/w/kid', cb));
    await waitFor(() => seen.length >= 3, 'three events');
    expect(seen).toEqual(['data:NODE_DATA_CHANGED:/w', 'exist:NODE_CREATED:/w/kid', 'child:NODE_CHILDREN_CHANGED:/w']);

    seen.length = 0;
    await call((cb) => c.exists('/w/kid', w('exist2'), cb));
    await call((cb) => c.getData('/w/kid', w('data2'), cb));
    await call((cb) => c.getChildren('/w', w('child2'), cb));
    await call((cb) => c.remove('/w/kid', -1, cb));
    await waitFor(() => seen.length >= 3, 'delete events');
    // the server sends one NodeDeleted per session; this client fans it out to both of its watcher functions
    expect(seen.sort()).toEqual(['child2:NODE_CHILDREN_CHANGED:/w', 'data2:NODE_DELETED:/w/kid', 'exist2:NODE_DELETED:/w/kid']);
  });

  it('an event reaches a watcher before any later response that reflects the change', async () => {
    const other = await connectClient(zk.port);
    try {
      await call((cb) => c.create('/order', b('old'), cb));
      const log: string[] = [];
      await call((cb) => other.getData('/order', () => log.push('event'), cb));
      const write = call((cb) => c.setData('/order', b('new'), cb));
      let sawNew = false;
      while (!sawNew) {
        const [d] = await call<[Buffer]>((cb) => other.getData('/order', cb));
        sawNew = d.toString() === 'new';
        log.push(sawNew ? 'read-new' : 'read-old');
      }
      await write;
      expect(log.indexOf('event')).toBeGreaterThanOrEqual(0);
      expect(log.indexOf('event')).toBeLessThan(log.indexOf('read-new'));
    } finally {
      await closeClient(other);
    }
  });

  it('NodeDeleted reaches data and child watchers of a deleted node', async () => {
    const other = await connectClient(zk.port);
    try {
      await call((cb) => c.create('/del', cb));
      const got: string[] = [];
      await call((cb) => other.getChildren('/del', (e) => got.push(`child:${e.getName()}`), cb));
      await call((cb) => c.getData('/del', (e) => got.push(`data:${e.getName()}`), cb));
      await call((cb) => c.remove('/del', -1, cb));
      await waitFor(() => got.length === 2, 'two NodeDeleted events');
      expect(got.sort()).toEqual(['child:NODE_DELETED', 'data:NODE_DELETED']);
    } finally {
      await closeClient(other);
    }
  });
});

describe('ACLs', () => {
  it('digest ACLs refuse other sessions and admit the authenticated one', async () => {
    const owner = await connectClient(zk.port);
    const stranger = await connectClient(zk.port);
    try {
      owner.addAuthInfo('digest', b('alice:secret'));
      const alice = new Id('digest', `alice:${sha1('alice:secret')}`);
      await call((cb) => owner.create('/acl', b('top'), [new ACL(Permission.ALL, alice), new ACL(Permission.READ, new Id('world', 'anyone'))], cb));
      await call((cb) => owner.create('/acl/private', b('p'), [new ACL(Permission.ALL, new Id('auth', ''))], cb));

      expect((await call<[Buffer]>((cb) => stranger.getData('/acl', cb)))[0].toString()).toBe('top');
      expect(await codeOf(call((cb) => stranger.setData('/acl', b('x'), cb)))).toBe(Exception.NO_AUTH);
      expect(await codeOf(call((cb) => stranger.create('/acl/kid', cb)))).toBe(Exception.NO_AUTH);
      expect(await codeOf(call((cb) => stranger.remove('/acl/private', -1, cb)))).toBe(Exception.NO_AUTH);
      expect(await codeOf(call((cb) => stranger.getData('/acl/private', cb)))).toBe(Exception.NO_AUTH);
      expect(await codeOf(call((cb) => stranger.setACL('/acl', OPEN, cb)))).toBe(Exception.NO_AUTH);
      // READ without ADMIN: digests are shown redacted
      const [shown] = await call<[zookeeper.ACL[]]>((cb) => stranger.getACL('/acl', cb));
      expect(shown.map((a) => a.id.id)).toContain('alice:x');
      const [full] = await call<[zookeeper.ACL[], zookeeper.Stat]>((cb) => owner.getACL('/acl/private', cb));
      expect(full.map((a) => `${a.id.scheme}:${a.id.id}`)).toEqual([`digest:${alice.id}`]);

      expect((await call<[Buffer]>((cb) => owner.getData('/acl/private', cb)))[0].toString()).toBe('p');
      const [st] = await call<[zookeeper.Stat]>((cb) => owner.setACL('/acl/private', OPEN, 0, cb));
      expect(st.aversion).toBe(1);
      expect((await call<[Buffer]>((cb) => stranger.getData('/acl/private', cb)))[0].toString()).toBe('p');
      expect(await codeOf(call((cb) => owner.setACL('/acl/private', OPEN, 0, cb)))).toBe(Exception.BAD_VERSION);

      stranger.addAuthInfo('digest', b('alice:secret'));
      await call((cb) => stranger.setData('/acl', b('now allowed'), cb));
    } finally {
      await closeClient(owner);
      await closeClient(stranger);
    }
  });

  it('refuses malformed ACLs with INVALIDACL and the auth scheme without an authenticated id', async () => {
    expect(await codeOf(call((cb) => c.create('/bad', b(''), [new ACL(31, new Id('digest', 'no-colon'))], cb)))).toBe(
      Exception.INVALID_ACL,
    );
    expect(await codeOf(call((cb) => c.create('/bad', b(''), [new ACL(31, new Id('ip', '300.1.1.1'))], cb)))).toBe(
      Exception.INVALID_ACL,
    );
    expect(await codeOf(call((cb) => c.create('/bad', b(''), [new ACL(31, new Id('auth', ''))], cb)))).toBe(
      Exception.INVALID_ACL,
    );
    await call((cb) => c.create('/ipacl', b(''), [new ACL(31, new Id('ip', '127.0.0.0/8'))], cb));
    await call((cb) => c.getData('/ipacl', cb));
    await call((cb) => c.create('/ipdeny', b(''), [new ACL(31, new Id('ip', '10.0.0.1'))], cb));
    expect(await codeOf(call((cb) => c.getData('/ipdeny', cb)))).toBe(Exception.NO_AUTH);
  });

  it('an unknown auth scheme fails authentication and closes that connection', async () => {
    const bad = await connectClient(zk.port);
    const states: string[] = [];
    bad.on('state', (s: zookeeper.State) => states.push(s.name));
    bad.addAuthInfo('kerberos', b('x'));
    await waitFor(() => states.includes('AUTH_FAILED'), 'AUTH_FAILED state');
    bad.close();
    await call((cb) => c.exists('/', cb));
  });
});

describe('sessions', () => {
  it('closing a session deletes its ephemerals and fires their watches', async () => {
    const owner = await connectClient(zk.port);
    const [p] = await call<[string]>((cb) => owner.create('/eph-close', b(''), CreateMode.EPHEMERAL, cb));
    const [stat] = await call<[zookeeper.Stat]>((cb) => c.exists(p, cb));
    expect(int64(stat.ephemeralOwner)).toBe(owner.getSessionId().readBigInt64BE(0));
    expect(await codeOf(call((cb) => owner.create('/eph-close/kid', cb)))).toBe(Exception.NO_CHILDREN_FOR_EPHEMERALS);
    const events: string[] = [];
    await call((cb) => c.exists(p, (e) => events.push(e.getName()), cb));
    await closeClient(owner);
    await waitFor(() => events.length === 1, 'NodeDeleted');
    expect(events).toEqual(['NODE_DELETED']);
  });

  it('expiry deletes ephemerals, fires watches, and the client is told its session expired', async () => {
    const proxy = new Proxy(zk.port);
    await proxy.start();
    const owner = await connectClient(proxy.port, { sessionTimeout: 300 });
    try {
      expect(owner.getSessionTimeout()).toBe(300);
      await call((cb) => owner.create('/eph-exp', b(''), CreateMode.EPHEMERAL, cb));
      const events: string[] = [];
      await call((cb) => c.exists('/eph-exp', (e) => events.push(e.getName()), cb));
      const expired = new Promise<void>((res) => owner.once('expired', () => res()));
      proxy.cut();
      await waitFor(() => events.length === 1, 'NodeDeleted after expiry');
      expect(events).toEqual(['NODE_DELETED']);
      proxy.restore();
      await expired;
    } finally {
      owner.close();
      await proxy.close();
    }
  });

  it('a dropped TCP connection reconnects into the same session with its ephemerals and watches', async () => {
    const proxy = new Proxy(zk.port);
    await proxy.start();
    const owner = await connectClient(proxy.port, { sessionTimeout: 5000 });
    try {
      const id = owner.getSessionId().toString('hex');
      await call((cb) => owner.create('/reco', b('a'), cb));
      await call((cb) => owner.create('/reco/e', b(''), CreateMode.EPHEMERAL, cb));
      const events: string[] = [];
      await call((cb) => owner.getData('/reco', (e) => events.push(`data:${e.getName()}`), cb));
      await call((cb) => owner.getChildren('/reco', (e) => events.push(`child:${e.getName()}`), cb));
      const reconnected = new Promise<void>((res) => owner.once('connected', () => res()));
      proxy.drop();
      // a change while disconnected is reported on reconnect (setWatches with the last zxid seen)
      await call((cb) => c.setData('/reco', b('b'), cb));
      await reconnected;
      expect(owner.getSessionId().toString('hex')).toBe(id);
      await waitFor(() => events.includes('data:NODE_DATA_CHANGED'), 'replayed data event');
      const [kids] = await call<[string[]]>((cb) => owner.getChildren('/reco', cb));
      expect(kids).toEqual(['e']);
      await call((cb) => c.create('/reco/new', cb));
      await waitFor(() => events.includes('child:NODE_CHILDREN_CHANGED'), 're-registered child watch');
    } finally {
      await closeClient(owner);
      await proxy.close();
    }
  });
});

describe('restart', () => {
  it('keeps data, zxid and live sessions with their ephemerals; expired sessions lose theirs', async () => {
    const keeper = await connectClient(zk.port, { sessionTimeout: 4000 });
    const proxy = new Proxy(zk.port);
    await proxy.start();
    const goner = await connectClient(proxy.port, { sessionTimeout: 300 });
    try {
      await call((cb) => keeper.create('/persist', b('kept'), cb));
      await call((cb) => keeper.create('/persist/eph', b(''), CreateMode.EPHEMERAL, cb));
      await call((cb) => goner.create('/persist/gone', b(''), CreateMode.EPHEMERAL, cb));
      proxy.cut(); // goner never comes back
      const before = zk.store.lastZxid;
      const keeperId = keeper.getSessionId().toString('hex');
      const reconnected = new Promise<void>((res) => keeper.once('connected', () => res()));
      await zk.restart();
      expect(zk.store.lastZxid).toBeGreaterThanOrEqual(before);
      // the keeper's client reconnects to the restarted server on its own, into the same session
      await reconnected;
      expect(keeper.getSessionId().toString('hex')).toBe(keeperId);
      const again = await connectClient(zk.port);
      try {
        const [data] = await call<[Buffer]>((cb) => again.getData('/persist', cb));
        expect(data.toString()).toBe('kept');
        await waitFor(async () => (await call<[unknown]>((cb) => again.exists('/persist/gone', cb)))[0] === null, 'expired ephemeral gone', 5000);
        expect((await call<[unknown]>((cb) => again.exists('/persist/eph', cb)))[0]).not.toBeNull();
      } finally {
        await closeClient(again);
      }
    } finally {
      goner.close();
      await closeClient(keeper);
      await proxy.close();
    }
  });
});
