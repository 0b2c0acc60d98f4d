/**
 * `cons` connection lines with ZooKeeper's integer latencies, and the
 * `wchc` and `wchp` four-letter words in ZooKeeper 3.8's layout: the
 * data/exist watch table by session ("0x<id>\n\t<path>\n") and by path
 * ("<path>\n\t0x<id>\n"), then an empty line. Child watches are not listed,
 * as in ZooKeeper (DataTree.dumpWatches dumps the data table only).
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, closeClient, connectClient, startZk, type InProcessZk, type ZkClient } from './zk-helpers.js';

let zk: InProcessZk;
let a: ZkClient;
let b: ZkClient;

beforeAll(async () => {
  zk = await startZk();
  a = await connectClient(zk.port);
  b = await connectClient(zk.port);
});
afterAll(async () => {
  await closeClient(a);
  await closeClient(b);
  await zk.close();
});

function fourLetter(word: string): Promise<string> {
  return new Promise((res, rej) => {
    const s = connect(zk.port, '127.0.0.1');
    let out = '';
    s.on('connect', () => s.write(word));
    s.on('data', (d) => (out += d.toString()));
    s.on('error', rej);
    s.on('close', () => res(out));
  });
}

const hex = (c: ZkClient): string => `0x${c.getSessionId().toString('hex').replace(/^0+/, '')}`;
const noop = (): void => undefined;

describe('wchc / wchp', () => {
  it('print only an empty line without watches', async () => {
    expect(await fourLetter('wchc')).toBe('\n');
    expect(await fourLetter('wchp')).toBe('\n');
  });

  it('list data and exist watches by session and by path, not child watches', async () => {
    await call((cb) => a.create('/w1', cb));
    await call((cb) => a.getData('/w1', noop, cb));
    await call((cb) => a.exists('/missing', noop, cb));
    await call((cb) => b.getData('/w1', noop, cb));
    await call((cb) => b.getChildren('/w1', noop, cb));

    const byPath = await fourLetter('wchp');
    expect(byPath.endsWith('\n\n')).toBe(true);
    const blocks = new Map<string, string[]>();
    let cur: string[] = [];
    for (const line of byPath.trimEnd().split('\n')) {
      if (line.startsWith('\t')) cur.push(line.slice(1));
      else blocks.set(line, (cur = []));
    }
    expect([...blocks.keys()].sort()).toEqual(['/missing', '/w1']);
    expect(blocks.get('/w1')!.sort()).toEqual([hex(a), hex(b)].sort());
    expect(blocks.get('/missing')).toEqual([hex(a)]);

    const bySession = await fourLetter('wchc');
    expect(bySession).toContain(`${hex(a)}\n`);
    const aBlock = bySession.split(`${hex(a)}\n`)[1]!.split(/\n(?!\t)/)[0]!;
    expect(aBlock.split('\n').map((l) => l.replace('\t', '')).sort()).toEqual(['/missing', '/w1']);
    const bBlock = bySession.split(`${hex(b)}\n`)[1]!.split(/\n(?!\t)/)[0]!;
    expect(bBlock).toBe('\t/w1');

    // a fired one-shot watch is gone from the dump
    await call((cb) => a.setData('/w1', Buffer.from('x'), -1, cb));
    await call((cb) => a.exists('/w1', cb));
    expect(await fourLetter('wchp')).toBe(`/missing\n\t${hex(a)}\n\n`);
  });
});

describe('cons', () => {
  it('prints per-connection latencies as whole numbers, as ZooKeeper (a Java long) does', async () => {
    for (let i = 0; i < 20; i++) await call((cb) => a.exists('/', cb));
    const line = (await fourLetter('cons')).split('\n').find((l) => l.includes(`sid=${hex(a)}`));
    expect(line).toBeDefined();
    expect(line).toMatch(/,llat=\d+,minlat=\d+,avglat=\d+,maxlat=\d+\)$/);
    expect(line).toMatch(/^ \/127\.0\.0\.1:\d+\[1\]\(queued=0,recved=\d+,sent=\d+,sid=0x[0-9a-f]+,lop=\w+,est=\d+,to=\d+,lcxid=0x[0-9a-f]+,lzxid=0x[0-9a-f]+,lresp=\d+,/);
  });
});
