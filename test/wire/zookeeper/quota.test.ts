/**
 * Quota stats as ZooKeeper keeps them (what zkCli's setquota/listquota rely
 * on): creating /zookeeper/quota<P>/zookeeper_stats counts P's subtree, and
 * every create, delete and setData under P updates "count=N,bytes=M" in
 * place, for the deepest quota'd prefix only, surviving a restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, closeClient, connectClient, startZk, type InProcessZk, type ZkClient } from './zk-helpers.js';
import type zookeeper from 'node-zookeeper-client';

const b = (s: string): Buffer => Buffer.from(s);

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

/** What zkCli's setquota does: the quota path's parents, the limits node, then the stats node. */
async function setQuota(path: string, limits: string): Promise<void> {
  await call((cb) => c.mkdirp(`/zookeeper/quota${path}`, cb));
  await call((cb) => c.create(`/zookeeper/quota${path}/zookeeper_limits`, b(limits), cb));
  await call((cb) => c.create(`/zookeeper/quota${path}/zookeeper_stats`, b('count=0,bytes=0'), cb));
}

async function stats(path: string): Promise<{ text: string; version: number }> {
  const [data, stat] = await call<[Buffer, zookeeper.Stat]>((cb) => c.getData(`/zookeeper/quota${path}/zookeeper_stats`, cb));
  return { text: data.toString(), version: stat.version };
}

describe('quota stats', () => {
  it('count the subtree when set and follow creates, deletes and data changes', async () => {
    await call((cb) => c.create('/q', b('abc'), cb));
    await call((cb) => c.create('/q/x', b('12345'), cb));
    await setQuota('/q', 'count=2,bytes=-1');
    expect((await stats('/q')).text).toBe('count=2,bytes=8');

    await call((cb) => c.create('/q/a', cb));
    await call((cb) => c.create('/q/x/deep', b('zz'), cb));
    await call((cb) => c.setData('/q/x', b('1'), -1, cb));
    expect((await stats('/q')).text).toBe('count=4,bytes=6');

    await call((cb) => c.transaction().create('/q/t', b('tt')).remove('/q/a').setData('/q', b(''), -1).commit(cb));
    const after = await stats('/q');
    expect(after.text).toBe('count=4,bytes=5');
    // updated in place, like ZooKeeper: not a client write
    expect(after.version).toBe(0);

    // nodes outside the quota'd subtree do not count
    await call((cb) => c.create('/qq', b('nope'), cb));
    expect((await stats('/q')).text).toBe('count=4,bytes=5');
  });

  it('keep extra StatsTrack keys and only update the deepest quota', async () => {
    await call((cb) => c.mkdirp('/n/inner', cb));
    await setQuota('/n', 'count=10,bytes=-1');
    await setQuota('/n/inner', 'count=5,bytes=-1');
    expect((await stats('/n')).text).toBe('count=2,bytes=0');
    expect((await stats('/n/inner')).text).toBe('count=1,bytes=0');
    await call((cb) => c.create('/n/inner/k', b('kk'), cb));
    await call((cb) => c.create('/n/other', b('o'), cb));
    expect((await stats('/n/inner')).text).toBe('count=2,bytes=2');
    expect((await stats('/n')).text).toBe('count=3,bytes=1');

    // a stats node written with hard-limit keys keeps them (StatsTrack's format)
    await call((cb) => c.setData('/zookeeper/quota/n/zookeeper_stats', b('count=3,bytes=1=;countHardLimit=-1'), -1, cb));
    await call((cb) => c.create('/n/more', cb));
    expect((await stats('/n')).text).toBe('count=4,bytes=1=;countHardLimit=-1');

    // removing the limits node removes the quota: no more updates
    await call((cb) => c.remove('/zookeeper/quota/n/inner/zookeeper_limits', cb));
    await call((cb) => c.create('/n/inner/after', cb));
    expect((await stats('/n/inner')).text).toBe('count=2,bytes=2');
    expect((await stats('/n')).text).toBe('count=5,bytes=1=;countHardLimit=-1');
  });

  it('are the same after a restart and keep counting', async () => {
    await call((cb) => c.create('/r', cb));
    await setQuota('/r', 'count=9,bytes=-1');
    await call((cb) => c.create('/r/a', b('bb'), cb));
    await closeClient(c);
    await zk.restart();
    c = await connectClient(zk.port);
    expect((await stats('/r')).text).toBe('count=2,bytes=2');
    await call((cb) => c.create('/r/c', b('ccc'), cb));
    expect((await stats('/r')).text).toBe('count=3,bytes=5');
  });
});
