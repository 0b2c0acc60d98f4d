/**
 * An in-process broker for wire tests: an EmbeddedLog in a fresh temp dir
 * served by a KafkaServer on 127.0.0.1:0. Always `await b.stop()` in
 * afterAll/finally; it closes the server, the log and removes the dir.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel, type KafkaConfig } from 'kafkajs';
import { EmbeddedLog } from '../../../src/log/embedded-log.js';
import { KafkaServer, type KafkaServerOptions } from '../../../src/kafka/server.js';

export interface TestBroker {
  readonly server: KafkaServer;
  readonly log: EmbeddedLog;
  readonly dataDir: string;
  readonly bootstrap: string;
  /** warnings the broker logged (closed connections, failed appends) */
  readonly warnings: string[];
  kafka(config?: Partial<KafkaConfig>): Kafka;
  stop(): Promise<void>;
}

export async function startBroker(opts: Partial<Omit<KafkaServerOptions, 'log'>> = {}): Promise<TestBroker> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gale-kafka-'));
  const log = await EmbeddedLog.open({ dataDir, logger: { info() {}, warn() {} } });
  const warnings: string[] = [];
  const server = await KafkaServer.start({
    log,
    logger: { info() {}, warn: (m) => warnings.push(m) },
    ...opts,
  });
  const bootstrap = `127.0.0.1:${server.port}`;
  return {
    server,
    log,
    dataDir,
    bootstrap,
    warnings,
    kafka: (config = {}) => new Kafka({ clientId: 'gale-test', brokers: [bootstrap], logLevel: logLevel.NOTHING, ...config }),
    async stop() {
      await server.close();
      await log.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
