/**
 * node-zookeeper-client against Gale at the edges the main suite does not
 * walk: multi with failing and dependent ops, data at the jute.maxbuffer
 * limit, deep paths, non-ASCII names, 10 000 children, many watchers of one
 * node, and the order of watch events under concurrent writers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import zookeeper from 'node-zookeeper-client';
import { call, closeClient, codeOf, connectClient, startZk, type InProcessZk, type ZkClient } from './zk-helpers.js';

const b = (s: string): Buffer => Buffer.from(s);
const { CreateMode } = zookeeper;

let zk: InProcessZk;
let c: ZkClient;

beforeAll(async () => {
  zk = await startZk();
  c = await connectClient(zk.port);
});

afterAll(async () => {
  await closeClient(c);
  await zk.close();
});

interface OpResult {
  type: number;
  err?: number;
  path?: string;
}

describe('multi', () => {
  it('later ops see earlier ops of the same multi (create parent then child, set twice by version)', async () => {
    const [results] = await call<[OpResult[]]>((cb) =>
      c
        .transaction()
        .create('/dep', b('p'))
        .create('/dep/child', b('c'))
        .setData('/dep', b('v1'), 0)
        .setData('/dep', b('v2'), 1)
        .check('/dep', 2)
        .remove('/dep/child', 0)
        .commit(cb),
    );
    expect(results.map((r) => r.type)).toEqual([1, 1, 5, 5, 13, 2]);
    const [data, stat] = await call<[Buffer, zookeeper.Stat]>((cb) => c.getData('/dep', cb));
    expect(data.toString()).toBe('v2');
    expect(stat.version).toBe(2);
    expect(stat.numChildren).toBe(0);
    expect(stat.cversion).toBe(2);
  });

  it('a failing op rolls back earlier ones; the failing op and the rest carry their own codes', async () => {
    await call((cb) => c.create('/ne', cb));
    await call((cb) => c.create('/ne/kid', cb));
    await call((cb) => c.create('/eph', Buffer.alloc(0), CreateMode.EPHEMERAL, cb));
    const attempts: [string, (t: zookeeper.Transaction) => zookeeper.Transaction, number][] = [
      ['delete a non-empty node', (t) => t.create('/r1').remove('/ne'), -111],
      ['create under an ephemeral', (t) => t.create('/r1').create('/eph/x'), -108],
      ['create an existing node', (t) => t.create('/r1').create('/ne'), -110],
      ['create without a parent', (t) => t.create('/r1').create('/none/x'), -101],
      ['delete with a wrong version', (t) => t.create('/r1').remove('/ne/kid', 5), -103],
      ['delete a child then its parent twice', (t) => t.remove('/ne/kid').remove('/ne').remove('/ne'), -101],
    ];
    for (const [what, build, code] of attempts) {
      const err = await new Promise<{ getCode(): number } | null>((res) =>
        build(c.transaction()).commit((e) => res(e as { getCode(): number } | null)),
      );
      expect(err?.getCode(), what).toBe(code);
      const [st] = await call<[zookeeper.Stat | null]>((cb) => c.exists('/r1', cb));
      expect(st, what).toBeNull();
      const [kids] = await call<[string[]]>((cb) => c.getChildren('/ne', cb));
      expect(kids, what).toEqual(['kid']);
    }
  });

  it('an empty multi succeeds with no results', async () => {
    const [results] = await call<[OpResult[]]>((cb) => c.transaction().commit(cb));
    expect(results).toEqual([]);
  });
});

describe('sizes and names', () => {
  it('stores and returns data just under jute.maxbuffer byte for byte', async () => {
    const data = Buffer.alloc(1_048_575 - 1024);
    for (let i = 0; i < data.length; i++) data[i] = (i * 31 + 7) & 0xff;
    await call((cb) => c.create('/big', data, cb));
    const [got, stat] = await call<[Buffer, zookeeper.Stat]>((cb) => c.getData('/big', cb));
    expect(stat.dataLength).toBe(data.length);
    expect(got.equals(data)).toBe(true);
    const [, stat2] = await call<[zookeeper.Stat]>((cb) => c.setData('/big', data.subarray(0, 10), -1, cb)).then(
      async () => call<[Buffer, zookeeper.Stat]>((cb) => c.getData('/big', cb)),
    );
    expect(stat2.dataLength).toBe(10);
  });

  it('creates, lists and deletes a 300-level deep path', async () => {
    const parts = Array.from({ length: 300 }, (_, i) => `d${i}`);
    const deep = `/deep/${parts.join('/')}`;
    await call((cb) => c.mkdirp(deep, b('bottom'), cb));
    const [data] = await call<[Buffer]>((cb) => c.getData(deep, cb));
    expect(data.toString()).toBe('bottom');
    const [kids] = await call<[string[]]>((cb) => c.getChildren(deep.slice(0, deep.lastIndexOf('/')), cb));
    expect(kids).toEqual(['d299']);
    // node-zookeeper-client's listSubTreeBFS only walks two levels (also against ZooKeeper), so delete bottom-up by hand
    for (let i = parts.length; i >= 0; i--) await call((cb) => c.remove(`/deep/${parts.slice(0, i).join('/')}`.replace(/\/$/, ''), cb));
    const [st] = await call<[zookeeper.Stat | null]>((cb) => c.exists('/deep', cb));
    expect(st).toBeNull();
  });

  it('keeps non-ASCII names intact and refuses the characters ZooKeeper refuses', async () => {
    const names = ['ünïcödé', '日本語', 'ελληνικά', 'a b', 'x\u00e9\u0301'];
    await call((cb) => c.create('/uni', cb));
    for (const n of names) await call((cb) => c.create(`/uni/${n}`, b(n), cb));
    const [kids] = await call<[string[]]>((cb) => c.getChildren('/uni', cb));
    expect([...kids].sort()).toEqual([...names].sort());
    for (const n of names) {
      const [data] = await call<[Buffer]>((cb) => c.getData(`/uni/${n}`, cb));
      expect(data.toString()).toBe(n);
    }
    // surrogate pairs (emoji), C0/C1 controls and the U+FFF0.. specials are BADARGUMENTS in ZooKeeper
    for (const bad of ['/uni/\u{1F600}', '/uni/a\u0001', '/uni/\u0085', '/uni/\ufff5']) {
      expect(await codeOf(call((cb) => c.create(bad, cb))), JSON.stringify(bad)).toBe(-8);
    }
  });

  it('lists 10 000 children in one getChildren', async () => {
    await call((cb) => c.create('/many', cb));
    const n = 10_000;
    await Promise.all(
      Array.from({ length: n }, (_, i) => call((cb) => c.create(`/many/n${String(i).padStart(5, '0')}`, cb))),
    );
    const [kids, stat] = await call<[string[], zookeeper.Stat]>((cb) => c.getChildren('/many', cb));
    expect(kids.length).toBe(n);
    expect(new Set(kids).size).toBe(n);
    expect(stat.numChildren).toBe(n);
    expect(stat.cversion).toBe(n);
    await Promise.all(kids.map((k) => call((cb) => c.remove(`/many/${k}`, cb))));
    await call((cb) => c.remove('/many', cb));
  });
});

describe('special nodes', () => {
  it('/zookeeper/config reads aclVersion -1 as in ZooKeeper (its ACL is set with version -1 at startup)', async () => {
    const [, stat] = await call<[Buffer, zookeeper.Stat]>((cb) => c.getData('/zookeeper/config', cb));
    expect(stat.aversion).toBe(-1);
    expect(stat.version).toBe(0);
    expect(await codeOf(call((cb) => c.setData('/zookeeper/config', b('x'), -1, cb)))).toBe(-102);
    expect(await codeOf(call((cb) => c.remove('/zookeeper/config', -1, cb)))).toBe(-8);
  });
});

describe('watches', () => {
  it('many watchers of one node from one session and from many sessions each get one event', async () => {
    await call((cb) => c.create('/hot', b('0'), cb));
    let own = 0;
    await Promise.all(
      Array.from({ length: 200 }, () =>
        call((cb) =>
          c.getData(
            '/hot',
            () => {
              own++;
            },
            cb,
          ),
        ),
      ),
    );
    const others = await Promise.all(Array.from({ length: 20 }, () => connectClient(zk.port)));
    try {
      const seen = others.map(() => [] as string[]);
      await Promise.all(
        others.map((o, i) =>
          call((cb) =>
            o.exists(
              '/hot',
              (e) => {
                seen[i]!.push(e.getName());
              },
              cb,
            ),
          ),
        ),
      );
      await call((cb) => c.setData('/hot', b('1'), -1, cb));
      // a later read on every session is answered after its event
      await Promise.all(others.map((o) => call((cb) => o.exists('/hot', cb))));
      await call((cb) => c.exists('/hot', cb));
      expect(seen.map((s) => s.join(','))).toEqual(others.map(() => 'NODE_DATA_CHANGED'));
      // node-zookeeper-client calls every registered callback of the one server-side watch
      expect(own).toBe(200);
      await call((cb) => c.setData('/hot', b('2'), -1, cb));
      await call((cb) => c.exists('/hot', cb));
      expect(own).toBe(200);
    } finally {
      await Promise.all(others.map((o) => closeClient(o)));
    }
  });

  it('a watcher re-arming on every event sees versions only increase under concurrent writers', async () => {
    await call((cb) => c.create('/race', b('0'), cb));
    const writers = await Promise.all(Array.from({ length: 4 }, () => connectClient(zk.port)));
    const versions: number[] = [];
    const watcher = await connectClient(zk.port);
    try {
      const arm = (): void => {
        watcher.getData(
          '/race',
          () => arm(),
          (err, _data, stat) => {
            if (!err && stat) versions.push(stat.version);
          },
        );
      };
      arm();
      const perWriter = 50;
      await Promise.all(
        writers.map((w, i) =>
          (async () => {
            for (let k = 0; k < perWriter; k++) await call((cb) => w.setData('/race', b(`${i}:${k}`), -1, cb));
          })(),
        ),
      );
      const total = writers.length * perWriter;
      const end = Date.now() + 10_000;
      while (versions.at(-1) !== total && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
      expect(versions.at(-1)).toBe(total);
      for (let i = 1; i < versions.length; i++) expect(versions[i]!).toBeGreaterThan(versions[i - 1]!);
    } finally {
      await Promise.all([...writers, watcher].map((w) => closeClient(w)));
    }
  });
});
