/**
 * Typed errors of the coordinator (`src/coord`), as data.
 *
 * The coordinator's semantics are ZooKeeper's, so every code carries the
 * KeeperException number the ZooKeeper wire server answers with (a table
 * lookup in both directions, never a `switch`), its ZooKeeper name (for logs
 * and docs) and whether a client may retry. `about` documents the code.
 */
import { GaleError } from '../errors.js';

export const coordErrors = {
  GALE_ERR_COORD_SYSTEM_ERROR: { keeper: -1, name: 'SYSTEMERROR', retriable: false, about: 'an internal failure of the coordinator' },
  GALE_ERR_COORD_RUNTIME_INCONSISTENCY: {
    keeper: -2,
    name: 'RUNTIMEINCONSISTENCY',
    retriable: false,
    about: 'an operation of a multi after the one that failed (nothing of the multi was applied)',
  },
  GALE_ERR_COORD_MARSHALLING: { keeper: -5, name: 'MARSHALLINGERROR', retriable: false, about: 'a request body that could not be decoded' },
  GALE_ERR_COORD_UNIMPLEMENTED: { keeper: -6, name: 'UNIMPLEMENTED', retriable: false, about: 'an operation this server does not implement' },
  GALE_ERR_COORD_BAD_ARGUMENTS: {
    keeper: -8,
    name: 'BADARGUMENTS',
    retriable: false,
    about: 'an invalid path (relative, trailing or empty segment, `.`/`..`, control characters), a bad TTL or create mode, or data over jute.maxbuffer',
  },
  GALE_ERR_COORD_UNKNOWN_SESSION: { keeper: -12, name: 'UNKNOWNSESSION', retriable: false, about: 'no such session' },
  GALE_ERR_COORD_NO_NODE: { keeper: -101, name: 'NONODE', retriable: false, about: 'the node (or, for create, its parent) does not exist' },
  GALE_ERR_COORD_NO_AUTH: { keeper: -102, name: 'NOAUTH', retriable: false, about: "the node's ACL does not grant the session this permission" },
  GALE_ERR_COORD_BAD_VERSION: { keeper: -103, name: 'BADVERSION', retriable: false, about: 'the expected version differs from the current one' },
  GALE_ERR_COORD_NO_CHILDREN_FOR_EPHEMERALS: {
    keeper: -108,
    name: 'NOCHILDRENFOREPHEMERALS',
    retriable: false,
    about: 'a create under an ephemeral node',
  },
  GALE_ERR_COORD_NODE_EXISTS: { keeper: -110, name: 'NODEEXISTS', retriable: false, about: 'a create on a path that already exists' },
  GALE_ERR_COORD_NOT_EMPTY: { keeper: -111, name: 'NOTEMPTY', retriable: false, about: 'a delete of a node that has children' },
  GALE_ERR_COORD_SESSION_EXPIRED: { keeper: -112, name: 'SESSIONEXPIRED', retriable: false, about: 'the session expired or was closed' },
  GALE_ERR_COORD_INVALID_ACL: {
    keeper: -114,
    name: 'INVALIDACL',
    retriable: false,
    about: 'an empty ACL list, an unknown scheme, a malformed id, or `auth` with no authenticated id',
  },
  GALE_ERR_COORD_AUTH_FAILED: { keeper: -115, name: 'AUTHFAILED', retriable: false, about: 'an auth packet with an unknown scheme or bad credentials' },
  GALE_ERR_COORD_NO_WATCHER: { keeper: -121, name: 'NOWATCHER', retriable: false, about: 'checkWatches/removeWatches found no such watch' },
  GALE_ERR_COORD_RECONFIG_DISABLED: { keeper: -123, name: 'RECONFIGDISABLED', retriable: false, about: 'reconfig on a standalone server' },
  GALE_ERR_COORD_CLOSED: { keeper: -1, name: 'SYSTEMERROR', retriable: false, about: 'the coordinator store was closed' },
  GALE_ERR_COORD_CORRUPT_LOG: { keeper: -1, name: 'SYSTEMERROR', retriable: false, about: 'a transaction log file is damaged before its last record' },
  GALE_ERR_COORD_CORRUPT_SNAPSHOT: { keeper: -1, name: 'SYSTEMERROR', retriable: false, about: 'a snapshot file failed its checksum or format check' },
} as const;

export type CoordErrorCode = keyof typeof coordErrors;

export class CoordError extends GaleError<CoordErrorCode> {
  override readonly name = 'CoordError';
  /** the KeeperException number a ZooKeeper client sees */
  get keeper(): number {
    return coordErrors[this.code].keeper;
  }
}

export function coordError(code: CoordErrorCode, path?: string): CoordError {
  const e = coordErrors[code];
  return new CoordError(code, path === undefined ? e.about : `${e.name}: ${path}`, {
    retriable: e.retriable,
    ...(path === undefined ? {} : { details: { path } }),
  });
}

/** keeper number -> code (first code listed wins for shared numbers such as -1) */
const byKeeper = new Map<number, CoordErrorCode>();
for (const [code, e] of Object.entries(coordErrors) as [CoordErrorCode, (typeof coordErrors)[CoordErrorCode]][]) {
  if (!byKeeper.has(e.keeper)) byKeeper.set(e.keeper, code);
}

export function codeForKeeper(keeper: number): CoordErrorCode {
  return byKeeper.get(keeper) ?? 'GALE_ERR_COORD_SYSTEM_ERROR';
}

export function keeperName(keeper: number): string {
  if (keeper === 0) return 'OK';
  const code = byKeeper.get(keeper);
  return code === undefined ? `error ${keeper}` : coordErrors[code].name;
}
