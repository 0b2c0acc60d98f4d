/**
 * The `Coordinator` seam: a ZooKeeper-shaped store the engine keeps its
 * catalog, query assignments and worker membership in. Implementations:
 * `EmbeddedCoordinator` (src/coord, in-process, also served over the ZooKeeper
 * wire protocol by src/zookeeper) and `ZooKeeperCoordinator`
 * (src/connectors/zookeeper, a real ensemble through node-zookeeper-client).
 *
 * Semantics are ZooKeeper's: absolute slash paths, versions for conditional
 * writes (-1 = any), ephemeral nodes owned by the session, sequential names
 * with a 10-digit suffix, one-shot watches.
 */
export type CreateMode = 'persistent' | 'ephemeral' | 'sequential' | 'ephemeral-sequential';

export interface Stat {
  readonly czxid: bigint;
  readonly mzxid: bigint;
  readonly pzxid: bigint;
  readonly ctime: bigint;
  readonly mtime: bigint;
  readonly version: number;
  readonly cversion: number;
  readonly aversion: number;
  readonly ephemeralOwner: bigint;
  readonly dataLength: number;
  readonly numChildren: number;
}

export type WatchEventType = 'created' | 'deleted' | 'data-changed' | 'children-changed';

export interface WatchEvent {
  readonly type: WatchEventType;
  readonly path: string;
}

export type Watcher = (event: WatchEvent) => void;

export type CoordinatorOp =
  | { readonly op: 'create'; readonly path: string; readonly data: Uint8Array; readonly mode: CreateMode }
  | { readonly op: 'set'; readonly path: string; readonly data: Uint8Array; readonly version?: number }
  | { readonly op: 'delete'; readonly path: string; readonly version?: number }
  | { readonly op: 'check'; readonly path: string; readonly version: number };

export type CoordinatorResult =
  | { readonly op: 'create'; readonly path: string }
  | { readonly op: 'set'; readonly stat: Stat }
  | { readonly op: 'delete' }
  | { readonly op: 'check' };

export type SessionState = 'connected' | 'disconnected' | 'expired' | 'closed';

export interface SessionHandle {
  readonly id: bigint;
  readonly state: SessionState;
  /** Called on every state change; expiry means every ephemeral node of the session is gone. */
  onStateChange(listener: (state: SessionState) => void): () => void;
}

export interface Coordinator {
  /** Returns the created path (with the sequence suffix for sequential modes). */
  create(path: string, data: Uint8Array, mode: CreateMode): Promise<string>;
  get(path: string, watch?: Watcher): Promise<{ data: Uint8Array; stat: Stat } | undefined>;
  exists(path: string, watch?: Watcher): Promise<Stat | undefined>;
  set(path: string, data: Uint8Array, version?: number): Promise<Stat>;
  delete(path: string, version?: number): Promise<void>;
  children(path: string, watch?: Watcher): Promise<string[]>;
  /** All or nothing; a failing op rejects with the GaleError of the first failure. */
  multi(ops: readonly CoordinatorOp[]): Promise<CoordinatorResult[]>;
  session(): SessionHandle;
  close(): Promise<void>;
}
