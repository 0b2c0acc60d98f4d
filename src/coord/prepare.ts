/**
 * request -> Txn (ZooKeeper's PrepRequestProcessor): validate the path,
 * version, ACL and session against the tree as the pending txns will leave
 * it, and produce the txn stamped with its zxid. Nothing is mutated except
 * the pending-changes overlay. A request that fails becomes an `error` txn
 * (ZooKeeper logs those too and they consume a zxid); a failed multi becomes
 * a multi of error ops: 0 before the failing op, its code, then -2
 * (RUNTIMEINCONSISTENCY) after it.
 *
 * Check order follows ZooKeeper so clients see the same error it would give:
 * create = mode/TTL -> path -> ACL list -> parent exists -> CREATE on parent
 * -> sequential suffix -> final path -> node exists -> ephemeral parent;
 * delete = path -> parent exists -> DELETE on parent -> node exists ->
 * version -> children.
 */
import { checkAcl, fixupAcl, Perms } from './acl.js';
import { CONTAINER_OWNER, ephemeralKind, isValidTtl, ttlOwner } from './ephemeral-type.js';
import { coordError, CoordError } from './errors.js';
import { PendingChanges, Scratch, type NodeView } from './pending.js';
import { isSpecialPath, parentOf, validatePath } from './path.js';
import { createModes, type CreateRequest, type MultiOpRequest, type WriteRequest, type WriterContext } from './requests.js';
import type { DataTree } from './tree.js';
import type { Txn, TxnHeader, TxnOp } from './txn.js';

export interface PrepareOptions {
  /** jute.maxbuffer: the largest data a node may hold */
  readonly maxDataBytes: number;
  /** false for unknown, expired or closing sessions */
  sessionLive(sessionId: bigint): boolean;
}

const RUNTIME_INCONSISTENCY = -2;

/** ZooKeeper's String.format("%010d", n) */
export function sequenceSuffix(n: number): string {
  return n < 0 ? `-${String(-n).padStart(9, '0')}` : String(n).padStart(10, '0');
}

function nextVersion(current: number, expected: number, path: string): number {
  if (expected !== -1 && expected !== current) throw coordError('GALE_ERR_COORD_BAD_VERSION', path);
  return (current + 1) | 0;
}

function mustExist(view: NodeView | null, path: string): NodeView {
  if (view === null) throw coordError('GALE_ERR_COORD_NO_NODE', path);
  return view;
}

/** path with a slash and no NUL, not one of ZooKeeper's own nodes (getParentPathAndValidate) */
function parentForDelete(path: string): string {
  if (path.lastIndexOf('/') < 0 || path.includes('\0') || isSpecialPath(path)) {
    throw coordError('GALE_ERR_COORD_BAD_ARGUMENTS', path);
  }
  return parentOf(path);
}

export class Preparer {
  constructor(
    private readonly tree: DataTree,
    private readonly pending: PendingChanges,
    private readonly opts: PrepareOptions,
  ) {}

  prepare(req: WriteRequest, who: WriterContext, zxid: bigint, time: bigint): Txn {
    const hdr: TxnHeader = { sessionId: who.sessionId, cxid: who.cxid, zxid, time };
    const scratch = new Scratch(this.pending);
    let op: TxnOp;
    try {
      op = this.prepareOp(req, who, scratch);
    } catch (e) {
      if (!(e instanceof CoordError)) throw e;
      return { hdr, op: { type: 'error', err: e.keeper } };
    }
    this.pending.publish(zxid, scratch.changes);
    return { hdr, op };
  }

  private checkSession(who: WriterContext): void {
    if (who.sessionId !== 0n && !this.opts.sessionLive(who.sessionId)) {
      throw coordError('GALE_ERR_COORD_SESSION_EXPIRED');
    }
  }

  private checkData(data: Uint8Array | null, path: string): void {
    if (data !== null && data.length > this.opts.maxDataBytes) throw coordError('GALE_ERR_COORD_BAD_ARGUMENTS', path);
  }

  private prepareOp(req: WriteRequest, who: WriterContext, s: Scratch): TxnOp {
    switch (req.op) {
      case 'create':
        return this.create(req, who, s);
      case 'delete': {
        this.checkSession(who);
        const parentPath = parentForDelete(req.path);
        const parent = mustExist(s.lookup(parentPath), parentPath);
        checkAcl(parent.acl, Perms.DELETE, who.authIds, req.path);
        const node = mustExist(s.lookup(req.path), req.path);
        nextVersion(node.version, req.version, req.path);
        if (node.childCount > 0) throw coordError('GALE_ERR_COORD_NOT_EMPTY', req.path);
        s.set(parentPath, { ...parent, childCount: parent.childCount - 1 });
        s.set(req.path, null);
        return { type: 'delete', path: req.path };
      }
      case 'deleteContainer': {
        const parentPath = parentForDelete(req.path);
        const node = mustExist(s.lookup(req.path), req.path);
        if (node.childCount > 0) throw coordError('GALE_ERR_COORD_NOT_EMPTY', req.path);
        const kind = ephemeralKind(node.ephemeralOwner);
        if (kind !== 'container' && kind !== 'ttl') throw coordError('GALE_ERR_COORD_BAD_VERSION', req.path);
        const parent = mustExist(s.lookup(parentPath), parentPath);
        s.set(parentPath, { ...parent, childCount: parent.childCount - 1 });
        s.set(req.path, null);
        return { type: 'delete', path: req.path };
      }
      case 'setData': {
        this.checkSession(who);
        validatePath(req.path);
        const node = mustExist(s.lookup(req.path), req.path);
        checkAcl(node.acl, Perms.WRITE, who.authIds, req.path);
        this.checkData(req.data, req.path);
        const version = nextVersion(node.version, req.version, req.path);
        s.set(req.path, { ...node, version });
        return { type: 'setData', path: req.path, data: req.data, version };
      }
      case 'setAcl': {
        this.checkSession(who);
        validatePath(req.path);
        const acl = fixupAcl(req.path, req.acl, who.authIds);
        const node = mustExist(s.lookup(req.path), req.path);
        checkAcl(node.acl, Perms.ADMIN, who.authIds, req.path);
        const aversion = nextVersion(node.aversion, req.version, req.path);
        s.set(req.path, { ...node, aversion, acl });
        return { type: 'setAcl', path: req.path, acl, version: aversion };
      }
      case 'check': {
        this.checkSession(who);
        validatePath(req.path);
        const node = mustExist(s.lookup(req.path), req.path);
        checkAcl(node.acl, Perms.READ, who.authIds, req.path);
        nextVersion(node.version, req.version, req.path);
        return { type: 'check', path: req.path, version: node.version };
      }
      case 'multi':
        return this.multi(req.ops, who, s);
      case 'createSession':
        return { type: 'createSession', timeoutMs: req.timeoutMs, passwd: req.passwd };
      case 'closeSession':
        return this.closeSession(who.sessionId, s);
    }
  }

  private create(req: CreateRequest, who: WriterContext, s: Scratch): TxnOp {
    const mode = Number.isInteger(req.flags) ? createModes[req.flags] : undefined;
    if (mode === undefined) throw coordError('GALE_ERR_COORD_BAD_ARGUMENTS', req.path);
    if (mode.ttl ? !isValidTtl(req.ttl) : req.ttl >= 0n) throw coordError('GALE_ERR_COORD_BAD_ARGUMENTS', req.path);
    this.checkSession(who);
    if (req.path.lastIndexOf('/') < 0 || req.path.includes('\0')) throw coordError('GALE_ERR_COORD_BAD_ARGUMENTS', req.path);
    this.checkData(req.data, req.path);
    const parentPath = parentOf(req.path === '/' ? '/' : req.path.endsWith('/') ? `${req.path}x` : req.path);
    const acl = fixupAcl(req.path, req.acl, who.authIds);
    const parent = mustExist(s.lookup(parentPath), parentPath);
    checkAcl(parent.acl, Perms.CREATE, who.authIds, req.path);
    const path = mode.sequential ? req.path + sequenceSuffix(parent.cversion) : req.path;
    validatePath(path);
    if (s.lookup(path) !== null) throw coordError('GALE_ERR_COORD_NODE_EXISTS', path);
    if (ephemeralKind(parent.ephemeralOwner) === 'normal') throw coordError('GALE_ERR_COORD_NO_CHILDREN_FOR_EPHEMERALS', path);
    const parentCversion = (parent.cversion + 1) | 0;
    const ephemeralOwner = mode.container
      ? CONTAINER_OWNER
      : mode.ttl
        ? ttlOwner(req.ttl)
        : mode.ephemeral
          ? who.sessionId
          : 0n;
    s.set(parentPath, { ...parent, cversion: parentCversion, childCount: parent.childCount + 1 });
    s.set(path, { version: 0, cversion: 0, aversion: 0, ephemeralOwner, childCount: 0, acl });
    return { type: 'create', path, data: req.data, acl, ephemeralOwner, parentCversion };
  }

  private multi(ops: readonly MultiOpRequest[], who: WriterContext, s: Scratch): TxnOp {
    const out: TxnOp[] = [];
    for (let i = 0; i < ops.length; i++) {
      try {
        out.push(this.prepareOp(ops[i]!, who, s));
      } catch (e) {
        if (!(e instanceof CoordError)) throw e;
        s.changes.clear();
        const failed: TxnOp[] = [];
        for (let j = 0; j < ops.length; j++) {
          failed.push({ type: 'error', err: j < i ? 0 : j === i ? e.keeper : RUNTIME_INCONSISTENCY });
        }
        return { type: 'multi', ops: failed };
      }
    }
    return { type: 'multi', ops: out };
  }

  private closeSession(sessionId: bigint, s: Scratch): TxnOp {
    const paths = new Set(this.tree.ephemerals.get(sessionId) ?? []);
    for (const [path, rec] of this.pending.entries()) {
      if (rec.view !== null && rec.view.ephemeralOwner === sessionId) paths.add(path);
      else paths.delete(path);
    }
    const sorted = [...paths].sort();
    for (const path of sorted) {
      const parentPath = parentOf(path);
      const parent = s.lookup(parentPath);
      if (parent !== null) s.set(parentPath, { ...parent, childCount: parent.childCount - 1 });
      s.set(path, null);
    }
    return { type: 'closeSession', paths: sorted };
  }
}
