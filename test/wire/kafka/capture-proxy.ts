/**
 * A TCP proxy in front of the broker that records every request frame a
 * client sends (and can drop chosen responses). The broker must advertise
 * the proxy's port, or clients would reconnect around it after bootstrap.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';
import { FrameReader } from '../../../src/wire/frame-reader.js';

export class CaptureProxy {
  private server!: Server;
  private target = 0;
  private readonly sockets = new Set<Socket>();
  /** request frames (without the size prefix), in arrival order per connection */
  readonly requests: Buffer[] = [];
  /** when it returns true for a response (frame without size prefix), the connection is cut instead */
  dropResponse: (response: Buffer, request: Buffer) => boolean = () => false;

  async listen(): Promise<number> {
    this.server = createServer((client) => this.pipe(client));
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    return (this.server.address() as { port: number }).port;
  }

  forwardTo(port: number): void {
    this.target = port;
  }

  private pipe(client: Socket): void {
    const upstream = connect(this.target, '127.0.0.1');
    this.sockets.add(client).add(upstream);
    const byId = new Map<number, Buffer>();
    const fromClient = new FrameReader(1 << 30);
    const fromBroker = new FrameReader(1 << 30);
    const kill = (): void => {
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    for (const s of [client, upstream]) {
      s.on('error', kill);
      s.on('close', kill);
    }
    client.on('data', (chunk: Buffer) => {
      try {
        for (const f of fromClient.push(chunk)) {
          this.requests.push(f);
          if (f.length >= 8) byId.set(f.readInt32BE(4), f);
        }
      } catch {
        // not Kafka framing (e.g. raw SASL is still framed; anything else is passed through unrecorded)
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      for (const f of fromBroker.push(chunk)) {
        const req = byId.get(f.readInt32BE(0));
        if (req !== undefined && this.dropResponse(f, req)) {
          kill();
          return;
        }
        const size = Buffer.alloc(4);
        size.writeInt32BE(f.length);
        client.write(Buffer.concat([size, f]));
      }
    });
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}
