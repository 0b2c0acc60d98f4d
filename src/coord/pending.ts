/**
 * Outstanding changes (ZooKeeper's `outstandingChanges`): what the prepared
 * but not yet applied txns will do to the nodes they touch. `prepare` reads
 * through this overlay so that a txn validated while earlier ones wait for
 * their fsync sees their effects (a create after a create of its parent, a
 * second sequential name under the same parent, a version bumped twice).
 * Records leave once the txn that wrote them is applied.
 *
 * `Scratch` is one txn's private layer on top: a multi writes into it op by
 * op and it is published only if every op succeeded, so a failed multi never
 * needs a rollback.
 */
import type { Acl } from './acl.js';
import type { DataTree, ZNode } from './tree.js';

/** The fields prepare needs of a node; `null` = the node does not exist (deleted by a pending txn). */
export interface NodeView {
  readonly version: number;
  /** children ever created (stored cversion): the next sequential suffix */
  readonly cversion: number;
  readonly aversion: number;
  readonly ephemeralOwner: bigint;
  readonly childCount: number;
  readonly acl: readonly Acl[];
}

interface ChangeRecord {
  readonly zxid: bigint;
  readonly path: string;
  readonly view: NodeView | null;
}

export function viewOf(n: ZNode): NodeView {
  return {
    version: n.version,
    cversion: n.cversion,
    aversion: n.aversion,
    ephemeralOwner: n.ephemeralOwner,
    childCount: n.children.size,
    acl: n.acl,
  };
}

export class PendingChanges {
  private readonly byPath = new Map<string, ChangeRecord>();
  private readonly queue: ChangeRecord[] = [];
  private head = 0;

  constructor(private readonly tree: DataTree) {}

  get size(): number {
    return this.queue.length - this.head;
  }

  /** The node as the last prepared txn leaves it. */
  lookup(path: string): NodeView | null {
    const rec = this.byPath.get(path);
    if (rec !== undefined) return rec.view;
    const n = this.tree.get(path);
    return n === undefined ? null : viewOf(n);
  }

  publish(zxid: bigint, changes: ReadonlyMap<string, NodeView | null>): void {
    for (const [path, view] of changes) {
      const rec = { zxid, path, view };
      this.queue.push(rec);
      this.byPath.set(path, rec);
    }
  }

  /** Paths with a pending record, and what it says (closeSession adjusts the ephemeral list with them). */
  entries(): IterableIterator<[string, { readonly view: NodeView | null }]> {
    return this.byPath.entries();
  }

  /** The txn `zxid` was applied: its records (and older ones) now live in the tree. */
  release(zxid: bigint): void {
    while (this.head < this.queue.length && this.queue[this.head]!.zxid <= zxid) {
      const rec = this.queue[this.head++]!;
      if (this.byPath.get(rec.path) === rec) this.byPath.delete(rec.path);
    }
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
  }
}

/** One txn's private layer over the pending changes. */
export class Scratch {
  readonly changes = new Map<string, NodeView | null>();

  constructor(private readonly pending: PendingChanges) {}

  lookup(path: string): NodeView | null {
    const v = this.changes.get(path);
    return v !== undefined ? v : this.changes.has(path) ? null : this.pending.lookup(path);
  }

  set(path: string, view: NodeView | null): void {
    this.changes.set(path, view);
  }
}
