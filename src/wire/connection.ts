/**
 * The one rule both wire servers share: a bad frame costs one connection,
 * never the process. `guardConnection` wires a socket to a FrameReader and a
 * frame handler; any error thrown while framing or handling (sync or async)
 * is logged once with the peer address and the socket is destroyed.
 */
import type { Socket } from 'node:net';
import { FrameReader } from './frame-reader.js';

export interface ConnectionLogger {
  warn(message: string): void;
}

export interface GuardOptions {
  readonly socket: Socket;
  readonly maxFrameBytes: number;
  readonly logger: ConnectionLogger;
  /** server name for log lines, e.g. `kafka` or `zookeeper` */
  readonly server: string;
  /**
   * Optional look at the first 4 bytes before framing starts (ZooKeeper's
   * four-letter words arrive unframed). Return true if it took over the
   * connection; framing then never starts.
   */
  readonly preface?: (first4: Buffer, socket: Socket) => boolean;
  readonly onFrame: (frame: Buffer) => void | Promise<void>;
  /** buffers for frames that span several socket chunks (default Buffer.allocUnsafe) */
  readonly allocateFrame?: (size: number) => Buffer;
}

export function peerName(socket: Socket): string {
  return `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`;
}

export function guardConnection(opts: GuardOptions): { fail(err: unknown): void } {
  const { socket, logger, server, preface } = opts;
  const reader = new FrameReader(opts.maxFrameBytes, opts.allocateFrame);
  let prefaceDone = preface === undefined;
  let closed = false;
  const fail = (err: unknown): void => {
    if (closed) return;
    closed = true;
    const msg = err instanceof Error ? err.message : String(err);
    logger.warn(`${server}: closing connection from ${peerName(socket)}: ${msg}`);
    socket.destroy();
  };
  socket.on('error', () => {
    closed = true; // peer reset: nothing worth a log line per connection
  });
  socket.on('close', () => {
    closed = true;
  });
  socket.on('data', (chunk: Buffer) => {
    if (closed) return;
    try {
      let frames = reader.push(prefaceDone ? chunk : Buffer.alloc(0));
      if (!prefaceDone) {
        // Hold bytes back from framing until the preface has seen 4 of them.
        prefaceBuf = prefaceBuf === undefined ? chunk : Buffer.concat([prefaceBuf, chunk]);
        if (prefaceBuf.length < 4) return;
        prefaceDone = true;
        if (preface!(prefaceBuf.subarray(0, 4), socket)) {
          closed = true;
          return;
        }
        frames = reader.push(prefaceBuf);
        prefaceBuf = undefined;
      }
      for (const frame of frames) {
        if (closed) return;
        const r = opts.onFrame(frame);
        if (r !== undefined) r.catch(fail);
      }
    } catch (err) {
      fail(err);
    }
  });
  let prefaceBuf: Buffer | undefined;
  return { fail };
}
