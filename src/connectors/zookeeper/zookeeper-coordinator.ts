/**
 * ZooKeeperCoordinator: the `Coordinator` seam over a ZooKeeper ensemble
 * through node-zookeeper-client, for engine workers that share a real
 * ensemble (and, in tests, Gale's own ZooKeeper server). Semantics are
 * ZooKeeper's, as the seam's are: the same paths, versions, modes, one-shot
 * watches and sessions; errors become CoordErrors with the code the
 * embedded coordinator uses for the same KeeperException number.
 */
import zookeeper from 'node-zookeeper-client';
import type { Client, Event as ZkEvent, Stat as ZkStat } from 'node-zookeeper-client';
import type {
  Coordinator,
  CoordinatorOp,
  CoordinatorResult,
  CreateMode,
  SessionHandle,
  SessionState,
  Stat,
  Watcher,
  WatchEventType,
} from '../../coord/coordinator.js';
import { CoordError, codeForKeeper, coordErrors } from '../../coord/errors.js';

export interface ZooKeeperCoordinatorOptions {
  /** `host:port[,host:port...][/chroot]` */
  readonly connect: string;
  /** requested session timeout (ms); the server negotiates it (default 10000) */
  readonly sessionTimeoutMs?: number;
  /** give up connecting after this long (default 15000 ms) */
  readonly connectTimeoutMs?: number;
}

const MODES: Record<CreateMode, number> = {
  persistent: zookeeper.CreateMode.PERSISTENT,
  ephemeral: zookeeper.CreateMode.EPHEMERAL,
  sequential: zookeeper.CreateMode.PERSISTENT_SEQUENTIAL,
  'ephemeral-sequential': zookeeper.CreateMode.EPHEMERAL_SEQUENTIAL,
};

const EVENTS: Record<number, WatchEventType> = {
  [zookeeper.Event.NODE_CREATED]: 'created',
  [zookeeper.Event.NODE_DELETED]: 'deleted',
  [zookeeper.Event.NODE_DATA_CHANGED]: 'data-changed',
  [zookeeper.Event.NODE_CHILDREN_CHANGED]: 'children-changed',
};

function toBigint(b: Buffer): bigint {
  return b.readBigInt64BE(0);
}

function stat(s: ZkStat): Stat {
  return {
    czxid: toBigint(s.czxid),
    mzxid: toBigint(s.mzxid),
    pzxid: toBigint(s.pzxid),
    ctime: toBigint(s.ctime),
    mtime: toBigint(s.mtime),
    version: s.version,
    cversion: s.cversion,
    aversion: s.aversion,
    ephemeralOwner: toBigint(s.ephemeralOwner),
    dataLength: s.dataLength,
    numChildren: s.numChildren,
  };
}

function coordErr(err: unknown, path: string): CoordError {
  const e = err as { getCode?: () => number; message?: string };
  const keeper = typeof e.getCode === 'function' ? e.getCode() : -1;
  const code = codeForKeeper(keeper);
  return new CoordError(code, `${coordErrors[code].name}: ${path}`, { cause: err, retriable: coordErrors[code].retriable, details: { path } });
}

function watcher(w: Watcher | undefined): ((e: ZkEvent) => void) | undefined {
  if (w === undefined) return undefined;
  return (e) => {
    const type = EVENTS[e.getType()];
    if (type !== undefined) w({ type, path: e.getPath() });
  };
}

export class ZooKeeperCoordinator implements Coordinator {
  private state: SessionState = 'disconnected';
  private readonly listeners = new Set<(s: SessionState) => void>();

  private constructor(private readonly client: Client) {
    client.on('state', (s: { name: string }) => {
      const next: SessionState | undefined =
        s.name === 'SYNC_CONNECTED' || s.name === 'CONNECTED_READ_ONLY' ? 'connected' : s.name === 'DISCONNECTED' ? 'disconnected' : s.name === 'EXPIRED' ? 'expired' : undefined;
      if (next === undefined || next === this.state || this.state === 'closed') return;
      this.state = next;
      for (const l of this.listeners) l(next);
    });
  }

  static async connect(o: ZooKeeperCoordinatorOptions): Promise<ZooKeeperCoordinator> {
    const client = zookeeper.createClient(o.connect, { sessionTimeout: o.sessionTimeoutMs ?? 10_000, spinDelay: 200, retries: 3 });
    const coord = new ZooKeeperCoordinator(client);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        client.close();
        reject(new CoordError('GALE_ERR_COORD_SYSTEM_ERROR', `cannot connect to ZooKeeper at ${o.connect}`));
      }, o.connectTimeoutMs ?? 15_000);
      client.once('connected', () => {
        clearTimeout(timer);
        coord.state = 'connected';
        resolve();
      });
      client.connect();
    });
    return coord;
  }

  create(path: string, data: Uint8Array, mode: CreateMode): Promise<string> {
    return new Promise((resolve, reject) =>
      this.client.create(path, Buffer.from(data), MODES[mode], (err, created) => (err ? reject(coordErr(err, path)) : resolve(created))),
    );
  }

  get(path: string, watch?: Watcher): Promise<{ data: Uint8Array; stat: Stat } | undefined> {
    return new Promise((resolve, reject) => {
      const cb = (err: Error | null | { getCode(): number }, data: Buffer, s: ZkStat): void => {
        if (err) {
          const e = coordErr(err, path);
          if (e.code === 'GALE_ERR_COORD_NO_NODE') resolve(undefined);
          else reject(e);
        } else {
          resolve({ data: data ?? Buffer.alloc(0), stat: stat(s) });
        }
      };
      const w = watcher(watch);
      if (w === undefined) this.client.getData(path, cb as never);
      else this.client.getData(path, w, cb as never);
    });
  }

  exists(path: string, watch?: Watcher): Promise<Stat | undefined> {
    return new Promise((resolve, reject) => {
      const cb = (err: unknown, s: ZkStat | null): void => (err ? reject(coordErr(err, path)) : resolve(s ? stat(s) : undefined));
      const w = watcher(watch);
      if (w === undefined) this.client.exists(path, cb as never);
      else this.client.exists(path, w, cb as never);
    });
  }

  set(path: string, data: Uint8Array, version = -1): Promise<Stat> {
    return new Promise((resolve, reject) =>
      this.client.setData(path, Buffer.from(data), version, (err: unknown, s: ZkStat) => (err ? reject(coordErr(err, path)) : resolve(stat(s)))),
    );
  }

  delete(path: string, version = -1): Promise<void> {
    return new Promise((resolve, reject) => this.client.remove(path, version, (err) => (err ? reject(coordErr(err, path)) : resolve())));
  }

  children(path: string, watch?: Watcher): Promise<string[]> {
    return new Promise((resolve, reject) => {
      const cb = (err: unknown, children: string[]): void => (err ? reject(coordErr(err, path)) : resolve([...children].sort()));
      const w = watcher(watch);
      if (w === undefined) this.client.getChildren(path, cb as never);
      else this.client.getChildren(path, w, cb as never);
    });
  }

  multi(ops: readonly CoordinatorOp[]): Promise<CoordinatorResult[]> {
    const t = this.client.transaction();
    for (const op of ops) {
      switch (op.op) {
        case 'create':
          t.create(op.path, Buffer.from(op.data), MODES[op.mode]);
          break;
        case 'set':
          t.setData(op.path, Buffer.from(op.data), op.version ?? -1);
          break;
        case 'delete':
          t.remove(op.path, op.version ?? -1);
          break;
        case 'check':
          t.check(op.path, op.version);
          break;
      }
    }
    return new Promise((resolve, reject) =>
      t.commit((err, results: { type: number; err?: number; path?: string; stat?: ZkStat }[]) => {
        if (err) {
          const failed = (results ?? []).findIndex((r) => r.err !== undefined && r.err !== 0);
          reject(coordErr(err, ops[Math.max(0, failed)]?.path ?? ''));
          return;
        }
        resolve(
          ops.map((op, i): CoordinatorResult => {
            const r = results[i]!;
            if (op.op === 'create') return { op: 'create', path: r.path ?? op.path };
            if (op.op === 'set') return { op: 'set', stat: stat(r.stat!) };
            return op.op === 'delete' ? { op: 'delete' } : { op: 'check' };
          }),
        );
      }),
    );
  }

  session(): SessionHandle {
    const self = this;
    return {
      id: this.client.getSessionId().readBigInt64BE(0),
      get state() {
        return self.state;
      },
      onStateChange: (l) => {
        this.listeners.add(l);
        return () => this.listeners.delete(l);
      },
    };
  }

  async close(): Promise<void> {
    if (this.state === 'closed') return;
    this.client.close();
    this.state = 'closed';
    for (const l of this.listeners) l('closed');
  }
}
