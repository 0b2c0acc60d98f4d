/**
 * What callers ask the store to write, and what a write answers, in the
 * coordinator's own terms (the ZooKeeper server translates its jute records
 * to and from these; the embedded coordinator builds them directly).
 */
import type { Acl, Id } from './acl.js';
import type { Stat } from './coordinator.js';

/**
 * ZooKeeper CreateMode flags: 0 persistent, 1 ephemeral, 2 persistent
 * sequential, 3 ephemeral sequential, 4 container, 5 persistent with TTL,
 * 6 persistent sequential with TTL.
 */
export const createModes = [
  { flag: 0, name: 'PERSISTENT', ephemeral: false, sequential: false, container: false, ttl: false },
  { flag: 1, name: 'EPHEMERAL', ephemeral: true, sequential: false, container: false, ttl: false },
  { flag: 2, name: 'PERSISTENT_SEQUENTIAL', ephemeral: false, sequential: true, container: false, ttl: false },
  { flag: 3, name: 'EPHEMERAL_SEQUENTIAL', ephemeral: true, sequential: true, container: false, ttl: false },
  { flag: 4, name: 'CONTAINER', ephemeral: false, sequential: false, container: true, ttl: false },
  { flag: 5, name: 'PERSISTENT_WITH_TTL', ephemeral: false, sequential: false, container: false, ttl: true },
  { flag: 6, name: 'PERSISTENT_SEQUENTIAL_WITH_TTL', ephemeral: false, sequential: true, container: false, ttl: true },
] as const;

export type CreateModeInfo = (typeof createModes)[number];

export interface CreateRequest {
  readonly op: 'create';
  readonly path: string;
  readonly data: Uint8Array | null;
  readonly acl: readonly Acl[];
  readonly flags: number;
  /** createTTL only; -1 otherwise (as ZooKeeper) */
  readonly ttl: bigint;
}

export type MultiOpRequest =
  | CreateRequest
  | { readonly op: 'delete'; readonly path: string; readonly version: number }
  | { readonly op: 'setData'; readonly path: string; readonly data: Uint8Array | null; readonly version: number }
  | { readonly op: 'check'; readonly path: string; readonly version: number };

export type WriteRequest =
  | MultiOpRequest
  | { readonly op: 'setAcl'; readonly path: string; readonly acl: readonly Acl[]; readonly version: number }
  | { readonly op: 'multi'; readonly ops: readonly MultiOpRequest[] }
  /** the server's own: the container/TTL reaper */
  | { readonly op: 'deleteContainer'; readonly path: string }
  | { readonly op: 'createSession'; readonly timeoutMs: number; readonly passwd: Uint8Array }
  | { readonly op: 'closeSession' };

/** Who is writing: the session and the ids it authenticated as. */
export interface WriterContext {
  readonly sessionId: bigint;
  readonly authIds: readonly Id[];
  readonly cxid: number;
}

export type OpResult =
  | { readonly type: 'create'; readonly path: string; readonly stat: Stat }
  | { readonly type: 'delete' }
  | { readonly type: 'setData'; readonly stat: Stat }
  | { readonly type: 'setAcl'; readonly stat: Stat }
  | { readonly type: 'check'; readonly stat: Stat | undefined }
  | { readonly type: 'createSession' }
  | { readonly type: 'closeSession' }
  /** err is a KeeperException number (0 inside a failed multi for the ops before the failing one) */
  | { readonly type: 'error'; readonly err: number }
  | { readonly type: 'multi'; readonly results: readonly OpResult[] };
