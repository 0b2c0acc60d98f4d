/**
 * A bounded fuzz of the ZooKeeper port: random bytes, random frames after a
 * good handshake, and valid requests with bytes flipped, truncated, extended
 * or re-typed, on many connections, while a well-behaved node-zookeeper-client
 * keeps working. Seeded, so a failure replays.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { OPEN_ACL_UNSAFE } from '../../../src/coord/acl.js';
import { parentOf } from '../../../src/coord/path.js';
import { ByteWriter } from '../../../src/wire/byte-writer.js';
import { encodeRecord } from '../../../src/zookeeper/jute/codec.js';
import type { RecordName, RecordValue } from '../../../src/zookeeper/jute/records.js';
import { OpCode } from '../../../src/zookeeper/opcodes.js';
import { call, closeClient, connectClient, startZk, type InProcessZk } from './zk-helpers.js';

let zk: InProcessZk;
beforeAll(async () => {
  zk = await startZk({ fsync: false, tickTimeMs: 200 });
});
afterAll(async () => {
  await zk.close();
});

/** mulberry32: small, seeded, good enough to pick mutations */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function frame<R extends RecordName>(record: R, value: RecordValue<R>, header?: { xid: number; type: number }): Buffer {
  const w = new ByteWriter();
  const at = w.reserveInt32();
  if (header !== undefined) encodeRecord('RequestHeader', header, w);
  encodeRecord(record, value, w);
  w.patchInt32(at, w.length - 4);
  return Buffer.from(w.finish());
}

const handshake = frame('ConnectRequest', { protocolVersion: 0, lastZxidSeen: 0n, timeOut: 400, sessionId: 0n, passwd: Buffer.alloc(16) });
const acl = [...OPEN_ACL_UNSAFE];
const goodRequests: Buffer[] = [
  frame('CreateRequest', { path: '/fz/a', data: Buffer.from('x'), acl, flags: 0 }, { xid: 1, type: OpCode.create }),
  frame('CreateRequest', { path: '/fz/e-', data: null, acl, flags: 3 }, { xid: 2, type: OpCode.create2 }),
  frame('SetDataRequest', { path: '/fz', data: Buffer.from('y'), version: -1 }, { xid: 3, type: OpCode.setData }),
  frame('GetDataRequest', { path: '/fz', watch: true }, { xid: 4, type: OpCode.getData }),
  frame('GetChildren2Request', { path: '/fz', watch: true }, { xid: 5, type: OpCode.getChildren2 }),
  frame('DeleteRequest', { path: '/fz/a', version: -1 }, { xid: 6, type: OpCode.delete }),
  frame('SetACLRequest', { path: '/fz', acl, version: -1 }, { xid: 7, type: OpCode.setACL }),
  frame('SetWatches2', { relativeZxid: 0n, dataWatches: ['/fz'], existWatches: ['/q'], childWatches: [], persistentWatches: ['/'], persistentRecursiveWatches: ['/fz'] }, { xid: -8, type: OpCode.setWatches2 }),
  frame('AuthPacket', { type: 0, scheme: 'digest', auth: Buffer.from('u:p') }, { xid: -4, type: OpCode.auth }),
  frame('AddWatchRequest', { path: '/fz', mode: 1 }, { xid: 8, type: OpCode.addWatch }),
  frame('CreateTTLRequest', { path: '/fz/t', data: null, acl, flags: 5, ttl: 1000n }, { xid: 9, type: OpCode.createTTL }),
];

function mutate(r: () => number, b: Buffer): Buffer {
  const out = Buffer.from(b);
  switch (Math.floor(r() * 5)) {
    case 0: // flip a few bytes (never the length prefix, so the frame still arrives)
      for (let k = 0; k < 1 + r() * 4; k++) out[4 + Math.floor(r() * (out.length - 4))] = Math.floor(r() * 256);
      return out;
    case 1: {
      // truncate the body, fix the length
      const n = 4 + Math.floor(r() * (out.length - 4));
      const t = Buffer.from(out.subarray(0, n));
      t.writeInt32BE(n - 4, 0);
      return t;
    }
    case 2: {
      // trailing garbage, fix the length
      const extra = Buffer.from(Array.from({ length: 1 + Math.floor(r() * 20) }, () => Math.floor(r() * 256)));
      const t = Buffer.concat([out, extra]);
      t.writeInt32BE(t.length - 4, 0);
      return t;
    }
    case 3: // another opcode, same body
      out.writeInt32BE([1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 13, 14, 15, 17, 18, 19, 21, 22, 100, 101, 103, 104, 105, 106, 107, -11, 55][Math.floor(r() * 27)]!, 8);
      return out;
    default: // lie about a string or vector length inside the body
      if (out.length > 16) out.writeInt32BE(Math.floor((r() - 0.5) * 2 ** 31), 12);
      return out;
  }
}

function randomBytes(r: () => number, max: number): Buffer {
  return Buffer.from(Array.from({ length: Math.floor(r() * max) }, () => Math.floor(r() * 256)));
}

/** Sends bytes on a fresh connection; resolves when the server closes it or after a short wait. */
function throwAt(port: number, chunks: Buffer[]): Promise<void> {
  return new Promise((res) => {
    const s = connect(port, '127.0.0.1');
    const done = (): void => {
      clearTimeout(timer);
      s.destroy();
      res();
    };
    const timer = setTimeout(done, 40);
    s.on('error', done);
    s.on('close', done);
    s.on('data', () => undefined);
    s.on('connect', () => {
      for (const c of chunks) s.write(c);
    });
  });
}

/** Every node's parent lists it and every listed child exists. */
function treeIsConsistent(): boolean {
  const nodes = zk.store.tree.nodes;
  for (const [path, n] of nodes) {
    if (path !== '/' && !nodes.get(parentOf(path))?.children.has(path.slice(path.lastIndexOf('/') + 1))) return false;
    for (const c of n.children) if (!nodes.has(path === '/' ? `/${c}` : `${path}/${c}`)) return false;
  }
  return true;
}

it('survives random and mutated packets while a well-behaved client keeps working', async () => {
  const r = rng(0x5eed);
  const good = await connectClient(zk.port);
  await call((cb) => good.create('/fz', cb));
  let goodOps = 0;
  let stop = false;
  const steady = (async () => {
    while (!stop) {
      const [p] = await call<[string]>((cb) => good.create('/fz/ok-', Buffer.from('v'), 2, cb));
      await call((cb) => good.getData(p, cb));
      await call((cb) => good.remove(p, -1, cb));
      goodOps += 3;
    }
  })();
  try {
    for (let i = 0; i < 240; i++) {
      const kind = i % 4;
      if (kind === 0) await throwAt(zk.port, [randomBytes(r, 64)]);
      else if (kind === 1) await throwAt(zk.port, [handshake, randomBytes(r, 64)]);
      else {
        const reqs = Array.from({ length: 1 + Math.floor(r() * 6) }, () => {
          const base = goodRequests[Math.floor(r() * goodRequests.length)]!;
          return r() < 0.8 ? mutate(r, base) : base;
        });
        await throwAt(zk.port, [handshake, ...reqs]);
      }
    }
    // oversized and negative frame lengths, and a valid four-letter word, on their own connections
    await throwAt(zk.port, [Buffer.from([0x7f, 0xff, 0xff, 0xff])]);
    await throwAt(zk.port, [handshake, Buffer.from([0xff, 0xff, 0xff, 0xfe, 1, 2])]);
  } finally {
    stop = true;
    await steady;
  }
  expect(goodOps).toBeGreaterThan(0);
  expect(treeIsConsistent()).toBe(true);
  // bad input is refused with a protocol error or a closed connection, never an unexpected exception
  expect(zk.log.lines.filter((l) => /request from .* failed/.test(l))).toEqual([]);
  expect(zk.log.lines.some((l) => l.includes('closing connection'))).toBe(true);
  const fresh = await connectClient(zk.port);
  const [p] = await call<[string]>((cb) => fresh.create('/after-fuzz', Buffer.from('fine'), cb));
  expect((await call<[Buffer]>((cb) => fresh.getData(p, cb)))[0].toString()).toBe('fine');
  await closeClient(fresh);
  await closeClient(good);
});
