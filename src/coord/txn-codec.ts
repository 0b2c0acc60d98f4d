/**
 * Binary form of a Txn inside the txn log and nothing else (the log frames
 * and checksums it; see txn-log.ts). Big-endian, jute-like primitives:
 *
 *   Txn      = sessionId INT64 | cxid INT32 | zxid INT64 | time INT64 | TxnOp
 *   TxnOp    = tag INT8 | fields by tag:
 *     1 create        path STR | data BUF | acl ACLS | ephemeralOwner INT64 | parentCversion INT32
 *     2 delete        path STR
 *     3 setData       path STR | data BUF | version INT32
 *     4 setAcl        path STR | acl ACLS | version INT32
 *     5 check         path STR | version INT32
 *     6 createSession timeoutMs INT32 | passwd BUF
 *     7 closeSession  count INT32 | path STR ...
 *     8 error         err INT32
 *     9 multi         count INT32 | TxnOp ...
 *   STR  = INT32 length | UTF-8      BUF = INT32 length (-1 = null) | bytes
 *   ACLS = INT32 count | (perms INT32 | scheme STR | id STR) ...
 */
import { ByteReader } from '../wire/byte-reader.js';
import { ByteWriter } from '../wire/byte-writer.js';
import type { Acl } from './acl.js';
import type { Txn, TxnOp } from './txn.js';

const tags = { create: 1, delete: 2, setData: 3, setAcl: 4, check: 5, createSession: 6, closeSession: 7, error: 8, multi: 9 } as const;

function str(w: ByteWriter, s: string): void {
  w.int32(Buffer.byteLength(s, 'utf8')).utf8(s);
}
function buf(w: ByteWriter, b: Uint8Array | null): void {
  if (b === null) w.int32(-1);
  else w.int32(b.length).bytes(b);
}
function acls(w: ByteWriter, list: readonly Acl[]): void {
  w.int32(list.length);
  for (const a of list) {
    w.int32(a.perms);
    str(w, a.id.scheme);
    str(w, a.id.id);
  }
}

function writeOp(w: ByteWriter, op: TxnOp): void {
  w.int8(tags[op.type]);
  switch (op.type) {
    case 'create':
      str(w, op.path);
      buf(w, op.data);
      acls(w, op.acl);
      w.int64(op.ephemeralOwner).int32(op.parentCversion);
      return;
    case 'delete':
      str(w, op.path);
      return;
    case 'setData':
      str(w, op.path);
      buf(w, op.data);
      w.int32(op.version);
      return;
    case 'setAcl':
      str(w, op.path);
      acls(w, op.acl);
      w.int32(op.version);
      return;
    case 'check':
      str(w, op.path);
      w.int32(op.version);
      return;
    case 'createSession':
      w.int32(op.timeoutMs);
      buf(w, op.passwd);
      return;
    case 'closeSession':
      w.int32(op.paths.length);
      for (const p of op.paths) str(w, p);
      return;
    case 'error':
      w.int32(op.err);
      return;
    case 'multi':
      w.int32(op.ops.length);
      for (const o of op.ops) writeOp(w, o);
      return;
  }
}

export function encodeTxn(txn: Txn, w: ByteWriter = new ByteWriter(128)): ByteWriter {
  w.int64(txn.hdr.sessionId).int32(txn.hdr.cxid).int64(txn.hdr.zxid).int64(txn.hdr.time);
  writeOp(w, txn.op);
  return w;
}

function rstr(r: ByteReader): string {
  return r.utf8(r.int32());
}
function rbuf(r: ByteReader): Uint8Array | null {
  const n = r.int32();
  return n < 0 ? null : Uint8Array.prototype.slice.call(r.bytes(n));
}
function racls(r: ByteReader): Acl[] {
  const n = r.int32();
  const out: Acl[] = [];
  for (let i = 0; i < n; i++) {
    const perms = r.int32();
    const scheme = rstr(r);
    out.push({ perms, id: { scheme, id: rstr(r) } });
  }
  return out;
}

function readOp(r: ByteReader): TxnOp {
  const tag = r.int8();
  switch (tag) {
    case tags.create: {
      const path = rstr(r);
      const data = rbuf(r);
      const acl = racls(r);
      return { type: 'create', path, data, acl, ephemeralOwner: r.int64(), parentCversion: r.int32() };
    }
    case tags.delete:
      return { type: 'delete', path: rstr(r) };
    case tags.setData: {
      const path = rstr(r);
      const data = rbuf(r);
      return { type: 'setData', path, data, version: r.int32() };
    }
    case tags.setAcl: {
      const path = rstr(r);
      const acl = racls(r);
      return { type: 'setAcl', path, acl, version: r.int32() };
    }
    case tags.check:
      return { type: 'check', path: rstr(r), version: r.int32() };
    case tags.createSession: {
      const timeoutMs = r.int32();
      return { type: 'createSession', timeoutMs, passwd: rbuf(r) ?? new Uint8Array(16) };
    }
    case tags.closeSession: {
      const n = r.int32();
      const paths: string[] = [];
      for (let i = 0; i < n; i++) paths.push(rstr(r));
      return { type: 'closeSession', paths };
    }
    case tags.error:
      return { type: 'error', err: r.int32() };
    case tags.multi: {
      const n = r.int32();
      const ops: TxnOp[] = [];
      for (let i = 0; i < n; i++) ops.push(readOp(r));
      return { type: 'multi', ops };
    }
    default:
      throw new RangeError(`unknown txn tag ${tag}`);
  }
}

export function decodeTxn(bytes: Buffer): Txn {
  const r = new ByteReader(bytes);
  const sessionId = r.int64();
  const cxid = r.int32();
  const zxid = r.int64();
  const time = r.int64();
  const op = readOp(r);
  if (r.remaining !== 0) throw new RangeError(`${r.remaining} stray bytes after a txn`);
  return { hdr: { sessionId, cxid, zxid, time }, op };
}
