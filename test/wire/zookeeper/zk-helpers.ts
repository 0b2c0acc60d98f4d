/**
 * Helpers for the ZooKeeper wire tests: an in-process server over a temp
 * store (restartable on the same directory), a connected
 * node-zookeeper-client with promise wrappers, a TCP proxy that can cut a
 * client off (to drop connections or let sessions expire), and `waitFor`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import zookeeper from 'node-zookeeper-client';
import { CoordStore, type StoreOptions } from '../../../src/coord/store.js';
import { ZooKeeperServer } from '../../../src/zookeeper/server.js';

export interface LogLines {
  readonly lines: string[];
  info(msg: string): void;
  warn(msg: string): void;
}

export function logLines(): LogLines {
  const lines: string[] = [];
  return { lines, info: (m) => lines.push(m), warn: (m) => lines.push(`warn: ${m}`) };
}

export interface InProcessZk {
  store: CoordStore;
  server: ZooKeeperServer;
  readonly dir: string;
  readonly log: LogLines;
  get port(): number;
  /** close server + store and open both again on the same directory and port (a clean restart) */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startZk(opts: Omit<StoreOptions, 'dir'> & { dir?: string } = {}): Promise<InProcessZk> {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'gale-zk-'));
  const log = logLines();
  const open = async (port: number): Promise<{ store: CoordStore; server: ZooKeeperServer }> => {
    const store = CoordStore.open({ ...opts, dir, logger: log });
    const server = await ZooKeeperServer.start({ store, port, logger: log });
    return { store, server };
  };
  let cur = await open(0);
  return {
    get store() {
      return cur.store;
    },
    get server() {
      return cur.server;
    },
    dir,
    log,
    get port() {
      return cur.server.port;
    },
    async restart() {
      const port = cur.server.port;
      await cur.server.close();
      await cur.store.close();
      cur = await open(port);
    },
    async close() {
      await cur.server.close();
      await cur.store.close();
      if (opts.dir === undefined) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type ZkClient = zookeeper.Client;

export async function connectClient(port: number, opts: Partial<zookeeper.Option> = {}): Promise<ZkClient> {
  const client = zookeeper.createClient(`127.0.0.1:${port}`, { sessionTimeout: 10_000, spinDelay: 50, retries: 0, ...opts });
  await new Promise<void>((res, rej) => {
    const timer = setTimeout(() => rej(new Error('node-zookeeper-client did not connect')), 10_000);
    client.once('connected', () => {
      clearTimeout(timer);
      res();
    });
    client.connect();
  });
  return client;
}

/** Wraps a node-zookeeper-client callback call in a promise of its result arguments. */
export function call<T extends unknown[] = unknown[]>(fn: (cb: (err: unknown, ...rest: T) => void) => void): Promise<T> {
  return new Promise((res, rej) => fn((err, ...rest) => (err ? rej(err) : res(rest))));
}

/** The error code of a failed node-zookeeper-client call (e.g. -101), or 0 if it succeeded. */
export async function codeOf(p: Promise<unknown>): Promise<number> {
  try {
    await p;
    return 0;
  } catch (e) {
    const c = (e as { getCode?: () => number }).getCode?.();
    if (typeof c !== 'number') throw e;
    return c;
  }
}

export function closeClient(client: ZkClient): Promise<void> {
  return new Promise((res) => {
    const timer = setTimeout(res, 2000);
    client.once('disconnected', () => {
      clearTimeout(timer);
      res();
    });
    client.close();
  });
}

export async function waitFor(pred: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await pred())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export function int64(b: Buffer): bigint {
  return b.readBigInt64BE(0);
}

/** A TCP proxy to a ZooKeeper port; `cut()` drops every connection and refuses new ones until `restore()`. */
export class Proxy {
  private server: Server | undefined;
  private readonly pairs = new Set<Socket>();
  private blocked = false;
  port = 0;

  constructor(private readonly target: number) {}

  async start(): Promise<void> {
    this.server = createServer((client) => {
      if (this.blocked) {
        client.destroy();
        return;
      }
      const upstream = connect(this.target, '127.0.0.1');
      for (const s of [client, upstream]) {
        this.pairs.add(s);
        s.on('close', () => this.pairs.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((res) => this.server!.listen(0, '127.0.0.1', () => res()));
    const a = this.server.address();
    this.port = typeof a === 'object' && a !== null ? a.port : 0;
  }

  /** drop live connections (the client will reconnect) */
  drop(): void {
    for (const s of this.pairs) s.destroy();
  }

  cut(): void {
    this.blocked = true;
    this.drop();
  }

  restore(): void {
    this.blocked = false;
  }

  async close(): Promise<void> {
    this.drop();
    await new Promise<void>((res) => (this.server ? this.server.close(() => res()) : res()));
  }
}
