/**
 * A minimal ZooKeeper client speaking raw jute over a socket, for the ops
 * and handshake details no installed client exposes (create2 stat checks,
 * containers, TTL, getAllChildrenNumber, getEphemerals, multiRead,
 * addWatch, removeWatches/checkWatches, whoAmI, setWatches2, the readOnly
 * byte, reconnect by id + password). The Java client sends these; Gale must
 * answer them the same way.
 */
import { connect, type Socket } from 'node:net';
import { ByteReader } from '../../../src/wire/byte-reader.js';
import { ByteWriter } from '../../../src/wire/byte-writer.js';
import { FrameReader } from '../../../src/wire/frame-reader.js';
import { decodeRecord, encodeRecord } from '../../../src/zookeeper/jute/codec.js';
import type { RecordName, RecordValue } from '../../../src/zookeeper/jute/records.js';

export interface Reply {
  readonly xid: number;
  readonly zxid: bigint;
  readonly err: number;
  readonly body: ByteReader;
}

export interface WatchNotice {
  readonly type: number;
  readonly state: number;
  readonly path: string;
}

export interface Handshake {
  readonly timeOut: number;
  readonly sessionId: bigint;
  readonly passwd: Buffer;
  /** the trailing readOnly byte, if the server sent one */
  readonly readOnly: boolean | undefined;
}

export class RawZk {
  readonly events: WatchNotice[] = [];
  private readonly waiting: ((r: Reply) => void)[] = [];
  private handshakeWaiter: ((payload: Buffer) => void) | undefined;
  private xid = 1;
  closed: Promise<void>;
  handshake!: Handshake;

  private constructor(private readonly socket: Socket) {
    const frames = new FrameReader(16 * 1024 * 1024);
    this.closed = new Promise((res) => socket.on('close', () => res()));
    socket.on('error', () => undefined);
    socket.on('data', (chunk: Buffer) => {
      for (const f of frames.push(chunk)) this.onFrame(f);
    });
  }

  static async connect(
    port: number,
    opts: { timeoutMs?: number; sessionId?: bigint; passwd?: Buffer; readOnly?: boolean; lastZxidSeen?: bigint } = {},
  ): Promise<RawZk> {
    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((res, rej) => {
      socket.once('connect', () => res());
      socket.once('error', rej);
    });
    const c = new RawZk(socket);
    const w = new ByteWriter();
    const at = w.reserveInt32();
    encodeRecord(
      'ConnectRequest',
      {
        protocolVersion: 0,
        lastZxidSeen: opts.lastZxidSeen ?? 0n,
        timeOut: opts.timeoutMs ?? 10_000,
        sessionId: opts.sessionId ?? 0n,
        passwd: opts.passwd ?? Buffer.alloc(16),
      },
      w,
    );
    if (opts.readOnly !== undefined) w.bool(opts.readOnly);
    w.patchInt32(at, w.length - 4);
    const answer = new Promise<Buffer>((res) => (c.handshakeWaiter = res));
    socket.write(Buffer.from(w.finish()));
    const payload = await Promise.race([answer, c.closed.then(() => undefined)]);
    if (payload === undefined) throw new Error('server closed the connection during the handshake');
    const r = new ByteReader(payload);
    const resp = decodeRecord('ConnectResponse', r);
    c.handshake = {
      timeOut: resp.timeOut,
      sessionId: resp.sessionId,
      passwd: Buffer.from(resp.passwd ?? new Uint8Array(0)),
      readOnly: r.remaining > 0 ? r.bool() : undefined,
    };
    return c;
  }

  private onFrame(f: Buffer): void {
    if (this.handshakeWaiter !== undefined) {
      const w = this.handshakeWaiter;
      this.handshakeWaiter = undefined;
      w(f);
      return;
    }
    const r = new ByteReader(f);
    const h = decodeRecord('ReplyHeader', r);
    if (h.xid === -1) {
      this.events.push(decodeRecord('WatcherEvent', r));
      return;
    }
    this.waiting.shift()?.({ ...h, body: r });
  }

  /** Sends one request (type + optional record) and resolves with its reply. */
  send<R extends RecordName>(type: number, record?: R, value?: RecordValue<R>, xid?: number): Promise<Reply> {
    const w = new ByteWriter();
    const at = w.reserveInt32();
    encodeRecord('RequestHeader', { xid: xid ?? this.xid++, type }, w);
    if (record !== undefined && value !== undefined) encodeRecord(record, value, w);
    w.patchInt32(at, w.length - 4);
    return this.sendRaw(Buffer.from(w.finish()));
  }

  /** Sends bytes as they are (already framed) and resolves with the next reply. */
  sendRaw(bytes: Buffer): Promise<Reply> {
    const reply = new Promise<Reply>((res, rej) => {
      this.waiting.push(res);
      void this.closed.then(() => rej(new Error('connection closed')));
    });
    this.socket.write(bytes);
    return reply;
  }

  decode<R extends RecordName>(record: R, reply: Reply): RecordValue<R> {
    return decodeRecord(record, reply.body);
  }

  /** Drops the TCP connection without closing the session. */
  drop(): Promise<void> {
    this.socket.destroy();
    return this.closed;
  }
}
