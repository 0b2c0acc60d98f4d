/**
 * One client connection: frames in (src/wire guardConnection), requests
 * decoded and dispatched through the registry, responses out in request
 * order. Handlers may finish out of order (a Fetch long-polls while a
 * Metadata behind it is instant); each request takes a slot in a queue and
 * the queue is flushed from its head only, which is what Kafka clients
 * expect (kafka-python raises CorrelationIdError otherwise).
 *
 * Rules kept here rather than in handlers:
 * - ApiVersions above our max → a v0 body with UNSUPPORTED_VERSION and our
 *   ranges; ApiVersions always uses response header v0.
 * - Unknown api key or unsupported version of any other API → the
 *   connection closes with a log line (as Kafka does); it never hangs.
 * - With SASL on, only `beforeAuth` APIs are accepted until authenticated;
 *   after SaslHandshake v0 the next frames are raw SASL tokens
 *   (kafka-python), answered with raw frames.
 * - Reading pauses while too many responses are pending or the socket's
 *   write buffer is full, so a fast producer cannot grow memory unbounded.
 */
import type { Socket } from 'node:net';
import { ByteReader } from '../wire/byte-reader.js';
import { guardConnection } from '../wire/connection.js';
import { ErrorCode } from './error-codes.js';
import { KafkaError } from './errors.js';
import type { AnyApiDefinition, Broker, ConnectionContext, RequestContext } from './handler.js';
import { NO_RESPONSE } from './handler.js';
import { apiKeysOf } from './apis/api-versions/handler.js';
import { FramePool } from './frame-pool.js';
import { decodeMessage, encodeMessage, isFlexible } from './protocol/codec.js';
import { readRequestHeaderRest, readRequestPrefix } from './protocol/header.js';
import { KafkaWriter } from './protocol/writer.js';
import { rawSaslToken } from './sasl/raw-frames.js';

const API_VERSIONS_KEY = 18;
const PRODUCE_KEY = 0;
const FRAME_POOL = Symbol('kafka.framePool');
/** pause reading when this many requests are unanswered ... */
const MAX_PENDING = 256;
/** ... or when their frames hold this many bytes (pipelined 1 MB produce requests add up; measured: larger caps only lengthen fsync cycles) */
const MAX_PENDING_BYTES = 32 * 1024 * 1024;

interface Slot {
  done: boolean;
  chunks: Uint8Array[] | null;
  /** size of the request frame, released when the answer is written */
  readonly bytes: number;
}

export interface ConnectionOptions {
  readonly socket: Socket;
  readonly broker: Broker;
  readonly id: number;
}

export function serveConnection({ socket, broker, id }: ConnectionOptions): void {
  const closedCtl = new AbortController();
  const sasl = broker.config.sasl;
  const conn: ConnectionContext = {
    id,
    remoteAddress: socket.remoteAddress ?? '?',
    remotePort: socket.remotePort ?? 0,
    clientId: null,
    sasl: { mechanism: null, authenticated: sasl === undefined, user: null, rawFrames: false, exchange: undefined },
    closed: closedCtl.signal,
  };
  socket.setNoDelay(true);
  socket.once('close', () => closedCtl.abort());
  const pool = broker.shared(FRAME_POOL, () => new FramePool());

  const queue: Slot[] = [];
  let head = 0;
  let pausedForQueue = false;
  let pendingBytes = 0;
  const overloaded = (): boolean => queue.length - head >= MAX_PENDING || pendingBytes >= MAX_PENDING_BYTES;
  let pausedForDrain = false;

  const updatePause = (): void => {
    const wantPause = pausedForQueue || pausedForDrain;
    if (wantPause && !socket.isPaused()) socket.pause();
    else if (!wantPause && socket.isPaused()) socket.resume();
  };

  const flush = (): void => {
    let wrote = false;
    let ok = true;
    while (head < queue.length && queue[head]!.done) {
      const slot = queue[head]!;
      queue[head] = undefined as unknown as Slot;
      head++;
      pendingBytes -= slot.bytes;
      if (slot.chunks === null || socket.destroyed) continue;
      if (!wrote) socket.cork();
      wrote = true;
      for (const c of slot.chunks) ok = socket.write(c) && ok;
    }
    if (wrote) socket.uncork();
    if (head === queue.length) {
      queue.length = 0;
      head = 0;
    } else if (head > 1024) {
      queue.splice(0, head);
      head = 0;
    }
    if (!ok && !pausedForDrain) {
      pausedForDrain = true;
      socket.once('drain', () => {
        pausedForDrain = false;
        updatePause();
      });
    }
    pausedForQueue = overloaded();
    updatePause();
  };

  const enqueue = (frameBytes: number): Slot => {
    const slot: Slot = { done: false, chunks: null, bytes: frameBytes };
    queue.push(slot);
    pendingBytes += frameBytes;
    if (!pausedForQueue && overloaded()) {
      pausedForQueue = true;
      updatePause();
    }
    return slot;
  };

  const complete = (slot: Slot, chunks: Uint8Array[] | null): void => {
    slot.done = true;
    slot.chunks = chunks;
    flush();
  };

  const guard = guardConnection({
    socket,
    maxFrameBytes: broker.config.maxFrameBytes,
    logger: broker.logger,
    server: 'kafka',
    allocateFrame: pool.take,
    onFrame: (frame) => {
      if (conn.sasl.rawFrames) {
        const slot = enqueue(frame.length);
        return rawSaslToken(frame, conn, broker).then((reply) => complete(slot, reply === null ? null : [frameOf(reply)]));
      }
      return onRequest(frame);
    },
  });

  const onRequest = (frame: Buffer): Promise<void> | undefined => {
    const r = new ByteReader(frame);
    const prefix = readRequestPrefix(r);
    const def = broker.registry.get(prefix.apiKey);
    if (def === undefined) {
      throw new KafkaError('GALE_ERR_KAFKA_UNSUPPORTED_API', `unknown api key ${prefix.apiKey}`);
    }
    const v = prefix.apiVersion;
    if (v < def.advertised.min || v > def.advertised.max) {
      if (prefix.apiKey === API_VERSIONS_KEY && v > def.advertised.max) {
        // Clients retry with a version they find in our ranges (KIP-511).
        const slot = enqueue(frame.length);
        complete(slot, encodeResponse(def, 0, prefix.correlationId, {
          errorCode: ErrorCode.UNSUPPORTED_VERSION,
          apiKeys: apiKeysOf(broker.registry),
        }));
        return undefined;
      }
      throw new KafkaError('GALE_ERR_KAFKA_UNSUPPORTED_API', `${def.spec.name} v${v} is not offered (${def.advertised.min}-${def.advertised.max})`);
    }
    const header = readRequestHeaderRest(r, prefix, isFlexible(def.spec.request, v));
    conn.clientId = header.clientId;
    if (!conn.sasl.authenticated && def.beforeAuth !== true) {
      throw new KafkaError('GALE_ERR_KAFKA_UNAUTHENTICATED', `${def.spec.name} before SASL authentication`);
    }
    const request = decodeMessage(def.spec.request, v, r);
    const ctx: RequestContext = { header, connection: conn, broker };
    const slot = enqueue(frame.length);
    const finish = (res: unknown): void => {
      complete(slot, res === NO_RESPONSE ? null : encodeResponse(def, v, header.correlationId, res as object));
      // Produce settles every append before it answers (acks=0 included), so its frame is free again
      if (prefix.apiKey === PRODUCE_KEY) pool.give(frame);
    };
    const out = def.handler(request, ctx);
    if (out instanceof Promise) return out.then(finish);
    finish(out);
    return undefined;
  };

  void guard;
}

function frameOf(payload: Uint8Array): Buffer {
  const b = Buffer.allocUnsafe(4 + payload.length);
  b.writeInt32BE(payload.length, 0);
  b.set(payload, 4);
  return b;
}

/** Size prefix + response header + body, as chunks ready for the socket. */
export function encodeResponse(def: AnyApiDefinition, version: number, correlationId: number, body: object): Uint8Array[] {
  const kw = new KafkaWriter();
  const sizeAt = kw.out.reserveInt32();
  kw.out.int32(correlationId);
  const flexible = isFlexible(def.spec.response, version);
  if (flexible && def.spec.apiKey !== API_VERSIONS_KEY) kw.out.uvarint(0); // header v1: empty tag block
  encodeMessage(def.spec.response, version, body, kw);
  kw.out.patchInt32(sizeAt, kw.length - 4);
  return kw.chunks();
}
