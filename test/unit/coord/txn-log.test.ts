import { appendFileSync, closeSync, mkdtempSync, openSync, rmSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeTxn, encodeTxn } from '../../../src/coord/txn-codec.js';
import { listLogFiles, readLogs, TxnLog } from '../../../src/coord/txn-log.js';
import type { Txn } from '../../../src/coord/txn.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'gale-txnlog-'));
  dirs.push(d);
  return d;
}

const txn = (zxid: bigint): Txn => ({
  hdr: { sessionId: 9n, cxid: Number(zxid), zxid, time: 1700000000000n },
  op: { type: 'create', path: `/n${zxid}`, data: Buffer.from('x'), acl: [{ perms: 31, id: { scheme: 'world', id: 'anyone' } }], ephemeralOwner: 0n, parentCversion: 1 },
});

async function appendAll(log: TxnLog, txns: Txn[]): Promise<void> {
  await Promise.all(txns.map((t) => new Promise<void>((res, rej) => log.append(t, (e) => (e ? rej(e) : res())))));
}

function readAll(dir: string): bigint[] {
  const out: bigint[] = [];
  readLogs(dir, (t) => out.push(t.hdr.zxid));
  return out;
}

describe('txn codec', () => {
  it('round-trips every txn type', () => {
    const ops: Txn['op'][] = [
      { type: 'create', path: '/a', data: null, acl: [], ephemeralOwner: -0x8000000000000000n, parentCversion: -3 },
      { type: 'delete', path: '/a' },
      { type: 'setData', path: '/a', data: Buffer.from('ü'), version: 2 },
      { type: 'setAcl', path: '/a', acl: [{ perms: 1, id: { scheme: 'digest', id: 'u:h' } }], version: 1 },
      { type: 'check', path: '/a', version: 0 },
      { type: 'createSession', timeoutMs: 4000, passwd: Buffer.alloc(16, 3) },
      { type: 'closeSession', paths: ['/e1', '/e2'] },
      { type: 'error', err: -110 },
      { type: 'multi', ops: [{ type: 'delete', path: '/x' }, { type: 'error', err: 0 }] },
    ];
    for (const op of ops) {
      const t: Txn = { hdr: { sessionId: -1n, cxid: 3, zxid: 77n, time: 5n }, op };
      expect(decodeTxn(Buffer.from(encodeTxn(t).finish()))).toEqual(t);
    }
  });
});

describe('txn log', () => {
  it('group-commits appends and reads them back in order', async () => {
    const dir = tempDir();
    const log = new TxnLog(dir, undefined, true);
    await appendAll(log, [1n, 2n, 3n, 4n, 5n].map(txn));
    await appendAll(log, [6n].map(txn));
    expect(log.fsyncs).toBeLessThanOrEqual(2);
    await log.close();
    expect(readAll(dir)).toEqual([1n, 2n, 3n, 4n, 5n, 6n]);
  });

  it('keeps every record intact while batch buffers are reused, including after a batch larger than a reused buffer', async () => {
    const dir = tempDir();
    const log = new TxnLog(dir, undefined, false);
    const big = (zxid: bigint): Txn => ({ ...txn(zxid), op: { ...(txn(zxid).op as Extract<Txn['op'], { type: 'create' }>), data: Buffer.alloc(700_000, Number(zxid) & 0xff) } });
    const written: Txn[] = [];
    // one txn per batch (each append awaited) so the two buffers alternate many times
    for (let z = 1n; z <= 40n; z++) {
      const t = z === 20n || z === 21n ? big(z) : txn(z);
      written.push(t);
      await appendAll(log, [t]);
    }
    // then appends on successive ticks, not awaited: they arrive while earlier batches are being written
    const overlapping: Promise<void>[] = [];
    for (let z = 41n; z <= 80n; z++) {
      const t = txn(z);
      written.push(t);
      overlapping.push(appendAll(log, [t]));
      await new Promise((r) => setImmediate(r));
    }
    await Promise.all(overlapping);
    await log.close();
    const read: Txn[] = [];
    readLogs(dir, (t) => read.push(t));
    expect(read).toEqual(written.map((t) => decodeTxn(Buffer.from(encodeTxn(t).finish()))));
  });

  it('truncates a torn tail of the newest file and keeps appending after it', async () => {
    const dir = tempDir();
    const log = new TxnLog(dir, undefined, false);
    await appendAll(log, [1n, 2n, 3n].map(txn));
    await log.close();
    const [file] = listLogFiles(dir);
    const path = join(dir, file!.name);
    const size = statSync(path).size;
    truncateSync(path, size - 5); // half of the last record
    appendFileSync(path, Buffer.from([0, 0, 0])); // and some garbage
    expect(readAll(dir)).toEqual([1n, 2n]);
    const { tail } = readLogs(dir, () => undefined);
    const again = new TxnLog(dir, tail, false);
    await appendAll(again, [3n].map(txn));
    await again.close();
    expect(readAll(dir)).toEqual([1n, 2n, 3n]);
  });

  it('rolls to a new file and purges files a snapshot covers; damage in an old file stops recovery', async () => {
    const dir = tempDir();
    const log = new TxnLog(dir, undefined, false);
    await appendAll(log, [1n, 2n].map(txn));
    log.roll();
    await appendAll(log, [3n, 4n].map(txn));
    log.roll();
    await appendAll(log, [5n].map(txn));
    expect(listLogFiles(dir).map((f) => f.firstZxid)).toEqual([1n, 3n, 5n]);
    log.purgeThrough(2n);
    expect(listLogFiles(dir).map((f) => f.firstZxid)).toEqual([3n, 5n]);
    await log.close();
    const middle = join(dir, listLogFiles(dir)[0]!.name);
    writeFileSync(middle, Buffer.concat([Buffer.from('GZTL'), Buffer.alloc(12), Buffer.from([0, 0, 0, 9, 1, 2, 3])]));
    expect(() => readAll(dir)).toThrow(/bad record/);
  });

  it('preallocates zeros when syncing, stops reading at them, and continues after the last record', async () => {
    const dir = tempDir();
    const log = new TxnLog(dir, undefined, true);
    await appendAll(log, [1n, 2n].map(txn));
    await log.close();
    const path = join(dir, listLogFiles(dir)[0]!.name);
    expect(statSync(path).size).toBeGreaterThanOrEqual(8 * 1024 * 1024);
    const { tail } = readLogs(dir, () => undefined);
    const again = new TxnLog(dir, tail, true);
    await appendAll(again, [3n, 4n].map(txn));
    await again.close();
    expect(readAll(dir)).toEqual([1n, 2n, 3n, 4n]);
    // a torn last record inside the preallocated area: its checksum fails, the file is cut there
    const end = readLogs(dir, () => undefined).tail!.end;
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.from([0xde, 0xad]), 0, 2, end - 3);
    closeSync(fd);
    expect(readAll(dir)).toEqual([1n, 2n, 3n]);
  });
});
