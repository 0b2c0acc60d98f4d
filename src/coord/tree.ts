/**
 * The data tree: znodes by full path, each with data, ACL, the persisted stat
 * fields and its child names; plus the indexes ZooKeeper keeps next to it
 * (ephemerals by owning session, container and TTL paths).
 *
 * Only `apply.ts` mutates it (and snapshot loading builds it). The stored
 * `cversion` is ZooKeeper's internal count of children ever *created*; the
 * client sees `2 × cversion − numChildren` (DataNode.copyStat), which equals
 * creates + deletes. `ephemeralOwner` also encodes container and TTL nodes
 * (see ephemeral-type.ts); clients see 0 for those.
 */
import type { Stat } from './coordinator.js';
import { OPEN_ACL_UNSAFE, READ_ACL_UNSAFE, type Acl } from './acl.js';
import { coordError } from './errors.js';
import { ephemeralKind } from './ephemeral-type.js';
import { basename, parentOf } from './path.js';
import { quotaAfterCreate, quotaAfterDelete, quotaAfterSetData } from './quota.js';

export interface ZNode {
  data: Uint8Array | null;
  acl: readonly Acl[];
  czxid: bigint;
  mzxid: bigint;
  ctime: bigint;
  mtime: bigint;
  version: number;
  /** children ever created (ZooKeeper's stored cversion) */
  cversion: number;
  aversion: number;
  ephemeralOwner: bigint;
  pzxid: bigint;
  readonly children: Set<string>;
}

export function newNode(opts: {
  data: Uint8Array | null;
  acl: readonly Acl[];
  zxid: bigint;
  time: bigint;
  ephemeralOwner: bigint;
}): ZNode {
  return {
    data: opts.data,
    acl: opts.acl,
    czxid: opts.zxid,
    mzxid: opts.zxid,
    ctime: opts.time,
    mtime: opts.time,
    version: 0,
    cversion: 0,
    aversion: 0,
    ephemeralOwner: opts.ephemeralOwner,
    pzxid: opts.zxid,
    children: new Set(),
  };
}

/** The Stat a client sees (DataNode.copyStat). */
export function clientStat(n: ZNode): Stat {
  const numChildren = n.children.size;
  return {
    czxid: n.czxid,
    mzxid: n.mzxid,
    pzxid: n.pzxid,
    ctime: n.ctime,
    mtime: n.mtime,
    version: n.version,
    cversion: n.cversion * 2 - numChildren,
    aversion: n.aversion,
    ephemeralOwner: ephemeralKind(n.ephemeralOwner) === 'normal' ? n.ephemeralOwner : 0n,
    dataLength: n.data === null ? 0 : n.data.length,
    numChildren,
  };
}

/** Rough bytes a node costs, as ZooKeeper's approximateDataSize counts them (path + data). */
function nodeSize(path: string, data: Uint8Array | null): number {
  return path.length + (data === null ? 0 : data.length);
}

export class DataTree {
  readonly nodes = new Map<string, ZNode>();
  readonly ephemerals = new Map<bigint, Set<string>>();
  readonly containers = new Set<string>();
  readonly ttls = new Set<string>();
  approximateDataSize = 0;

  constructor(empty = false) {
    if (empty) return;
    const special = (acl: readonly Acl[]): ZNode =>
      newNode({ data: new Uint8Array(0), acl, zxid: 0n, time: 0n, ephemeralOwner: 0n });
    this.putNode('/', special(OPEN_ACL_UNSAFE));
    this.putNode('/zookeeper', special(OPEN_ACL_UNSAFE));
    this.putNode('/zookeeper/quota', special(OPEN_ACL_UNSAFE));
    // ZooKeeper sets the config node's ACL with version -1 at startup, so its aversion reads -1
    this.putNode('/zookeeper/config', { ...special(READ_ACL_UNSAFE), aversion: -1 });
  }

  get(path: string): ZNode | undefined {
    return this.nodes.get(path);
  }

  get nodeCount(): number {
    return this.nodes.size;
  }

  /** Inserts a node and links it under its parent without touching the parent's stat (loading, special nodes). */
  putNode(path: string, node: ZNode): void {
    this.nodes.set(path, node);
    if (path !== '/') this.nodes.get(parentOf(path))?.children.add(basename(path));
    this.index(path, node.ephemeralOwner);
    this.approximateDataSize += nodeSize(path, node.data);
  }

  private index(path: string, owner: bigint): void {
    const kind = ephemeralKind(owner);
    if (kind === 'container') this.containers.add(path);
    else if (kind === 'ttl') this.ttls.add(path);
    else if (kind === 'normal') {
      let set = this.ephemerals.get(owner);
      if (set === undefined) this.ephemerals.set(owner, (set = new Set()));
      set.add(path);
    }
  }

  createNode(opts: {
    path: string;
    data: Uint8Array | null;
    acl: readonly Acl[];
    ephemeralOwner: bigint;
    parentCversion: number;
    zxid: bigint;
    time: bigint;
  }): ZNode {
    const { path, zxid } = opts;
    const parent = this.nodes.get(parentOf(path));
    if (parent === undefined) throw coordError('GALE_ERR_COORD_NO_NODE', parentOf(path));
    const name = basename(path);
    if (parent.children.has(name)) throw coordError('GALE_ERR_COORD_NODE_EXISTS', path);
    if (opts.parentCversion > parent.cversion) {
      parent.cversion = opts.parentCversion;
      parent.pzxid = zxid;
    }
    const node = newNode({ data: opts.data, acl: opts.acl, zxid, time: opts.time, ephemeralOwner: opts.ephemeralOwner });
    parent.children.add(name);
    this.nodes.set(path, node);
    this.index(path, opts.ephemeralOwner);
    this.approximateDataSize += nodeSize(path, opts.data);
    quotaAfterCreate(this, path, opts.data?.length ?? 0);
    return node;
  }

  deleteNode(path: string, zxid: bigint): ZNode {
    const parent = this.nodes.get(parentOf(path));
    const node = this.nodes.get(path);
    if (parent === undefined || node === undefined) throw coordError('GALE_ERR_COORD_NO_NODE', path);
    parent.children.delete(basename(path));
    if (zxid > parent.pzxid) parent.pzxid = zxid;
    this.nodes.delete(path);
    this.approximateDataSize -= nodeSize(path, node.data);
    const kind = ephemeralKind(node.ephemeralOwner);
    if (kind === 'container') this.containers.delete(path);
    else if (kind === 'ttl') this.ttls.delete(path);
    else if (kind === 'normal') {
      const set = this.ephemerals.get(node.ephemeralOwner);
      set?.delete(path);
      if (set?.size === 0) this.ephemerals.delete(node.ephemeralOwner);
    }
    quotaAfterDelete(this, path, node.data?.length ?? 0);
    return node;
  }

  setData(path: string, data: Uint8Array | null, version: number, zxid: bigint, time: bigint): ZNode {
    const node = this.nodes.get(path);
    if (node === undefined) throw coordError('GALE_ERR_COORD_NO_NODE', path);
    this.approximateDataSize += nodeSize(path, data) - nodeSize(path, node.data);
    quotaAfterSetData(this, path, node.data?.length ?? 0, data?.length ?? 0);
    node.data = data;
    node.mtime = time;
    node.mzxid = zxid;
    node.version = version;
    return node;
  }

  setAcl(path: string, acl: readonly Acl[], aversion: number): ZNode {
    const node = this.nodes.get(path);
    if (node === undefined) throw coordError('GALE_ERR_COORD_NO_NODE', path);
    node.acl = acl;
    node.aversion = aversion;
    return node;
  }

  /** Number of all descendants (getAllChildrenNumber). */
  descendantCount(path: string): number {
    if (path === '/') return this.nodes.size - 1;
    const prefix = `${path}/`;
    let n = 0;
    for (const p of this.nodes.keys()) if (p.startsWith(prefix)) n++;
    return n;
  }

  ephemeralCount(): number {
    let n = 0;
    for (const s of this.ephemerals.values()) n += s.size;
    return n;
  }
}
