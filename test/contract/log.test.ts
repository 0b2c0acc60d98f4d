/** The Log contract against the embedded log and against KafkaLog (kafkajs) talking to Gale's own Kafka server. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KafkaLog } from '../../src/connectors/kafka/kafka-log.js';
import { KafkaServer } from '../../src/kafka/server.js';
import { EmbeddedLog } from '../../src/log/embedded-log.js';
import { logContract } from './log.contract.js';

const quiet = { info() {}, warn() {} };

logContract('EmbeddedLog', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gale-contract-'));
  const log = await EmbeddedLog.open({ dataDir: dir, flush: 'os', logger: quiet });
  return {
    log,
    async close() {
      await log.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

logContract('KafkaLog (kafkajs → Gale Kafka server)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gale-contract-'));
  const embedded = await EmbeddedLog.open({ dataDir: dir, flush: 'os', logger: quiet });
  const server = await KafkaServer.start({ log: embedded, host: '127.0.0.1', port: 0, logger: quiet });
  const log = await KafkaLog.connect({ brokers: [`127.0.0.1:${server.port}`] });
  return {
    log,
    async close() {
      await log.close();
      await server.close();
      await embedded.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});
