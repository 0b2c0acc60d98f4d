/**
 * One client connection: handshake (ConnectRequest first) -> connected ->
 * closed.
 *
 * - Handshake: a new session is logged (createSession txn) before the
 *   ConnectResponse; a reconnect with id + password reattaches a live
 *   session (moving it off its old connection); a dead one gets the
 *   expired answer (timeOut 0, id 0, 16 zero bytes) and the socket closes.
 *   Frames that arrive before the answer are held, as ZooKeeper disables
 *   reads until session init completes.
 * - Connected: each frame is RequestHeader + body; the handler registry
 *   (ops/index.ts) decides read / write / sync / auth. SessionOrder keeps
 *   answers in request order; watch events are queued on the same output,
 *   so an event always precedes a later answer that reflects it.
 * - Bad input: an undecodable body gets MARSHALLINGERROR; an unknown opcode
 *   gets UNIMPLEMENTED and the connection closes; a frame too short for a
 *   header closes it. Each with one log line; nothing else is affected.
 */
import type { Socket } from 'node:net';
import { normalizeAddress, type Id } from '../coord/acl.js';
import type { WatchEvent } from '../coord/coordinator.js';
import { CoordError } from '../coord/errors.js';
import { SessionOrder } from '../coord/session-order.js';
import type { CoordStore } from '../coord/store.js';
import type { WatchSink } from '../coord/watches.js';
import { ByteReader } from '../wire/byte-reader.js';
import { ByteWriter } from '../wire/byte-writer.js';
import { decodeRecord, encodeRecord } from './jute/codec.js';
import { handlers } from './ops/index.js';
import type { OpContext, OpHandler, Reply } from './ops/op.js';
import { EventType, KeeperState, lastOpLabel, opName, Xid } from './opcodes.js';
import { LatencyStats, type ServerStats } from './stats.js';

const MARSHALLING_ERROR = -5;
const UNIMPLEMENTED = -6;
const SESSION_EXPIRED = -112;

/** What a connection needs from its server. */
export interface ConnectionHost {
  readonly store: CoordStore;
  readonly stats: ServerStats;
  readonly logger: { info(msg: string): void; warn(msg: string): void };
  /** binds the session to this connection, closing any other connection it had */
  attach(sessionId: bigint, conn: SessionConnection): void;
  detach(conn: SessionConnection): void;
}

type State = 'handshake' | 'connecting' | 'connected' | 'closed';

export class SessionConnection implements WatchSink {
  private state: State = 'handshake';
  /** a four-letter-word connection (listed with interest ops 0 while it runs) */
  fourLetter = false;
  sessionId = 0n;
  timeoutMs = 0;
  readonly authIds: Id[];
  readonly remoteAddress: string;
  readonly remote: string;
  private readonly order = new SessionOrder();
  private held: Buffer[] = [];
  private out: ByteWriter | undefined;
  private flushQueued = false;
  private ctx: OpContext | undefined;
  // for `cons` / `stat`
  readonly established = Date.now();
  packetsReceived = 0;
  packetsSent = 0;
  outstanding = 0;
  lastOp = 'NA';
  lastCxid = -1;
  lastZxid = 0n;
  lastResponseTime = 0;
  readonly latency = new LatencyStats();

  constructor(
    private readonly host: ConnectionHost,
    private readonly socket: Socket,
  ) {
    this.remoteAddress = normalizeAddress(socket.remoteAddress ?? '');
    this.remote = `${this.remoteAddress}:${socket.remotePort ?? 0}`;
    this.authIds = [{ scheme: 'ip', id: this.remoteAddress }];
    socket.setNoDelay(true);
    socket.on('drain', () => socket.resume());
    socket.on('close', () => this.closed());
  }

  get isConnected(): boolean {
    return this.state === 'connected';
  }

  /** One frame's payload (framing and the size limit are guardConnection's). */
  onFrame(frame: Buffer): void {
    if (this.state === 'closed') return;
    this.packetsReceived++;
    this.host.stats.packetsReceived++;
    if (this.state === 'handshake') this.handshake(frame);
    else if (this.state === 'connecting') this.held.push(frame);
    else this.request(frame);
  }

  // ---- handshake ---------------------------------------------------------

  private handshake(frame: Buffer): void {
    const store = this.host.store;
    const r = new ByteReader(frame);
    const req = decodeRecord('ConnectRequest', r);
    const readOnly = r.remaining > 0 ? r.bool() : undefined;
    if (req.lastZxidSeen > store.lastZxid) {
      this.host.logger.info(
        `zookeeper: refusing session request from ${this.remote}: it has seen zxid 0x${req.lastZxidSeen.toString(16)}, ours is 0x${store.lastZxid.toString(16)}`,
      );
      this.close();
      return;
    }
    const timeoutMs = store.negotiateTimeout(req.timeOut);
    this.state = 'connecting';
    if (req.sessionId === 0n) {
      store.createSession(timeoutMs).then(
        (s) => this.established_(s.sessionId, s.timeoutMs, s.passwd, readOnly),
        (err: unknown) => this.fail(`could not create a session: ${String(err)}`),
      );
      return;
    }
    const passwd = req.passwd ?? new Uint8Array(0);
    if (!store.checkPassword(req.sessionId, passwd)) {
      this.host.logger.info(`zookeeper: session 0x${req.sessionId.toString(16)} from ${this.remote} is expired or invalid`);
      this.sendConnectResponse(0, 0n, Buffer.alloc(16), readOnly);
      this.closeAfterFlush();
      return;
    }
    store.sessions.touch(req.sessionId, timeoutMs);
    this.established_(req.sessionId, timeoutMs, passwd, readOnly);
  }

  private established_(sessionId: bigint, timeoutMs: number, passwd: Uint8Array, readOnly: boolean | undefined): void {
    if (this.state === 'closed') return; // the client gave up; the session will expire
    this.sessionId = sessionId;
    this.timeoutMs = timeoutMs;
    this.host.attach(sessionId, this);
    this.ctx = {
      store: this.host.store,
      sessionId,
      authIds: this.authIds,
      watcher: this,
      remoteAddress: this.remoteAddress,
    };
    this.state = 'connected';
    this.lastOp = 'SESS';
    this.sendConnectResponse(timeoutMs, sessionId, passwd, readOnly);
    const held = this.held;
    this.held = [];
    for (const f of held) if (this.state === 'connected') this.request(f);
  }

  private sendConnectResponse(timeOut: number, sessionId: bigint, passwd: Uint8Array, readOnly: boolean | undefined): void {
    this.enqueue((w) => {
      encodeRecord('ConnectResponse', { protocolVersion: 0, timeOut, sessionId, passwd: Buffer.from(passwd).subarray(0, 16) }, w);
      // ZooKeeper 3.8 appends readOnly only for clients that sent it
      if (readOnly !== undefined) w.bool(false);
    });
  }

  // ---- requests ------------------------------------------------------------

  private request(frame: Buffer): void {
    const started = performance.now();
    const r = new ByteReader(frame);
    if (r.remaining < 8) {
      this.fail(`request of ${frame.length} bytes is shorter than a request header`);
      return;
    }
    const xid = r.int32();
    const type = r.int32();
    const store = this.host.store;
    this.outstanding++;
    const handler = handlers.get(type);
    if (handler === undefined) {
      this.host.logger.warn(`zookeeper: unknown op ${type} from ${this.remote} (session 0x${this.sessionId.toString(16)}); closing`);
      this.order.read(() => {
        this.respond(xid, UNIMPLEMENTED, undefined, started);
        this.closeAfterFlush();
      });
      return;
    }
    this.lastOp = lastOpLabel[handler.op] ?? 'NA';
    if (xid >= 0) this.lastCxid = xid;
    if (!store.sessions.touch(this.sessionId)) {
      this.order.read(() => this.respond(xid, SESSION_EXPIRED, undefined, started));
      return;
    }
    let req: unknown;
    try {
      req = handler.decode(r);
    } catch (err) {
      this.host.logger.warn(
        `zookeeper: malformed ${opName(type)} from ${this.remote}: ${err instanceof Error ? err.message : String(err)}`,
      );
      this.order.read(() => this.respond(xid, MARSHALLING_ERROR, undefined, started));
      return;
    }
    this.dispatch(handler, xid, req, started);
  }

  private dispatch(h: OpHandler, xid: number, req: unknown, started: number): void {
    const ctx = this.ctx!;
    switch (h.kind) {
      case 'read':
        this.order.read(() => {
          let body: Reply | undefined;
          try {
            body = h.run(ctx, req);
          } catch (e) {
            this.respondError(xid, e, started);
            return;
          }
          this.respond(xid, 0, body, started);
        });
        return;
      case 'write': {
        let w;
        try {
          w = h.toWrite(ctx, req);
        } catch (e) {
          this.order.read(() => this.respondError(xid, e, started));
          return;
        }
        const done = this.order.write();
        const isClose = h.op === 'closeSession';
        this.host.store.submit(w, { sessionId: this.sessionId, authIds: [...this.authIds], cxid: xid }, (result) => {
          if (result.type === 'error') this.respond(xid, result.err, undefined, started);
          else this.respond(xid, 0, h.reply(result, req), started);
          done();
          if (isClose) this.closeAfterFlush();
        });
        return;
      }
      case 'sync': {
        const done = this.order.write();
        this.host.store.afterPending(() => {
          this.respond(xid, 0, h.reply(req), started);
          done();
        });
        return;
      }
      case 'auth':
        try {
          h.authenticate(ctx, req);
        } catch (e) {
          this.host.logger.warn(`zookeeper: authentication failed for ${this.remote}: ${e instanceof Error ? e.message : String(e)}`);
          this.order.read(() => {
            this.respondError(xid, e, started);
            this.closeAfterFlush();
          });
          return;
        }
        this.order.read(() => this.respond(xid, 0, undefined, started));
        return;
      case 'refused':
        this.host.logger.info(`zookeeper: ${h.op} from ${this.remote} refused: ${h.why}`);
        this.order.read(() => {
          this.respond(xid, h.err, undefined, started);
          if (h.close) this.closeAfterFlush();
        });
        return;
    }
  }

  private respondError(xid: number, e: unknown, started: number): void {
    if (e instanceof CoordError) {
      this.respond(xid, e.keeper, undefined, started);
      return;
    }
    this.host.logger.warn(`zookeeper: request from ${this.remote} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    this.respond(xid, -1, undefined, started);
  }

  private respond(xid: number, err: number, body: Reply | undefined, started: number): void {
    this.outstanding--;
    if (this.state === 'closed') return;
    const zxid = this.host.store.lastZxid;
    this.lastZxid = zxid;
    this.enqueue((w) => {
      encodeRecord('ReplyHeader', { xid, zxid, err }, w);
      if (err === 0 && body !== undefined) body.write(w);
    });
    const now = performance.now();
    const ms = now - started;
    this.latency.add(ms);
    this.host.stats.latency.add(ms);
    this.lastResponseTime = Date.now();
  }

  /** A watch event for this session (called while the change is applied). */
  deliver(event: WatchEvent): void {
    if (this.state !== 'connected') return;
    this.enqueue((w) => {
      encodeRecord('ReplyHeader', { xid: Xid.notification, zxid: -1n, err: 0 }, w);
      encodeRecord('WatcherEvent', { type: EventType[event.type], state: KeeperState.syncConnected, path: event.path }, w);
    });
  }

  // ---- output --------------------------------------------------------------

  /** Appends one length-prefixed packet; packets of one tick leave in one write. */
  private enqueue(fill: (w: ByteWriter) => void): void {
    // under 4 KiB the buffer comes from Node's shared pool: no allocation per reply
    const w = (this.out ??= new ByteWriter(2048));
    const at = w.reserveInt32();
    fill(w);
    w.patchInt32(at, w.length - at - 4);
    this.packetsSent++;
    this.host.stats.packetsSent++;
    if (!this.flushQueued) {
      this.flushQueued = true;
      queueMicrotask(() => this.flush());
    }
  }

  private flush(): void {
    this.flushQueued = false;
    const w = this.out;
    this.out = undefined;
    if (w === undefined || this.socket.destroyed) return;
    if (!this.socket.write(w.finish())) this.socket.pause();
  }

  // ---- closing -------------------------------------------------------------

  private fail(why: string): void {
    this.host.logger.warn(`zookeeper: closing connection from ${this.remote}: ${why}`);
    this.close();
  }

  /** Sends what is queued, then closes (closeSession, expired handshake, AUTHFAILED, unknown op). */
  closeAfterFlush(): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.flush();
    this.socket.end();
    this.closed();
  }

  close(): void {
    if (this.socket.destroyed && this.state === 'closed') return;
    this.state = 'closed';
    this.socket.destroy();
    this.closed();
  }

  private detached = false;
  private closed(): void {
    this.state = 'closed';
    if (this.detached) return;
    this.detached = true;
    this.host.store.watches.removeWatcher(this);
    this.host.detach(this);
  }

  /** ` /127.0.0.1:54321[1](queued=0,recved=5,sent=5…)` as ServerCnxn.dumpConnectionInfo */
  describe(brief: boolean): string {
    let s = ` /${this.remote}[${this.state === 'closed' || this.fourLetter ? 0 : 1}](queued=${Math.max(0, this.outstanding)},recved=${this.packetsReceived},sent=${this.packetsSent}`;
    if (!brief && this.sessionId !== 0n) {
      s += `,sid=0x${this.sessionId.toString(16)},lop=${this.lastOp},est=${this.established},to=${this.timeoutMs}`;
      if (this.lastCxid >= 0) s += `,lcxid=0x${this.lastCxid.toString(16)}`;
      s += `,lzxid=0x${this.lastZxid.toString(16)},lresp=${this.lastResponseTime},llat=${this.latency.last}`;
      s += `,minlat=${this.latency.minOrZero},avglat=${this.latency.avgWhole},maxlat=${this.latency.max}`;
    }
    return `${s})`;
  }
}
