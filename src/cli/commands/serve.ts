/**
 * `gale serve`: one process with the log, the Kafka port, the ZooKeeper port
 * (and, later, the engine and HTTP API). Prints one ready line on stdout once
 * every port listens; SIGTERM/SIGINT stop the services in reverse order.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { engineService } from '../serve/engine-service.js';
import { httpService } from '../serve/http-service.js';
import { kafkaService } from '../serve/kafka-service.js';
import type { RunningService, ServeContext, Service } from '../serve/service.js';
import { zookeeperService } from '../serve/zookeeper-service.js';

// the HTTP API serves the engine the engine service shares, so it comes after it
const services: readonly Service[] = [zookeeperService, kafkaService, engineService, httpService];

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < -1 || n > 65535) throw new Error(`not a port: ${value}`);
  return n;
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('Run Gale as a server: Kafka and ZooKeeper wire protocols over the embedded log and coordinator')
    .argument('[files...]', '.sql files whose queries start with the server')
    .option('--data-dir <dir>', 'directory for the log and coordinator state', '.gale')
    .option('--bind <host>', 'interface to listen on', '127.0.0.1')
    .option('--advertised-host <host>', 'host name given to Kafka clients (default: --bind)')
    .option('--kafka-port <port>', 'Kafka port (0 = any free port, -1 = off)', port, 9092)
    .option('--zk-port <port>', 'ZooKeeper port (0 = any free port, -1 = off)', port, 2181)
    .option('--zk-tick-time <ms>', 'ZooKeeper tickTime: session expiry granularity (default 2000)')
    .option('--zk-min-session-timeout <ms>', 'smallest negotiated session timeout (default 2 x tick)')
    .option('--zk-max-session-timeout <ms>', 'largest negotiated session timeout (default 20 x tick)')
    .option('--zk-snapshot-every <txns>', 'coordinator txns between snapshots (default 100000)')
    .option('--zk-max-buffer <bytes>', 'jute.maxbuffer: largest ZooKeeper packet and znode data (default 1048575)')
    .option('--zk-container-check <ms>', 'how often empty container and expired TTL nodes are reaped (default 60000)')
    .option('--group-min-session-timeout <ms>', 'Kafka group.min.session.timeout.ms (default 6000)')
    .option('--group-max-session-timeout <ms>', 'Kafka group.max.session.timeout.ms (default 1800000)')
    .option('--group-initial-rebalance-delay <ms>', 'Kafka group.initial.rebalance.delay.ms: how long a new group waits for more members (default 3000)')
    .option('--http-port <port>', 'HTTP API port (0 = any free port, -1 = off)', port, 8088)
    .option('--checkpoint-interval <ms>', 'ms between checkpoints of each persistent query (default 1000)')
    .option('--default-partitions <n>', 'partitions of topics the engine creates for streams without PARTITIONS (default 1)')
    .option('--flush <policy>', "log flush policy: always | interval:<ms> | os", 'always')
    .option('--sasl-users <file>', 'enable Kafka SASL (PLAIN, SCRAM-SHA-256/512) with users from a JSON file {"user":"password"}')
    .option('--no-auto-create-topics', 'do not create topics on Metadata/Produce for unknown names')
    .action(async (files: string[], options: Record<string, unknown>) => {
      const dataDir = resolve(String(options['dataDir']));
      await mkdir(dataDir, { recursive: true });
      const bind = String(options['bind']);
      const ctx: ServeContext = {
        dataDir,
        bind,
        advertisedHost: typeof options['advertisedHost'] === 'string' ? options['advertisedHost'] : bind,
        options,
        logger: {
          info: (m) => process.stderr.write(`${m}\n`),
          warn: (m) => process.stderr.write(`warn: ${m}\n`),
        },
        shared: new Map(),
        files,
      };
      const running: RunningService[] = [];
      const stopAll = async (): Promise<void> => {
        for (const s of running.reverse()) {
          try {
            await s.close();
          } catch (err) {
            ctx.logger.warn(`stopping: ${err instanceof Error ? err.message : String(err)}`);
          }
        }
      };
      try {
        for (const svc of services) {
          if (svc.enabled(ctx)) running.push(await svc.start(ctx));
        }
      } catch (err) {
        await stopAll();
        throw err;
      }
      const what = running.map((s) => s.describe).join(', ');
      process.stdout.write(`Gale is ready: ${what.length > 0 ? what : 'no services enabled'}\n`);
      await new Promise<void>((done) => {
        const stop = (sig: string): void => {
          ctx.logger.info(`gale serve: ${sig} received, shutting down`);
          void stopAll().then(done);
        };
        process.once('SIGTERM', () => stop('SIGTERM'));
        process.once('SIGINT', () => stop('SIGINT'));
      });
      ctx.logger.info('gale serve: stopped cleanly');
    });
}
