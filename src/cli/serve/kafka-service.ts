/**
 * The Kafka wire server as a `gale serve` service: opens the EmbeddedLog
 * (`<dataDir>/log`, shared with later services as `log`) unless an earlier
 * service already did, and serves it on --kafka-port (-1 = off).
 */
import { readFileSync } from 'node:fs';
import { EmbeddedLog } from '../../log/embedded-log.js';
import { KafkaError } from '../../kafka/errors.js';
import { KafkaServer } from '../../kafka/server.js';
import { installGroupCoordinator } from '../../kafka/group-coordinator/on-broker.js';
import { groupConfigFromServeOptions } from '../../kafka/group-coordinator/serve-options.js';
import type { BrokerLog } from '../../kafka/broker-log.js';
import type { RunningService, ServeContext, Service } from './service.js';

function saslUsers(file: unknown): Map<string, string> | undefined {
  if (typeof file !== 'string') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new KafkaError('GALE_ERR_KAFKA_CONFIG', `--sasl-users ${file}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new KafkaError('GALE_ERR_KAFKA_CONFIG', `--sasl-users ${file}: expected a JSON object {"user": "password"}`);
  }
  const users = new Map<string, string>();
  for (const [user, password] of Object.entries(parsed)) {
    if (typeof password !== 'string') throw new KafkaError('GALE_ERR_KAFKA_CONFIG', `--sasl-users ${file}: the password of '${user}' is not a string`);
    users.set(user, password);
  }
  return users;
}

export const kafkaService: Service = {
  name: 'kafka',
  enabled: (ctx) => Number(ctx.options['kafkaPort'] ?? 9092) !== -1,
  async start(ctx: ServeContext): Promise<RunningService> {
    const o = ctx.options;
    const users = saslUsers(o['saslUsers']);
    const groupConfig = groupConfigFromServeOptions(o);
    let log = ctx.shared.get('log') as BrokerLog | undefined;
    let ownLog: EmbeddedLog | undefined;
    if (log === undefined) {
      ownLog = await EmbeddedLog.open({
        dataDir: ctx.dataDir,
        flush: typeof o['flush'] === 'string' ? o['flush'] : 'always',
        logger: { info: (m) => ctx.logger.info(`log: ${m}`), warn: (m) => ctx.logger.warn(`log: ${m}`) },
      });
      log = ownLog;
      ctx.shared.set('log', log);
    }
    let server: KafkaServer;
    try {
      server = await KafkaServer.start({
        log,
        host: ctx.bind,
        port: Number(o['kafkaPort'] ?? 9092),
        advertisedHost: ctx.advertisedHost,
        autoCreateTopics: o['autoCreateTopics'] !== false,
        ...(users === undefined ? {} : { saslUsers: users }),
        logger: ctx.logger,
      });
      installGroupCoordinator(server.broker, groupConfig);
    } catch (err) {
      await ownLog?.close();
      throw err;
    }
    return {
      describe: `Kafka on ${ctx.advertisedHost}:${server.port}`,
      async close() {
        await server.close();
        if (ownLog !== undefined) {
          ctx.shared.delete('log');
          await ownLog.close();
        }
      },
    };
  },
};
