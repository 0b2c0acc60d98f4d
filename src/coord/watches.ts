/**
 * Watches as ZooKeeper 3.8 keeps them: two tables (data/exist watches and
 * child watches), each path -> watcher -> mode, where mode is standard
 * (one-shot), persistent, or persistent-recursive (addWatch puts the latter
 * two in both tables). A watcher is whatever receives events: a wire
 * connection or an in-process callback.
 *
 * Trigger rules (WatchManager.triggerWatch): the watchers on the path fire;
 * when any recursive watch exists, the ancestors are walked too and their
 * recursive watchers fire for every event type except NodeChildrenChanged.
 * Standard watches are removed when they fire. The caller passes the set
 * already notified by the data table so a NodeDeleted reaches each watcher
 * once (DataTree.deleteNode).
 */
import type { WatchEvent, WatchEventType } from './coordinator.js';
import { parentOf } from './path.js';

export interface WatchSink {
  /** called synchronously while the change is applied, before any later response is produced */
  deliver(event: WatchEvent): void;
}

export type WatchMode = 'standard' | 'persistent' | 'persistent-recursive';
export type WatchTable = 'data' | 'child';
/** checkWatches/removeWatches type: 1 children, 2 data, 3 any */
export type WatcherType = 'children' | 'data' | 'any';

class Table {
  readonly byPath = new Map<string, Map<WatchSink, WatchMode>>();
  readonly byWatcher = new Map<WatchSink, Set<string>>();
  recursive = 0;

  add(path: string, w: WatchSink, mode: WatchMode): void {
    let m = this.byPath.get(path);
    if (m === undefined) this.byPath.set(path, (m = new Map()));
    const before = m.get(w);
    if (before === 'persistent-recursive') this.recursive--;
    if (mode === 'persistent-recursive') this.recursive++;
    m.set(w, mode);
    let paths = this.byWatcher.get(w);
    if (paths === undefined) this.byWatcher.set(w, (paths = new Set()));
    paths.add(path);
  }

  remove(path: string, w: WatchSink): boolean {
    const m = this.byPath.get(path);
    const mode = m?.get(w);
    if (m === undefined || mode === undefined) return false;
    m.delete(w);
    if (mode === 'persistent-recursive') this.recursive--;
    if (m.size === 0) this.byPath.delete(path);
    const paths = this.byWatcher.get(w);
    paths?.delete(path);
    if (paths?.size === 0) this.byWatcher.delete(w);
    return true;
  }

  removeWatcher(w: WatchSink): void {
    const paths = this.byWatcher.get(w);
    if (paths === undefined) return;
    for (const p of [...paths]) this.remove(p, w);
  }

  trigger(path: string, type: WatchEventType, suppress: ReadonlySet<WatchSink> | undefined): Set<WatchSink> {
    const fired = new Set<WatchSink>();
    let local = path;
    for (;;) {
      const m = this.byPath.get(local);
      if (m !== undefined) {
        for (const [w, mode] of m) {
          if (mode === 'persistent-recursive') {
            if (type !== 'children-changed') fired.add(w);
          } else if (local === path) {
            fired.add(w);
            if (mode === 'standard') this.remove(local, w);
          }
        }
      }
      if (this.recursive === 0 || local === '/') break;
      local = parentOf(local);
    }
    const event: WatchEvent = { type, path };
    for (const w of fired) if (suppress === undefined || !suppress.has(w)) w.deliver(event);
    return fired;
  }

  /** checkWatches semantics (WatchManager.containsWatcher) */
  contains(path: string, w: WatchSink): boolean {
    if (this.byPath.get(path)?.has(w) === true) return true;
    if (this.recursive === 0) return false;
    for (let p = path; p !== '/'; ) {
      p = parentOf(p);
      if (this.byPath.get(p)?.get(w) === 'persistent-recursive') return true;
    }
    return false;
  }

  size(): number {
    let n = 0;
    for (const m of this.byPath.values()) n += m.size;
    return n;
  }
}

export class WatchManager {
  private readonly data = new Table();
  private readonly child = new Table();

  /** getData / exists register on the data table; exists on a missing node is an exist watch there too. */
  addData(path: string, w: WatchSink): void {
    this.data.add(path, w, 'standard');
  }

  addChild(path: string, w: WatchSink): void {
    this.child.add(path, w, 'standard');
  }

  /** addWatch: persistent (mode 0) or persistent-recursive (mode 1), in both tables. */
  addPersistent(path: string, w: WatchSink, recursive: boolean): void {
    const mode: WatchMode = recursive ? 'persistent-recursive' : 'persistent';
    this.child.add(path, w, mode);
    this.data.add(path, w, mode);
  }

  trigger(table: WatchTable, path: string, type: WatchEventType, suppress?: ReadonlySet<WatchSink>): Set<WatchSink> {
    return (table === 'data' ? this.data : this.child).trigger(path, type, suppress);
  }

  /** Drops every watch of a watcher (its connection closed). */
  removeWatcher(w: WatchSink): void {
    this.data.removeWatcher(w);
    this.child.removeWatcher(w);
  }

  remove(path: string, type: WatcherType, w: WatchSink): boolean {
    let removed = false;
    if (type !== 'data' && this.child.remove(path, w)) removed = true;
    if (type !== 'children' && this.data.remove(path, w)) removed = true;
    return removed;
  }

  contains(path: string, type: WatcherType, w: WatchSink): boolean {
    return (type !== 'data' && this.child.contains(path, w)) || (type !== 'children' && this.data.contains(path, w));
  }

  /** total watch registrations (zk_watch_count) */
  count(): number {
    return this.data.size() + this.child.size();
  }

  /** `wchs`: ZooKeeper summarizes the data table only */
  summary(): { watchers: number; paths: number; total: number } {
    let total = 0;
    for (const p of this.data.byWatcher.values()) total += p.size;
    return { watchers: this.data.byWatcher.size, paths: this.data.byPath.size, total };
  }

  /** `wchc` / `wchp`: ZooKeeper dumps the data table only, by watcher or by path */
  dataTable(): {
    byPath: ReadonlyMap<string, ReadonlyMap<WatchSink, WatchMode>>;
    byWatcher: ReadonlyMap<WatchSink, ReadonlySet<string>>;
  } {
    return { byPath: this.data.byPath, byWatcher: this.data.byWatcher };
  }

  /** paths a watcher watches, for `wchc`-style dumps and tests */
  pathsOf(w: WatchSink): { data: string[]; child: string[] } {
    return { data: [...(this.data.byWatcher.get(w) ?? [])], child: [...(this.child.byWatcher.get(w) ?? [])] };
  }
}

/**
 * The watch triggers of one node event, in DataTree's order: a create fires
 * NodeCreated on the path and NodeChildrenChanged on the parent; a delete
 * fires NodeDeleted on the data table, then on the child table for watchers
 * not already told, then NodeChildrenChanged on the parent; setData fires
 * NodeDataChanged.
 */
export function fireNodeEvent(watches: WatchManager, kind: 'created' | 'deleted' | 'data-changed', path: string): void {
  if (kind === 'data-changed') {
    watches.trigger('data', path, 'data-changed');
    return;
  }
  if (kind === 'created') {
    watches.trigger('data', path, 'created');
  } else {
    const told = watches.trigger('data', path, 'deleted');
    watches.trigger('child', path, 'deleted', told);
  }
  if (path !== '/') watches.trigger('child', parentOf(path), 'children-changed');
}
