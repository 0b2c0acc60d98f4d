/**
 * ZooKeeper's ContainerManager: on a timer, a container node that has had
 * children and has none now, and a TTL node without children whose mtime is
 * older than its TTL, are deleted with a deleteContainer write (which
 * re-checks emptiness at prepare time, so a child created meanwhile wins).
 */
import { ephemeralKind, ttlOf } from './ephemeral-type.js';
import type { CoordStore } from './store.js';

export class ContainerReaper {
  private timer: NodeJS.Timeout | undefined;
  private readonly inFlight = new Set<string>();

  constructor(
    private readonly store: CoordStore,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => this.reap(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Paths that qualify now. */
  candidates(nowMs: number): string[] {
    const tree = this.store.tree;
    const out: string[] = [];
    for (const path of tree.containers) {
      const n = tree.get(path);
      if (n !== undefined && n.cversion > 0 && n.children.size === 0) out.push(path);
    }
    for (const path of tree.ttls) {
      const n = tree.get(path);
      if (n === undefined || n.children.size > 0 || ephemeralKind(n.ephemeralOwner) !== 'ttl') continue;
      if (BigInt(nowMs) - n.mtime > ttlOf(n.ephemeralOwner)) out.push(path);
    }
    return out;
  }

  reap(): void {
    if (this.store.failure !== undefined) return;
    for (const path of this.candidates(Date.now())) {
      if (this.inFlight.has(path)) continue;
      this.inFlight.add(path);
      this.store.submit({ op: 'deleteContainer', path }, { sessionId: 0n, authIds: [], cxid: 0 }, () => {
        this.inFlight.delete(path);
      });
    }
  }
}
