/**
 * Log records: what `prepare` produces, the txn log stores and `apply`
 * replays. Mirrors the `org.apache.zookeeper.txn` module of zookeeper.jute
 * (TxnHeader + CreateTxn / DeleteTxn / SetDataTxn / SetACLTxn /
 * CheckVersionTxn / CreateSessionTxn / CloseSessionTxn / ErrorTxn / MultiTxn).
 * These are not the wire (proto) records: a create request becomes a
 * `create` txn with its final sequential name, owner and parent cversion.
 *
 * Differences from ZooKeeper, on purpose: container and TTL creates are one
 * `create` variant (the ephemeralOwner encodes the kind), and createSession
 * carries the session's password so that a restarted server can check a
 * reconnecting client without a server-wide secret.
 */
import type { Acl } from './acl.js';

export interface TxnHeader {
  /** session that issued it (0 for the server's own txns, e.g. container reaping) */
  readonly sessionId: bigint;
  readonly cxid: number;
  readonly zxid: bigint;
  /** wall-clock ms at prepare time: ctime/mtime come from here, so replay is deterministic */
  readonly time: bigint;
}

export type TxnOp =
  | {
      readonly type: 'create';
      readonly path: string;
      readonly data: Uint8Array | null;
      readonly acl: readonly Acl[];
      /** session id, 0, CONTAINER_OWNER or a TTL owner (ephemeral-type.ts) */
      readonly ephemeralOwner: bigint;
      readonly parentCversion: number;
    }
  | { readonly type: 'delete'; readonly path: string }
  | { readonly type: 'setData'; readonly path: string; readonly data: Uint8Array | null; readonly version: number }
  | { readonly type: 'setAcl'; readonly path: string; readonly acl: readonly Acl[]; readonly version: number }
  | { readonly type: 'check'; readonly path: string; readonly version: number }
  | { readonly type: 'createSession'; readonly timeoutMs: number; readonly passwd: Uint8Array }
  | { readonly type: 'closeSession'; readonly paths: readonly string[] }
  /** a failed write (ZooKeeper logs these too; they consume a zxid) */
  | { readonly type: 'error'; readonly err: number }
  | { readonly type: 'multi'; readonly ops: readonly TxnOp[] };

export interface Txn {
  readonly hdr: TxnHeader;
  readonly op: TxnOp;
}

export type TxnType = TxnOp['type'];
