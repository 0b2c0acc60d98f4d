/**
 * Txn -> state change (ZooKeeper's DataTree.processTxn). Deterministic: the
 * same txns applied to the same state give the same state, so recovery is
 * "load the snapshot, apply the log". It returns the op's result and the node
 * events in the order ZooKeeper triggers watches; the store fires them
 * before it answers anyone (watches.ts `fireNodeEvent`).
 */
import type { Acl } from './acl.js';
import { coordError } from './errors.js';
import type { OpResult } from './requests.js';
import { clientStat, type DataTree } from './tree.js';
import type { Txn, TxnHeader, TxnOp } from './txn.js';

export interface SessionRecord {
  readonly timeoutMs: number;
  readonly passwd: Uint8Array;
}

/** Everything the txn log and snapshots make durable. */
export interface CoordState {
  readonly tree: DataTree;
  readonly sessions: Map<bigint, SessionRecord>;
  lastZxid: bigint;
}

export type NodeEvent =
  | { readonly kind: 'created'; readonly path: string }
  | { readonly kind: 'deleted'; readonly path: string }
  | { readonly kind: 'data-changed'; readonly path: string };

export interface ApplyResult {
  readonly result: OpResult;
  readonly events: readonly NodeEvent[];
}

function applyOp(state: CoordState, hdr: TxnHeader, op: TxnOp, events: NodeEvent[]): OpResult {
  const tree: DataTree = state.tree;
  switch (op.type) {
    case 'create': {
      const node = tree.createNode({
        path: op.path,
        data: op.data,
        acl: op.acl as Acl[],
        ephemeralOwner: op.ephemeralOwner,
        parentCversion: op.parentCversion,
        zxid: hdr.zxid,
        time: hdr.time,
      });
      events.push({ kind: 'created', path: op.path });
      return { type: 'create', path: op.path, stat: clientStat(node) };
    }
    case 'delete':
      tree.deleteNode(op.path, hdr.zxid);
      events.push({ kind: 'deleted', path: op.path });
      return { type: 'delete' };
    case 'setData': {
      const node = tree.setData(op.path, op.data, op.version, hdr.zxid, hdr.time);
      events.push({ kind: 'data-changed', path: op.path });
      return { type: 'setData', stat: clientStat(node) };
    }
    case 'setAcl':
      return { type: 'setAcl', stat: clientStat(tree.setAcl(op.path, op.acl, op.version)) };
    case 'check': {
      const node = tree.get(op.path);
      return { type: 'check', stat: node === undefined ? undefined : clientStat(node) };
    }
    case 'createSession':
      state.sessions.set(hdr.sessionId, { timeoutMs: op.timeoutMs, passwd: op.passwd });
      return { type: 'createSession' };
    case 'closeSession':
      for (const path of op.paths) {
        const node = tree.get(path);
        // only the session's own ephemerals: a path re-created by another session since prepare stays
        if (node === undefined || node.ephemeralOwner !== hdr.sessionId) continue;
        tree.deleteNode(path, hdr.zxid);
        events.push({ kind: 'deleted', path });
      }
      state.sessions.delete(hdr.sessionId);
      return { type: 'closeSession' };
    case 'error':
      return { type: 'error', err: op.err };
    case 'multi': {
      if (op.ops.some((o) => o.type === 'error')) {
        return { type: 'multi', results: op.ops.map((o) => ({ type: 'error', err: o.type === 'error' ? o.err : 0 })) };
      }
      return { type: 'multi', results: op.ops.map((o) => applyOp(state, hdr, o, events)) };
    }
  }
}

export function apply(state: CoordState, txn: Txn): ApplyResult {
  if (txn.hdr.zxid <= state.lastZxid) {
    throw coordError('GALE_ERR_COORD_CORRUPT_LOG', `txn ${txn.hdr.zxid} applied after ${state.lastZxid}`);
  }
  const events: NodeEvent[] = [];
  const result = applyOp(state, txn.hdr, txn.op, events);
  state.lastZxid = txn.hdr.zxid;
  return { result, events };
}
