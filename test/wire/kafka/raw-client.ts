/**
 * A bare Kafka client for wire tests that need exact frames: encodes a
 * request with the broker's own specs at a chosen version, matches answers
 * by correlation id, and exposes the socket for garbage and half frames.
 */
import { connect, type Socket } from 'node:net';
import { decodeMessage, encodeToBuffer, isFlexible } from '../../../src/kafka/protocol/codec.js';
import type { ApiSpec, DecodedResponseOf, MessageInput } from '../../../src/kafka/protocol/spec.js';
import { ByteReader } from '../../../src/wire/byte-reader.js';
import { FrameReader } from '../../../src/wire/frame-reader.js';

export class RawClient {
  private nextId = 1;
  private readonly pending = new Map<number, (frame: Buffer) => void>();
  /** correlation ids of responses in the order they arrived */
  readonly arrivalOrder: number[] = [];
  readonly closed: Promise<void>;

  private constructor(readonly socket: Socket) {
    const frames = new FrameReader(256 * 1024 * 1024);
    socket.on('data', (chunk: Buffer) => {
      for (const f of frames.push(chunk)) {
        const id = f.readInt32BE(0);
        this.arrivalOrder.push(id);
        const done = this.pending.get(id);
        this.pending.delete(id);
        done?.(f);
      }
    });
    this.closed = new Promise((resolve) => socket.once('close', () => resolve()));
    socket.on('error', () => {});
  }

  static async connect(port: number): Promise<RawClient> {
    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    return new RawClient(socket);
  }

  /** The framed bytes of a request (size prefix included). */
  frame<A extends ApiSpec>(api: A, version: number, body: MessageInput<A['request']['fields']>, correlationId: number): Buffer {
    const flexible = isFlexible(api.request, version);
    const clientId = Buffer.from('raw-client');
    const head = Buffer.alloc(10);
    head.writeInt16BE(api.apiKey, 0);
    head.writeInt16BE(version, 2);
    head.writeInt32BE(correlationId, 4);
    head.writeInt16BE(clientId.length, 8);
    const payload = Buffer.concat([head, clientId, flexible ? Buffer.from([0]) : Buffer.alloc(0), encodeToBuffer(api.request, version, body)]);
    const size = Buffer.alloc(4);
    size.writeInt32BE(payload.length);
    return Buffer.concat([size, payload]);
  }

  /** Sends one request; resolves with the decoded response. */
  request<A extends ApiSpec>(api: A, version: number, body: MessageInput<A['request']['fields']>): Promise<DecodedResponseOf<A>> {
    const id = this.nextId++;
    const answer = this.expect(api, version, id);
    this.socket.write(this.frame(api, version, body, id));
    return answer;
  }

  /** Registers interest in the response to `id` (for requests written by hand). */
  expect<A extends ApiSpec>(api: A, version: number, id: number): Promise<DecodedResponseOf<A>> {
    return new Promise((resolve, reject) => {
      this.closed.then(() => reject(new Error(`connection closed before response ${id}`)), () => {});
      this.pending.set(id, (f) => {
        const r = new ByteReader(f, 4);
        if (isFlexible(api.response, version) && api.apiKey !== 18) r.uvarint(); // response header v1 tags
        resolve(decodeMessage(api.response, version, r));
      });
    });
  }

  takeId(): number {
    return this.nextId++;
  }

  close(): void {
    this.socket.destroy();
  }
}
