/**
 * Quota bookkeeping, as ZooKeeper's DataTree keeps it: a path P has a quota
 * while `/zookeeper/quota<P>/zookeeper_limits` exists, and the server keeps
 * `/zookeeper/quota<P>/zookeeper_stats` holding "count=N,bytes=M" for P's
 * subtree (P included). Creating the stats node recounts the subtree; every
 * create, delete and setData under P (the deepest quota'd prefix) adjusts the
 * stats in place, without a version or mzxid change. Quotas are only
 * reported (zkCli `listquota`), never enforced, as with ZooKeeper's default
 * `zookeeper.enforceQuota=false`. Deterministic, so log replay rebuilds it.
 */
import type { DataTree } from './tree.js';

const QUOTA_ROOT = '/zookeeper/quota';
const LIMIT_NODE = 'zookeeper_limits';
const STAT_NODE = 'zookeeper_stats';

const statPathOf = (quotaPath: string): string => `${QUOTA_ROOT}${quotaPath}/${STAT_NODE}`;
const limitPathOf = (quotaPath: string): string => `${QUOTA_ROOT}${quotaPath}/${LIMIT_NODE}`;

/** The deepest prefix of `path` (itself included, `/` excluded) that has a quota, if any. */
function maxQuotaPrefix(tree: DataTree, path: string): string | undefined {
  if ((tree.get(QUOTA_ROOT)?.children.size ?? 0) === 0) return undefined;
  let found: string | undefined;
  for (let i = path.indexOf('/', 1); ; i = path.indexOf('/', i + 1)) {
    const prefix = i === -1 ? path : path.slice(0, i);
    if (tree.get(limitPathOf(prefix)) !== undefined) found = prefix;
    if (i === -1) return found;
  }
}

/** Parses StatsTrack text ("count=1,bytes=2=;byteHardLimit=-1"): key order kept, empty values read as -1. */
function parseStats(text: string): Map<string, bigint> {
  const stats = new Map<string, bigint>();
  for (const pair of text.split(/[,;]/)) {
    const [key, value] = pair.split('=');
    if (key === undefined || key === '') continue;
    try {
      stats.set(key, value === undefined || value === '' ? -1n : BigInt(value));
    } catch {
      stats.set(key, -1n);
    }
  }
  return stats;
}

/** StatsTrack.toString: count and bytes first; other keys sorted after an extra `=` old parsers ignore. */
function formatStats(stats: Map<string, bigint>): string {
  const rest = [...stats.keys()].filter((k) => k !== 'count' && k !== 'bytes').sort();
  let s = `count=${stats.get('count') ?? -1n},bytes=${stats.get('bytes') ?? -1n}`;
  if (rest.length > 0) s += `=${rest.map((k) => `;${k}=${stats.get(k)}`).join('')}`;
  return s;
}

function writeStats(tree: DataTree, statPath: string, stats: Map<string, bigint>): void {
  const node = tree.get(statPath);
  if (node === undefined) return;
  const data = new TextEncoder().encode(formatStats(stats));
  tree.approximateDataSize += data.length - (node.data?.length ?? 0);
  node.data = data;
}

/** Counts nodes and data bytes of the subtree at `path` (itself included). */
function subtreeCounts(tree: DataTree, path: string): { count: bigint; bytes: bigint } {
  let count = 0n;
  let bytes = 0n;
  const stack = [path];
  for (let p = stack.pop(); p !== undefined; p = stack.pop()) {
    const node = tree.get(p);
    if (node === undefined) continue;
    count++;
    bytes += BigInt(node.data?.length ?? 0);
    for (const child of node.children) stack.push(p === '/' ? `/${child}` : `${p}/${child}`);
  }
  return { count, bytes };
}

/** After `path` was created with `dataLength` bytes. */
export function quotaAfterCreate(tree: DataTree, path: string, dataLength: number): void {
  if (path.startsWith(`${QUOTA_ROOT}/`) && path.endsWith(`/${STAT_NODE}`)) {
    const quotaPath = path.slice(QUOTA_ROOT.length, -(STAT_NODE.length + 1));
    const { count, bytes } = subtreeCounts(tree, quotaPath);
    writeStats(tree, path, new Map([['count', count], ['bytes', bytes]]));
  }
  adjust(tree, path, 1n, BigInt(dataLength));
}

/** After `path`, which held `dataLength` bytes, was deleted. */
export function quotaAfterDelete(tree: DataTree, path: string, dataLength: number): void {
  adjust(tree, path, -1n, -BigInt(dataLength));
}

/** After `path`'s data went from `before` to `after` bytes. */
export function quotaAfterSetData(tree: DataTree, path: string, before: number, after: number): void {
  adjust(tree, path, 0n, BigInt(after - before));
}

function adjust(tree: DataTree, path: string, countDiff: bigint, bytesDiff: bigint): void {
  const quotaPath = maxQuotaPrefix(tree, path);
  if (quotaPath === undefined) return;
  const statPath = statPathOf(quotaPath);
  const node = tree.get(statPath);
  if (node === undefined) return;
  const stats = parseStats(new TextDecoder().decode(node.data ?? new Uint8Array(0)));
  stats.set('count', (stats.get('count') ?? 0n) + countDiff);
  stats.set('bytes', (stats.get('bytes') ?? 0n) + bytesDiff);
  writeStats(tree, statPath, stats);
}
