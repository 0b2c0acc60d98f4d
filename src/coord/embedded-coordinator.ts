/**
 * The Coordinator seam over the in-process store: one session per instance,
 * a session of the same tree the ZooKeeper port serves, so the engine and
 * wire clients see each other's nodes, ephemerals and watches.
 *
 * The session is kept alive by a timer while the instance is open (no socket
 * to drop); it ends with `close()` (ephemerals deleted at once) or, after a
 * crash, by expiry once the restarted store has waited its timeout.
 * Watch callbacks run on a microtask queued while the change is applied,
 * so they run before the promise of any later call that reflects it settles.
 */
import { digestId, OPEN_ACL_UNSAFE, type Id } from './acl.js';
import type {
  Coordinator,
  CoordinatorOp,
  CoordinatorResult,
  CreateMode,
  SessionHandle,
  SessionState,
  Stat,
  Watcher,
} from './coordinator.js';
import { codeForKeeper, coordError, CoordError } from './errors.js';
import * as reads from './reads.js';
import type { MultiOpRequest, OpResult, WriteRequest } from './requests.js';
import { SessionOrder } from './session-order.js';
import type { CoordStore } from './store.js';
import type { WatchSink } from './watches.js';

const modeFlags: Readonly<Record<CreateMode, number>> = {
  persistent: 0,
  ephemeral: 1,
  sequential: 2,
  'ephemeral-sequential': 3,
};

export interface EmbeddedCoordinatorOptions {
  /** requested session timeout (clamped like a client's); default 10 s */
  readonly sessionTimeoutMs?: number;
  /** `user:password` pairs to authenticate as with the digest scheme */
  readonly digestAuth?: readonly string[];
}

function errorOf(err: number, path: string): CoordError {
  return coordError(codeForKeeper(err), path);
}

function opToRequest(op: CoordinatorOp): MultiOpRequest {
  switch (op.op) {
    case 'create':
      return { op: 'create', path: op.path, data: op.data, acl: OPEN_ACL_UNSAFE, flags: modeFlags[op.mode], ttl: -1n };
    case 'set':
      return { op: 'setData', path: op.path, data: op.data, version: op.version ?? -1 };
    case 'delete':
      return { op: 'delete', path: op.path, version: op.version ?? -1 };
    case 'check':
      return { op: 'check', path: op.path, version: op.version };
  }
}

export class EmbeddedCoordinator implements Coordinator {
  private readonly order = new SessionOrder();
  private readonly sinks = new WeakMap<Watcher, WatchSink>();
  private readonly listeners = new Set<(s: SessionState) => void>();
  private state: SessionState = 'connected';
  private closing = false;
  private cxid = 0;
  private readonly keepAlive: NodeJS.Timeout;
  private readonly stopListening: () => void;

  private constructor(
    private readonly store: CoordStore,
    readonly sessionId: bigint,
    private readonly authIds: readonly Id[],
  ) {
    this.keepAlive = setInterval(() => store.sessions.touch(sessionId), Math.max(50, store.tickTimeMs / 2));
    this.keepAlive.unref();
    this.stopListening = store.onSessionClosed((id) => {
      if (id === this.sessionId && this.state === 'connected') this.setState(this.closing ? 'closed' : 'expired');
    });
  }

  static async open(store: CoordStore, opts: EmbeddedCoordinatorOptions = {}): Promise<EmbeddedCoordinator> {
    const timeout = store.negotiateTimeout(opts.sessionTimeoutMs ?? 10_000);
    const { sessionId } = await store.createSession(timeout);
    const ids: Id[] = (opts.digestAuth ?? []).map((up) => ({ scheme: 'digest', id: digestId(up) }));
    return new EmbeddedCoordinator(store, sessionId, ids);
  }

  private setState(s: SessionState): void {
    this.state = s;
    clearInterval(this.keepAlive);
    this.stopListening();
    for (const l of this.listeners) l(s);
  }

  /** why calls fail now, or undefined while the session is usable */
  private dead(): CoordError | undefined {
    if (this.state === 'connected' && !this.closing) return undefined;
    return coordError(this.state === 'expired' ? 'GALE_ERR_COORD_SESSION_EXPIRED' : 'GALE_ERR_COORD_CLOSED');
  }

  private sink(watch: Watcher | undefined): WatchSink | undefined {
    if (watch === undefined) return undefined;
    let s = this.sinks.get(watch);
    if (s === undefined) {
      s = {
        deliver: (event) =>
          queueMicrotask(() => {
            try {
              watch(event);
            } catch {
              // a watcher's own failure is its business; the store carries on
            }
          }),
      };
      this.sinks.set(watch, s);
    }
    return s;
  }

  private write(req: WriteRequest): Promise<OpResult> {
    const dead = this.dead();
    if (dead !== undefined) return Promise.reject(dead);
    const done = this.order.write();
    return new Promise((res) => {
      this.store.submit(req, { sessionId: this.sessionId, authIds: this.authIds, cxid: ++this.cxid }, (r) => {
        res(r);
        done();
      });
    });
  }

  private read<T>(fn: () => T): Promise<T> {
    const dead = this.dead();
    if (dead !== undefined) return Promise.reject(dead);
    return new Promise((res, rej) =>
      this.order.read(() => {
        try {
          this.store.sessions.touch(this.sessionId);
          res(fn());
        } catch (e) {
          rej(e);
        }
      }),
    );
  }

  async create(path: string, data: Uint8Array, mode: CreateMode): Promise<string> {
    const r = await this.write(opToRequest({ op: 'create', path, data, mode }));
    if (r.type === 'error') throw errorOf(r.err, path);
    return r.type === 'create' ? r.path : path;
  }

  async get(path: string, watch?: Watcher): Promise<{ data: Uint8Array; stat: Stat } | undefined> {
    return this.read(() => {
      try {
        const r = reads.getData(this.store, path, this.authIds, this.sink(watch));
        return { data: r.data ?? new Uint8Array(0), stat: r.stat };
      } catch (e) {
        if (e instanceof CoordError && e.code === 'GALE_ERR_COORD_NO_NODE') return undefined;
        throw e;
      }
    });
  }

  exists(path: string, watch?: Watcher): Promise<Stat | undefined> {
    return this.read(() => reads.exists(this.store, path, this.sink(watch)));
  }

  async set(path: string, data: Uint8Array, version = -1): Promise<Stat> {
    const r = await this.write({ op: 'setData', path, data, version });
    if (r.type === 'error') throw errorOf(r.err, path);
    if (r.type !== 'setData') throw coordError('GALE_ERR_COORD_SYSTEM_ERROR', path);
    return r.stat;
  }

  async delete(path: string, version = -1): Promise<void> {
    const r = await this.write({ op: 'delete', path, version });
    if (r.type === 'error') throw errorOf(r.err, path);
  }

  children(path: string, watch?: Watcher): Promise<string[]> {
    return this.read(() => reads.getChildren(this.store, path, this.authIds, this.sink(watch)).children.sort());
  }

  async multi(ops: readonly CoordinatorOp[]): Promise<CoordinatorResult[]> {
    const r = await this.write({ op: 'multi', ops: ops.map(opToRequest) });
    if (r.type === 'error') throw errorOf(r.err, '');
    if (r.type !== 'multi') throw coordError('GALE_ERR_COORD_SYSTEM_ERROR');
    const failed = r.results.findIndex((x) => x.type === 'error' && x.err !== 0);
    if (failed >= 0) {
      const f = r.results[failed]!;
      throw errorOf(f.type === 'error' ? f.err : -1, ops[failed]!.path);
    }
    return r.results.map((x, i): CoordinatorResult => {
      const op = ops[i]!;
      if (x.type === 'create') return { op: 'create', path: x.path };
      if (x.type === 'setData') return { op: 'set', stat: x.stat };
      return op.op === 'delete' ? { op: 'delete' } : { op: 'check' };
    });
  }

  session(): SessionHandle {
    const self = this;
    return {
      id: this.sessionId,
      get state() {
        return self.state;
      },
      onStateChange: (listener) => {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
      },
    };
  }

  async close(): Promise<void> {
    if (this.state !== 'connected' || this.closing) return;
    this.closing = true;
    const done = this.order.write();
    await new Promise<void>((res) => this.store.closeSession(this.sessionId, () => res()));
    done();
    if (this.state === 'connected') this.setState('closed');
  }
}
