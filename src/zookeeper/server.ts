/**
 * The ZooKeeper wire server over a CoordStore: a TCP listener whose
 * connections are SessionConnections behind guardConnection (frames above
 * jute.maxbuffer or any throw close that one socket with a log line), with
 * four-letter words caught before framing starts.
 *
 * The server maps sessions to their current connection: a reconnect moves
 * the session (the old socket is closed), and when a session's close or
 * expiry is applied its connection is closed.
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { CoordStore } from '../coord/store.js';
import { guardConnection } from '../wire/connection.js';
import { fourLetterWord, type FourLetterHost } from './four-letter-words.js';
import { SessionConnection, type ConnectionHost } from './session-connection.js';
import { ServerStats } from './stats.js';

export interface ZooKeeperServerOptions {
  readonly store: CoordStore;
  /** default 127.0.0.1 */
  readonly host?: string;
  /** 0 = any free port */
  readonly port: number;
  readonly logger?: { info(msg: string): void; warn(msg: string): void };
  /** reported by `conf`; Gale does not cap connections per host, which ZooKeeper writes as 0 */
  readonly maxClientCnxns?: number;
}

const quiet = { info: () => undefined, warn: () => undefined };

export class ZooKeeperServer implements ConnectionHost, FourLetterHost {
  readonly store: CoordStore;
  readonly stats = new ServerStats();
  readonly logger: { info(msg: string): void; warn(msg: string): void };
  readonly maxClientCnxns: number;
  private readonly conns = new Set<SessionConnection>();
  private readonly bySession = new Map<bigint, SessionConnection>();
  private readonly sockets = new Set<Socket>();
  private readonly stopListening: () => void;
  host = '127.0.0.1';
  port = 0;

  private constructor(
    private readonly server: Server,
    opts: ZooKeeperServerOptions,
  ) {
    this.store = opts.store;
    this.logger = opts.logger ?? quiet;
    this.maxClientCnxns = opts.maxClientCnxns ?? 0;
    this.stopListening = this.store.onSessionClosed((id) => this.bySession.get(id)?.closeAfterFlush());
    server.on('connection', (socket) => this.accept(socket));
  }

  static async start(opts: ZooKeeperServerOptions): Promise<ZooKeeperServer> {
    const server = createServer({ noDelay: true });
    const zk = new ZooKeeperServer(server, opts);
    await new Promise<void>((res, rej) => {
      server.once('error', rej);
      server.listen(opts.port, opts.host ?? '127.0.0.1', () => {
        server.off('error', rej);
        res();
      });
    });
    const addr = server.address();
    if (addr !== null && typeof addr === 'object') {
      zk.host = addr.address;
      zk.port = addr.port;
    }
    server.on('error', (err) => zk.logger.warn(`zookeeper: listener error: ${err.message}`));
    return zk;
  }

  connections(): Iterable<SessionConnection> {
    return this.conns;
  }

  private accept(socket: Socket): void {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
    const conn = new SessionConnection(this, socket);
    this.conns.add(conn);
    guardConnection({
      socket,
      maxFrameBytes: this.store.maxBufferBytes,
      logger: this.logger,
      server: 'zookeeper',
      preface: (first4, s) => {
        const cmd = fourLetterWord(first4);
        if (cmd === undefined) return false;
        // counted and listed like any connection while the command runs, as ZooKeeper does
        conn.fourLetter = true;
        conn.packetsReceived++;
        this.stats.packetsReceived++;
        let text: string;
        try {
          text = cmd(this);
        } catch (err) {
          text = `error: ${err instanceof Error ? err.message : String(err)}\n`;
        }
        this.conns.delete(conn);
        s.end(text);
        return true;
      },
      onFrame: (frame) => conn.onFrame(frame),
    });
  }

  attach(sessionId: bigint, conn: SessionConnection): void {
    const old = this.bySession.get(sessionId);
    if (old !== undefined && old !== conn) {
      this.logger.info(`zookeeper: session 0x${sessionId.toString(16)} moved to ${conn.remote}; closing its old connection`);
      this.bySession.delete(sessionId);
      old.close();
    }
    this.bySession.set(sessionId, conn);
  }

  detach(conn: SessionConnection): void {
    this.conns.delete(conn);
    if (this.bySession.get(conn.sessionId) === conn) this.bySession.delete(conn.sessionId);
  }

  /** Stops listening and drops every connection; sessions stay in the store (they expire or resume later). */
  async close(): Promise<void> {
    this.stopListening();
    const closed = new Promise<void>((res) => this.server.close(() => res()));
    for (const s of this.sockets) s.destroy();
    await closed;
  }
}
