/**
 * Snapshots of the coordinator state, taken between two applies (so they
 * are exact, not ZooKeeper's fuzzy kind) every `snapshotEvery` txns.
 *
 * Files: `<dir>/snapshot.<zxid, 16 hex digits>`, written to `.tmp`, fsynced,
 * renamed, directory fsynced. Layout:
 *
 *   magic "GZSN" (4) | format version INT32 = 1 | zxid INT64
 *   sessionCount INT32 | (sessionId INT64 | timeoutMs INT32 | passwd BUF) ...
 *   nodeCount INT32    | node ...            parents always before children
 *   crc32c UINT32 of every byte before it
 *   node = path STR | data BUF | acl ACLS | czxid INT64 | mzxid INT64 | ctime INT64 | mtime INT64
 *          | version INT32 | cversion INT32 | aversion INT32 | ephemeralOwner INT64 | pzxid INT64
 *   STR = INT32 length | UTF-8; BUF = INT32 length (-1 null) | bytes; ACLS as in txn-codec.ts
 *
 * A snapshot that fails its checksum is skipped in favour of an older one
 * (the logs since that one are kept until a newer snapshot is durable).
 */
import { crc32c } from '@node-rs/crc32';
import { readdirSync, readFileSync, unlinkSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { ByteReader } from '../wire/byte-reader.js';
import { ByteWriter } from '../wire/byte-writer.js';
import type { Acl } from './acl.js';
import type { CoordState, SessionRecord } from './apply.js';
import { CoordError } from './errors.js';
import { DataTree, type ZNode } from './tree.js';
import { syncDir } from './txn-log.js';

const MAGIC = 0x475a534e; // "GZSN"

export function snapshotFileName(zxid: bigint): string {
  return `snapshot.${zxid.toString(16).padStart(16, '0')}`;
}

export function listSnapshots(dir: string): { name: string; zxid: bigint }[] {
  return readdirSync(dir)
    .filter((f) => /^snapshot\.[0-9a-f]{16}$/.test(f))
    .map((name) => ({ name, zxid: BigInt(`0x${name.slice(9)}`) }))
    .sort((a, b) => (a.zxid < b.zxid ? 1 : a.zxid > b.zxid ? -1 : 0));
}

function str(w: ByteWriter, s: string): void {
  w.int32(Buffer.byteLength(s, 'utf8')).utf8(s);
}
function buf(w: ByteWriter, b: Uint8Array | null): void {
  if (b === null) w.int32(-1);
  else w.int32(b.length).bytes(b);
}

/** Serializes the state as it is now (synchronously, so no apply can interleave). */
export function serializeSnapshot(state: CoordState): Buffer {
  const w = new ByteWriter(1 << 16);
  w.uint32(MAGIC).int32(1).int64(state.lastZxid);
  w.int32(state.sessions.size);
  for (const [id, s] of state.sessions) {
    w.int64(id).int32(s.timeoutMs);
    buf(w, s.passwd);
  }
  w.int32(state.tree.nodes.size);
  for (const [path, n] of state.tree.nodes) {
    str(w, path);
    buf(w, n.data);
    w.int32(n.acl.length);
    for (const a of n.acl) {
      w.int32(a.perms);
      str(w, a.id.scheme);
      str(w, a.id.id);
    }
    w.int64(n.czxid).int64(n.mzxid).int64(n.ctime).int64(n.mtime);
    w.int32(n.version).int32(n.cversion).int32(n.aversion).int64(n.ephemeralOwner).int64(n.pzxid);
  }
  return withCrc(w.finish());
}

function withCrc(body: Buffer): Buffer {
  const out = Buffer.allocUnsafe(body.length + 4);
  body.copy(out, 0);
  out.writeUInt32BE(crc32c(body) >>> 0, body.length);
  return out;
}

export function parseSnapshot(bytes: Buffer): CoordState {
  if (bytes.length < 20 || (crc32c(bytes.subarray(0, bytes.length - 4)) >>> 0) !== bytes.readUInt32BE(bytes.length - 4)) {
    throw new CoordError('GALE_ERR_COORD_CORRUPT_SNAPSHOT', 'snapshot checksum mismatch');
  }
  const r = new ByteReader(bytes, 0, bytes.length - 4);
  if (r.uint32() !== MAGIC || r.int32() !== 1) throw new CoordError('GALE_ERR_COORD_CORRUPT_SNAPSHOT', 'not a Gale snapshot');
  const lastZxid = r.int64();
  const rstr = (): string => r.utf8(r.int32());
  const rbuf = (): Uint8Array | null => {
    const n = r.int32();
    return n < 0 ? null : Uint8Array.prototype.slice.call(r.bytes(n));
  };
  const sessions = new Map<bigint, SessionRecord>();
  for (let i = r.int32(); i > 0; i--) {
    const id = r.int64();
    const timeoutMs = r.int32();
    sessions.set(id, { timeoutMs, passwd: rbuf() ?? new Uint8Array(16) });
  }
  const tree = new DataTree(true);
  for (let i = r.int32(); i > 0; i--) {
    const path = rstr();
    const data = rbuf();
    const acl: Acl[] = [];
    for (let j = r.int32(); j > 0; j--) {
      const perms = r.int32();
      const scheme = rstr();
      acl.push({ perms, id: { scheme, id: rstr() } });
    }
    const node: ZNode = {
      data,
      acl,
      czxid: r.int64(),
      mzxid: r.int64(),
      ctime: r.int64(),
      mtime: r.int64(),
      version: r.int32(),
      cversion: r.int32(),
      aversion: r.int32(),
      ephemeralOwner: r.int64(),
      pzxid: r.int64(),
      children: new Set(),
    };
    tree.putNode(path, node);
  }
  return { tree, sessions, lastZxid };
}

/** The newest snapshot that parses, or undefined. */
export function loadNewestSnapshot(dir: string): { state: CoordState; name: string } | undefined {
  for (const s of listSnapshots(dir)) {
    try {
      return { state: parseSnapshot(readFileSync(join(dir, s.name))), name: s.name };
    } catch (err) {
      if (!(err instanceof CoordError) && !(err instanceof RangeError)) throw err;
    }
  }
  return undefined;
}

export async function writeSnapshot(dir: string, zxid: bigint, bytes: Buffer, fsync: boolean): Promise<void> {
  const final = join(dir, snapshotFileName(zxid));
  const tmp = `${final}.tmp`;
  const fh = await open(tmp, 'w');
  try {
    await fh.writeFile(bytes);
    if (fsync) await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, final);
  if (fsync) syncDir(dir);
}

/**
 * Keeps the newest `keep` snapshots (and drops stray .tmp files). Returns the
 * zxid of the oldest one kept when `keep` of them exist (logs up to it may
 * go), else undefined (every log is still needed).
 */
export function purgeSnapshots(dir: string, keep: number): bigint | undefined {
  const all = listSnapshots(dir);
  for (const s of all.slice(keep)) unlinkSync(join(dir, s.name));
  for (const f of readdirSync(dir)) if (f.startsWith('snapshot.') && f.endsWith('.tmp')) unlinkSync(join(dir, f));
  return all.length >= keep ? all[keep - 1]!.zxid : undefined;
}
