/**
 * The wire protocol in the places the installed clients do not reach: the
 * handshake details (readOnly byte, timeout negotiation, reconnect by id and
 * password, refusals), the Java-client ops (create2, containers, TTL,
 * getAllChildrenNumber, getEphemerals, multiRead, addWatch,
 * removeWatches/checkWatches, setWatches2, whoAmI, sync), raw multi
 * results, event de-duplication, four-letter words and bad input.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPEN_ACL_UNSAFE } from '../../../src/coord/acl.js';
import { ByteWriter } from '../../../src/wire/byte-writer.js';
import { encodeRecord } from '../../../src/zookeeper/jute/codec.js';
import { OpCode } from '../../../src/zookeeper/opcodes.js';
import { RawZk, type Reply } from './raw-client.js';
import { startZk, waitFor, type InProcessZk } from './zk-helpers.js';

const acl = [...OPEN_ACL_UNSAFE];
const data = (s: string): Buffer => Buffer.from(s);
let zk: InProcessZk;
let c: RawZk;

beforeAll(async () => {
  zk = await startZk({ fsync: false, tickTimeMs: 100, containerCheckMs: 50 });
  c = await RawZk.connect(zk.port);
});
afterAll(async () => {
  await c.drop();
  await zk.close();
});

function create(z: RawZk, path: string, flags = 0, type: number = OpCode.create): Promise<Reply> {
  return z.send(type, 'CreateRequest', { path, data: data('d'), acl, flags });
}

function fourLetter(word: string): Promise<string> {
  return new Promise((res) => {
    const s = connect(zk.port, '127.0.0.1');
    let out = '';
    s.on('connect', () => s.write(word));
    s.on('data', (d) => (out += d.toString()));
    s.on('close', () => res(out));
  });
}

describe('handshake', () => {
  it('answers the readOnly byte only to clients that sent it, and clamps the timeout to [2, 20] ticks', async () => {
    const withRo = await RawZk.connect(zk.port, { readOnly: true, timeoutMs: 1 });
    expect(withRo.handshake.readOnly).toBe(false);
    expect(withRo.handshake.timeOut).toBe(200);
    expect(withRo.handshake.passwd).toHaveLength(16);
    const without = await RawZk.connect(zk.port, { timeoutMs: 10_000_000 });
    expect(without.handshake.readOnly).toBeUndefined();
    expect(without.handshake.timeOut).toBe(2000);
    await withRo.drop();
    await without.drop();
  });

  it('reattaches a session by id and password after the TCP connection drops; a wrong password is expired', async () => {
    const first = await RawZk.connect(zk.port);
    const { sessionId, passwd } = first.handshake;
    expect((await create(first, '/mine', 1)).err).toBe(0);
    await first.drop();
    const again = await RawZk.connect(zk.port, { sessionId, passwd });
    expect(again.handshake.sessionId).toBe(sessionId);
    const eph = await again.send(OpCode.getEphemerals, 'GetEphemeralsRequest', { prefixPath: '/' });
    expect(again.decode('GetEphemeralsResponse', eph).ephemerals).toEqual(['/mine']);

    const wrong = await RawZk.connect(zk.port, { sessionId, passwd: Buffer.alloc(16, 7) });
    expect(wrong.handshake).toMatchObject({ timeOut: 0, sessionId: 0n });
    expect(wrong.handshake.passwd.equals(Buffer.alloc(16))).toBe(true);
    await wrong.closed;
    // the session itself is untouched
    expect((await again.send(OpCode.exists, 'ExistsRequest', { path: '/mine', watch: false })).err).toBe(0);
    await again.send(OpCode.closeSession);
    await again.closed;
    const gone = await RawZk.connect(zk.port, { sessionId, passwd });
    expect(gone.handshake.timeOut).toBe(0);
  });

  it('refuses a client that has seen a newer zxid than the server', async () => {
    await expect(RawZk.connect(zk.port, { lastZxidSeen: 1n << 40n })).rejects.toThrow(/closed/);
  });
});

describe('Java-client operations', () => {
  it('create2 returns the Stat; getAllChildrenNumber counts every descendant; sync answers its path', async () => {
    const r = await create(c, '/j', 0, OpCode.create2);
    const body = c.decode('Create2Response', r);
    expect(body.path).toBe('/j');
    expect(body.stat.czxid).toBe(r.zxid);
    await create(c, '/j/a');
    await create(c, '/j/a/b');
    await create(c, '/j/c');
    const n = await c.send(OpCode.getAllChildrenNumber, 'GetAllChildrenNumberRequest', { path: '/j' });
    expect(c.decode('GetAllChildrenNumberResponse', n).totalNumber).toBe(3);
    const s = await c.send(OpCode.sync, 'SyncRequest', { path: '/j' });
    expect(c.decode('SyncResponse', s).path).toBe('/j');
  });

  it('every write consumes a zxid, failed ones too', async () => {
    const a = await create(c, '/z1');
    const failed = await create(c, '/z1');
    expect(failed.err).toBe(-110);
    expect(failed.zxid).toBe(a.zxid + 1n);
    const read = await c.send(OpCode.exists, 'ExistsRequest', { path: '/z1', watch: false });
    expect(read.zxid).toBe(failed.zxid);
  });

  it('containers vanish once their last child goes; TTL nodes once idle past their TTL', async () => {
    const r = await create(c, '/box', 4, OpCode.createContainer);
    expect(c.decode('Create2Response', r).stat.ephemeralOwner).toBe(0n);
    await create(c, '/box/item');
    await new Promise((res) => setTimeout(res, 150));
    expect((await c.send(OpCode.exists, 'ExistsRequest', { path: '/box', watch: false })).err).toBe(0);
    await c.send(OpCode.delete, 'DeleteRequest', { path: '/box/item', version: -1 });
    await waitFor(async () => (await c.send(OpCode.exists, 'ExistsRequest', { path: '/box', watch: false })).err === -101, 'container reaped');

    const ttl = await c.send(OpCode.createTTL, 'CreateTTLRequest', { path: '/short', data: data(''), acl, flags: 5, ttl: 200n });
    expect(ttl.err).toBe(0);
    await waitFor(async () => (await c.send(OpCode.exists, 'ExistsRequest', { path: '/short', watch: false })).err === -101, 'TTL node reaped');
    const bad = await c.send(OpCode.createTTL, 'CreateTTLRequest', { path: '/bad', data: data(''), acl, flags: 5, ttl: 0n });
    expect(bad.err).toBe(-8);
    const notTtl = await c.send(OpCode.createTTL, 'CreateTTLRequest', { path: '/bad', data: data(''), acl, flags: 0, ttl: 100n });
    expect(notTtl.err).toBe(-8);
  });

  it('getEphemerals lists only this session’s; whoAmI shows ip and digest ids', async () => {
    const other = await RawZk.connect(zk.port);
    await create(other, '/eph-other', 1);
    await create(c, '/eph-a', 1);
    await create(c, '/eph-b', 3);
    const r = await c.send(OpCode.getEphemerals, 'GetEphemeralsRequest', { prefixPath: '/eph-a' });
    expect(c.decode('GetEphemeralsResponse', r).ephemerals).toEqual(['/eph-a']);
    const all = await c.send(OpCode.getEphemerals, 'GetEphemeralsRequest', { prefixPath: '/' });
    const mine = c.decode('GetEphemeralsResponse', all).ephemerals.sort();
    expect(mine).toHaveLength(2);
    expect(mine[0]).toBe('/eph-a');
    expect(mine[1]).toMatch(/^\/eph-b\d{10}$/);
    const auth = await other.send(OpCode.auth, 'AuthPacket', { type: 0, scheme: 'digest', auth: data('bob:pw') }, -4);
    expect(auth.xid).toBe(-4);
    const who = await other.send(OpCode.whoAmI);
    expect(other.decode('WhoAmIResponse', who).clientInfo).toEqual([
      { authScheme: 'ip', user: '127.0.0.1' },
      { authScheme: 'digest', user: 'bob' },
    ]);
    await other.drop();
  });

  it('multiRead answers each op on its own', async () => {
    const w = new ByteWriter();
    const at = w.reserveInt32();
    encodeRecord('RequestHeader', { xid: 900, type: OpCode.multiRead }, w);
    encodeRecord('MultiHeader', { type: OpCode.getData, done: false, err: -1 }, w);
    encodeRecord('GetDataRequest', { path: '/j', watch: false }, w);
    encodeRecord('MultiHeader', { type: OpCode.getChildren, done: false, err: -1 }, w);
    encodeRecord('GetChildrenRequest', { path: '/nowhere', watch: false }, w);
    encodeRecord('MultiHeader', { type: OpCode.getChildren, done: false, err: -1 }, w);
    encodeRecord('GetChildrenRequest', { path: '/j', watch: false }, w);
    encodeRecord('MultiHeader', { type: -1, done: true, err: -1 }, w);
    w.patchInt32(at, w.length - 4);
    const r = await c.sendRaw(Buffer.from(w.finish()));
    expect(r.err).toBe(0);
    expect(c.decode('MultiHeader', r)).toEqual({ type: OpCode.getData, done: false, err: 0 });
    expect(Buffer.from(c.decode('GetDataResponse', r).data!).toString()).toBe('d');
    expect(c.decode('MultiHeader', r)).toEqual({ type: -1, done: false, err: -101 });
    expect(c.decode('ErrorResponse', r).err).toBe(-101);
    expect(c.decode('MultiHeader', r)).toEqual({ type: OpCode.getChildren, done: false, err: 0 });
    expect(c.decode('GetChildrenResponse', r).children.sort()).toEqual(['a', 'c']);
    expect(c.decode('MultiHeader', r)).toEqual({ type: -1, done: true, err: -1 });
  });

  it('a failed multi answers err 0 with 0 / the failure / -2 per op, and applies nothing', async () => {
    const w = new ByteWriter();
    const at = w.reserveInt32();
    encodeRecord('RequestHeader', { xid: 901, type: OpCode.multi }, w);
    encodeRecord('MultiHeader', { type: OpCode.create, done: false, err: -1 }, w);
    encodeRecord('CreateRequest', { path: '/m-new', data: null, acl, flags: 0 }, w);
    encodeRecord('MultiHeader', { type: OpCode.check, done: false, err: -1 }, w);
    encodeRecord('CheckVersionRequest', { path: '/j', version: 42 }, w);
    encodeRecord('MultiHeader', { type: OpCode.delete, done: false, err: -1 }, w);
    encodeRecord('DeleteRequest', { path: '/j/c', version: -1 }, w);
    encodeRecord('MultiHeader', { type: -1, done: true, err: -1 }, w);
    w.patchInt32(at, w.length - 4);
    const r = await c.sendRaw(Buffer.from(w.finish()));
    expect(r.err).toBe(0);
    const errs: number[] = [];
    for (;;) {
      const h = c.decode('MultiHeader', r);
      if (h.done) break;
      expect(h.type).toBe(-1);
      errs.push(c.decode('ErrorResponse', r).err);
    }
    expect(errs).toEqual([0, -103, -2]);
    expect((await c.send(OpCode.exists, 'ExistsRequest', { path: '/m-new', watch: false })).err).toBe(-101);
    expect((await c.send(OpCode.exists, 'ExistsRequest', { path: '/j/c', watch: false })).err).toBe(0);
  });
});

describe('watches on the wire', () => {
  it('sends one NodeDeleted per session even with data, exist and child watches on the path', async () => {
    const w = await RawZk.connect(zk.port);
    await create(c, '/dd');
    await w.send(OpCode.getData, 'GetDataRequest', { path: '/dd', watch: true });
    await w.send(OpCode.exists, 'ExistsRequest', { path: '/dd', watch: true });
    await w.send(OpCode.getChildren2, 'GetChildren2Request', { path: '/dd', watch: true });
    await c.send(OpCode.delete, 'DeleteRequest', { path: '/dd', version: -1 });
    await w.send(OpCode.ping, undefined, undefined, -2);
    expect(w.events).toEqual([{ type: 2, state: 3, path: '/dd' }]);
    await w.drop();
  });

  it('addWatch persistent fires on every change; persistent-recursive covers the subtree without child events', async () => {
    const w = await RawZk.connect(zk.port);
    await create(c, '/p');
    const add = await w.send(OpCode.addWatch, 'AddWatchRequest', { path: '/p', mode: 0 });
    expect(w.decode('ErrorResponse', add).err).toBe(0);
    await w.send(OpCode.addWatch, 'AddWatchRequest', { path: '/r', mode: 1 });
    await c.send(OpCode.setData, 'SetDataRequest', { path: '/p', data: data('1'), version: -1 });
    await c.send(OpCode.setData, 'SetDataRequest', { path: '/p', data: data('2'), version: -1 });
    await create(c, '/p/kid');
    await create(c, '/r');
    await create(c, '/r/x');
    await create(c, '/r/x/y');
    await c.send(OpCode.setData, 'SetDataRequest', { path: '/r/x/y', data: data('v'), version: -1 });
    await c.send(OpCode.delete, 'DeleteRequest', { path: '/r/x/y', version: -1 });
    await w.send(OpCode.ping, undefined, undefined, -2);
    expect(w.events.map((e) => `${e.type}:${e.path}`)).toEqual([
      '3:/p',
      '3:/p',
      '4:/p',
      '1:/r',
      '1:/r/x',
      '1:/r/x/y',
      '3:/r/x/y',
      '2:/r/x/y',
    ]);
    const chk = await w.send(OpCode.checkWatches, 'CheckWatchesRequest', { path: '/r/x', type: 3 });
    expect(chk.err).toBe(0);
    expect((await w.send(OpCode.removeWatches, 'RemoveWatchesRequest', { path: '/p', type: 3 })).err).toBe(0);
    expect((await w.send(OpCode.removeWatches, 'RemoveWatchesRequest', { path: '/p', type: 3 })).err).toBe(-121);
    expect((await w.send(OpCode.checkWatches, 'CheckWatchesRequest', { path: '/none', type: 2 })).err).toBe(-121);
    w.events.length = 0;
    await c.send(OpCode.setData, 'SetDataRequest', { path: '/p', data: data('3'), version: -1 });
    await w.send(OpCode.ping, undefined, undefined, -2);
    expect(w.events).toEqual([]);
    await w.drop();
  });

  it('setWatches2 on reconnect fires what changed since relativeZxid and re-adds the rest', async () => {
    const w = await RawZk.connect(zk.port);
    await create(c, '/sw');
    await create(c, '/sw2');
    const seen = await w.send(OpCode.getData, 'GetDataRequest', { path: '/sw', watch: false });
    const { sessionId, passwd } = w.handshake;
    await w.drop();
    await c.send(OpCode.setData, 'SetDataRequest', { path: '/sw', data: data('changed'), version: -1 });
    const back = await RawZk.connect(zk.port, { sessionId, passwd, lastZxidSeen: seen.zxid });
    const r = await back.send(
      OpCode.setWatches2,
      'SetWatches2',
      {
        relativeZxid: seen.zxid,
        dataWatches: ['/sw', '/sw2'],
        existWatches: ['/sw-later', '/sw2'],
        childWatches: ['/gone-now'],
        persistentWatches: [],
        persistentRecursiveWatches: ['/sw2'],
      },
      -8,
    );
    expect(r.xid).toBe(-8);
    expect(back.events.map((e) => `${e.type}:${e.path}`)).toEqual(['3:/sw', '1:/sw2', '2:/gone-now']);
    back.events.length = 0;
    await create(c, '/sw-later');
    await create(c, '/sw2/deep');
    await back.send(OpCode.ping, undefined, undefined, -2);
    expect(back.events.map((e) => `${e.type}:${e.path}`)).toEqual(['1:/sw-later', '1:/sw2/deep']);
    await back.drop();
  });
});

describe('four-letter words', () => {
  it('answer in ZooKeeper 3.8 formats on the client port', async () => {
    expect(await fourLetter('ruok')).toBe('imok');
    expect(await fourLetter('isro')).toBe('rw');
    const srvr = await fourLetter('srvr');
    expect(srvr).toMatch(/^Zookeeper version: 3\.8\.0-[^,]+, built on .+\nLatency min\/avg\/max: \d+\/[\d.]+\/\d+\nReceived: \d+\nSent: \d+\nConnections: \d+\nOutstanding: \d+\nZxid: 0x[0-9a-f]+\nMode: standalone\nNode count: \d+\n$/);
    const stat = await fourLetter('stat');
    expect(stat).toMatch(/\nClients:\n( \/127\.0\.0\.1:\d+\[\d\]\(queued=\d+,recved=\d+,sent=\d+\)\n)+\n/);
    const cons = await fourLetter('cons');
    expect(cons).toMatch(new RegExp(`sid=0x${c.handshake.sessionId.toString(16)},lop=\\w+,est=\\d+,to=\\d+,lcxid=0x[0-9a-f]+,lzxid=0x[0-9a-f]+,lresp=\\d+,llat=\\d+,minlat=\\d+,avglat=[\\d.]+,maxlat=\\d+\\)`));
    const mntr = (await fourLetter('mntr')).trimEnd().split('\n');
    expect(mntr[0]).toMatch(/^zk_version\t3\.8\.0/);
    expect(mntr[1]).toBe('zk_server_state\tstandalone');
    for (const line of mntr) expect(line).toMatch(/^zk_[a-z_]+\t\S/);
    const keys = new Set(mntr.map((l) => l.split('\t')[0]));
    for (const k of ['zk_avg_latency', 'zk_znode_count', 'zk_watch_count', 'zk_ephemerals_count', 'zk_num_alive_connections', 'zk_packets_received']) {
      expect(keys.has(k)).toBe(true);
    }
    const conf = await fourLetter('conf');
    expect(conf).toContain(`clientPort=${zk.port}\n`);
    expect(conf).toMatch(/tickTime=100\nmaxClientCnxns=\d+\nminSessionTimeout=200\nmaxSessionTimeout=2000\n/);
    expect(await fourLetter('wchs')).toMatch(/^\d+ connections watching \d+ paths\nTotal watches:\d+\n$/);
    expect(await fourLetter('envi')).toMatch(/^Environment:\nzookeeper\.version=3\.8\.0.*\nhost\.name=/);
  });
});

describe('bad input', () => {
  it('an unknown opcode gets UNIMPLEMENTED and closes that connection only', async () => {
    const bad = await RawZk.connect(zk.port);
    const r = await bad.send(77);
    expect(r.err).toBe(-6);
    await bad.closed;
    expect(zk.log.lines.some((l) => l.includes('unknown op 77'))).toBe(true);
    expect((await c.send(OpCode.exists, 'ExistsRequest', { path: '/', watch: false })).err).toBe(0);
  });

  it('a malformed body gets MARSHALLINGERROR and the connection keeps working', async () => {
    const w = new ByteWriter();
    const at = w.reserveInt32();
    encodeRecord('RequestHeader', { xid: 950, type: OpCode.getData }, w);
    w.int32(1000).utf8('/short'); // a string length past the end of the frame
    w.patchInt32(at, w.length - 4);
    const r = await c.sendRaw(Buffer.from(w.finish()));
    expect(r.err).toBe(-5);
    expect((await c.send(OpCode.exists, 'ExistsRequest', { path: '/', watch: false })).err).toBe(0);
  });

  it('a request before the handshake, or a frame over jute.maxbuffer, closes that connection with a log line', async () => {
    for (const bytes of [
      Buffer.from([0, 0, 0, 8, 0, 0, 0, 1, 0, 0, 0, 4]), // a RequestHeader where ConnectRequest belongs
      Buffer.from([0, 0x10, 0, 0]), // 1 MiB frame: one byte over jute.maxbuffer
    ]) {
      const before = zk.log.lines.length;
      await new Promise<void>((res) => {
        const s = connect(zk.port, '127.0.0.1', () => s.write(bytes));
        s.on('error', () => undefined);
        s.on('close', () => res());
      });
      expect(zk.log.lines.length).toBeGreaterThan(before);
    }
    expect((await c.send(OpCode.exists, 'ExistsRequest', { path: '/', watch: false })).err).toBe(0);
  });

  it('reconfig is refused as on a standalone server; an empty ACL is INVALIDACL', async () => {
    const r = await c.send(OpCode.reconfig, 'ReconfigRequest', { joiningServers: '', leavingServers: '', newMembers: '', curConfigId: -1n });
    expect(r.err).toBe(-123);
    const e = await c.send(OpCode.create, 'CreateRequest', { path: '/noacl', data: null, acl: [], flags: 0 });
    expect(e.err).toBe(-114);
  });
});
