/**
 * The read side (ZooKeeper's FinalRequestProcessor for non-txn ops): reads
 * of the applied tree, with ACL checks and watch registration. Watches are
 * registered only on success, except exists, which sets an exist watch on a
 * missing node; exists itself checks no ACL.
 */
import { aclAllows, checkAcl, Perms, redactDigests, type Acl, type Id } from './acl.js';
import type { Stat } from './coordinator.js';
import { coordError } from './errors.js';
import { clientStat, type DataTree, type ZNode } from './tree.js';
import type { WatchManager, WatchSink, WatcherType } from './watches.js';

export interface Reader {
  readonly tree: DataTree;
  readonly watches: WatchManager;
}

function node(r: Reader, path: string): ZNode {
  const n = r.tree.get(path);
  if (n === undefined) throw coordError('GALE_ERR_COORD_NO_NODE', path);
  return n;
}

export function getData(
  r: Reader,
  path: string,
  authIds: readonly Id[],
  watcher?: WatchSink,
): { data: Uint8Array | null; stat: Stat } {
  const n = node(r, path);
  checkAcl(n.acl, Perms.READ, authIds, path);
  if (watcher !== undefined) r.watches.addData(path, watcher);
  return { data: n.data, stat: clientStat(n) };
}

export function exists(r: Reader, path: string, watcher?: WatchSink): Stat | undefined {
  if (path.includes('\0')) throw coordError('GALE_ERR_COORD_BAD_ARGUMENTS', path);
  if (watcher !== undefined) r.watches.addData(path, watcher);
  const n = r.tree.get(path);
  return n === undefined ? undefined : clientStat(n);
}

export function getChildren(
  r: Reader,
  path: string,
  authIds: readonly Id[],
  watcher?: WatchSink,
): { children: string[]; stat: Stat } {
  const n = node(r, path);
  checkAcl(n.acl, Perms.READ, authIds, path);
  if (watcher !== undefined) r.watches.addChild(path, watcher);
  return { children: [...n.children], stat: clientStat(n) };
}

export function getAcl(r: Reader, path: string, authIds: readonly Id[]): { acl: readonly Acl[]; stat: Stat } {
  const n = node(r, path);
  checkAcl(n.acl, Perms.READ | Perms.ADMIN, authIds, path);
  const acl = aclAllows(n.acl, Perms.ADMIN, authIds) ? n.acl : redactDigests(n.acl);
  return { acl, stat: clientStat(n) };
}

export function getAllChildrenNumber(r: Reader, path: string, authIds: readonly Id[]): number {
  const n = node(r, path);
  checkAcl(n.acl, Perms.READ, authIds, path);
  return r.tree.descendantCount(path);
}

/** The session's own ephemerals under a prefix (a plain string prefix, as ZooKeeper). */
export function getEphemerals(r: Reader, sessionId: bigint, prefix: string): string[] {
  const all = [...(r.tree.ephemerals.get(sessionId) ?? [])];
  const p = prefix.trim();
  return p === '' || p === '/' ? all : all.filter((e) => e.startsWith(prefix));
}

export interface SetWatchesRequest {
  readonly relativeZxid: bigint;
  readonly dataWatches: readonly string[];
  readonly existWatches: readonly string[];
  readonly childWatches: readonly string[];
  readonly persistentWatches: readonly string[];
  readonly persistentRecursiveWatches: readonly string[];
}

/**
 * Re-registers a reconnecting client's watches (DataTree.setWatches): what
 * changed since `relativeZxid` fires at once, the rest is registered.
 */
export function setWatches(r: Reader, req: SetWatchesRequest, watcher: WatchSink): void {
  for (const path of req.dataWatches) {
    const n = r.tree.get(path);
    if (n === undefined) watcher.deliver({ type: 'deleted', path });
    else if (n.mzxid > req.relativeZxid) watcher.deliver({ type: 'data-changed', path });
    else r.watches.addData(path, watcher);
  }
  for (const path of req.existWatches) {
    if (r.tree.get(path) !== undefined) watcher.deliver({ type: 'created', path });
    else r.watches.addData(path, watcher);
  }
  for (const path of req.childWatches) {
    const n = r.tree.get(path);
    if (n === undefined) watcher.deliver({ type: 'deleted', path });
    else if (n.pzxid > req.relativeZxid) watcher.deliver({ type: 'children-changed', path });
    else r.watches.addChild(path, watcher);
  }
  for (const path of req.persistentWatches) r.watches.addPersistent(path, watcher, false);
  for (const path of req.persistentRecursiveWatches) r.watches.addPersistent(path, watcher, true);
}

/** addWatch mode: 0 persistent, 1 persistent-recursive */
export function addWatch(r: Reader, path: string, mode: number, watcher: WatchSink): void {
  if (mode !== 0 && mode !== 1) throw coordError('GALE_ERR_COORD_BAD_ARGUMENTS', path);
  r.watches.addPersistent(path, watcher, mode === 1);
}

export const watcherTypes: Readonly<Record<number, WatcherType>> = { 1: 'children', 2: 'data', 3: 'any' };

export function removeWatches(r: Reader, path: string, type: number, watcher: WatchSink): void {
  const t = watcherTypes[type];
  if (t === undefined) throw coordError('GALE_ERR_COORD_BAD_ARGUMENTS', path);
  if (!r.watches.remove(path, t, watcher)) throw coordError('GALE_ERR_COORD_NO_WATCHER', path);
}

export function checkWatches(r: Reader, path: string, type: number, watcher: WatchSink): void {
  const t = watcherTypes[type];
  if (t === undefined) throw coordError('GALE_ERR_COORD_BAD_ARGUMENTS', path);
  if (!r.watches.contains(path, t, watcher)) throw coordError('GALE_ERR_COORD_NO_WATCHER', path);
}
