/**
 * The Kafka wire server: a TCP listener (127.0.0.1 unless told otherwise)
 * whose connections are served by connection.ts against one Broker — the
 * config, the log, the registry and per-broker shared state handed to every
 * handler. Closing the server stops listening, ends every connection and
 * runs the broker's close hooks; the log itself belongs to the caller.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import type { BrokerLog } from './broker-log.js';
import { serveConnection } from './connection.js';
import type { AnyApiDefinition, Broker, BrokerConfig, BrokerLogger, Registry, SaslConfig } from './handler.js';
import { createRegistry, defaultRegistry } from './registry.js';
import { SASL_MECHANISMS } from './sasl/mechanisms.js';

export interface KafkaServerOptions {
  readonly log: BrokerLog;
  /** interface to listen on; default 127.0.0.1 */
  readonly host?: string;
  /** 0 (default) = any free port */
  readonly port?: number;
  /** host told to clients; default: `host` */
  readonly advertisedHost?: string;
  /** port told to clients; default: the port actually bound */
  readonly advertisedPort?: number;
  readonly nodeId?: number;
  readonly clusterId?: string;
  /** default true, as Kafka's auto.create.topics.enable */
  readonly autoCreateTopics?: boolean;
  /** default 1 */
  readonly defaultPartitions?: number;
  /** largest request frame accepted; default 100 MiB (Kafka's socket.request.max.bytes) */
  readonly maxFrameBytes?: number;
  /** user → password; SASL is off when absent */
  readonly saslUsers?: ReadonlyMap<string, string>;
  readonly logger?: BrokerLogger;
  /** replace the registry's API list (tests) */
  readonly apis?: readonly AnyApiDefinition[];
}

const silentLogger: BrokerLogger = { info: () => {}, warn: () => {} };

export class KafkaServer {
  private constructor(
    private readonly server: Server,
    readonly broker: Broker,
    private readonly sockets: Set<Socket>,
    private readonly closeHooks: (() => void | Promise<void>)[],
    private readonly closingCtl: AbortController,
  ) {}

  get port(): number {
    const a = this.server.address();
    return typeof a === 'object' && a !== null ? a.port : 0;
  }

  get host(): string {
    const a = this.server.address();
    return typeof a === 'object' && a !== null ? a.address : '';
  }

  static async start(opts: KafkaServerOptions): Promise<KafkaServer> {
    const host = opts.host ?? '127.0.0.1';
    const logger = opts.logger ?? silentLogger;
    const sockets = new Set<Socket>();
    const registry: Registry = opts.apis === undefined ? defaultRegistry() : createRegistry(opts.apis);
    const shared = new Map<symbol, unknown>();
    const closeHooks: (() => void | Promise<void>)[] = [];
    const closingCtl = new AbortController();
    const sasl: SaslConfig | undefined =
      opts.saslUsers === undefined ? undefined : { users: opts.saslUsers, mechanisms: SASL_MECHANISMS };
    let nextConnId = 1;

    // The config needs the bound port when advertising port 0; filled in after listen.
    const config: { -readonly [K in keyof BrokerConfig]: BrokerConfig[K] } = {
      nodeId: opts.nodeId ?? 0,
      advertisedHost: opts.advertisedHost ?? host,
      advertisedPort: opts.advertisedPort ?? 0,
      clusterId: opts.clusterId ?? randomUUID(),
      autoCreateTopics: opts.autoCreateTopics ?? true,
      defaultPartitions: opts.defaultPartitions ?? 1,
      maxFrameBytes: opts.maxFrameBytes ?? 100 * 1024 * 1024,
      sasl,
    };
    const broker: Broker = {
      config,
      log: opts.log,
      logger,
      registry,
      shared<T>(key: symbol, create: (b: Broker) => T): T {
        if (!shared.has(key)) shared.set(key, create(broker));
        return shared.get(key) as T;
      },
      onClose(fn) {
        closeHooks.push(fn);
      },
      closing: closingCtl.signal,
    };
    const server = createServer((socket) => {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
      try {
        serveConnection({ socket, broker, id: nextConnId++ });
      } catch (err) {
        logger.warn(`kafka: connection setup failed: ${err instanceof Error ? err.message : String(err)}`);
        socket.destroy();
      }
    });
    server.on('error', (err) => logger.warn(`kafka: server error: ${err.message}`));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port ?? 0, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const s = new KafkaServer(server, broker, sockets, closeHooks, closingCtl);
    if (opts.advertisedPort === undefined) config.advertisedPort = s.port;
    return s;
  }

  async close(): Promise<void> {
    this.closingCtl.abort();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const s of this.sockets) s.destroy();
    await closed;
    for (const fn of this.closeHooks.splice(0)) await fn();
  }
}
