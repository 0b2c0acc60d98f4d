/**
 * The engine over the external seams only — KafkaLog (kafkajs) and
 * ZooKeeperCoordinator (node-zookeeper-client), pointed at Gale's own
 * servers standing in for a Kafka cluster and a ZooKeeper ensemble: the same
 * statements run a persistent windowed query with exact results, and a
 * second engine (a restarted worker) finds the catalog and resumes it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KafkaLog } from '../../src/connectors/kafka/kafka-log.js';
import { ZooKeeperCoordinator } from '../../src/connectors/zookeeper/zookeeper-coordinator.js';
import { CoordStore } from '../../src/coord/store.js';
import { Engine } from '../../src/engine/engine.js';
import { KafkaServer } from '../../src/kafka/server.js';
import { EmbeddedLog } from '../../src/log/embedded-log.js';
import { decodeRecordBatchesAsync, encodeRecordBatch } from '../../src/log/record-batch/index.js';
import { kafkaPartition } from '../../src/runtime/murmur2.js';
import { ZooKeeperServer } from '../../src/zookeeper/server.js';

const quiet = { info() {}, warn() {} };
let dir: string;
let embedded: EmbeddedLog;
let kafka: KafkaServer;
let store: CoordStore;
let zk: ZooKeeperServer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gale-engine-external-'));
  embedded = await EmbeddedLog.open({ dataDir: dir, flush: 'os', logger: quiet });
  kafka = await KafkaServer.start({ log: embedded, host: '127.0.0.1', port: 0, logger: quiet });
  store = CoordStore.open({ dir: join(dir, 'coord'), logger: quiet });
  zk = await ZooKeeperServer.start({ store, host: '127.0.0.1', port: 0, logger: quiet });
});
afterAll(async () => {
  await zk.close();
  await store.close();
  await kafka.close();
  await embedded.close();
  await rm(dir, { recursive: true, force: true });
});

async function worker(): Promise<{ engine: Engine; close(): Promise<void> }> {
  const log = await KafkaLog.connect({ brokers: [`127.0.0.1:${kafka.port}`] });
  const coordinator = await ZooKeeperCoordinator.connect({ connect: `127.0.0.1:${zk.port}` });
  const engine = await Engine.open({ log, coordinator, idleTimeoutMs: 300, checkpointIntervalMs: 200 });
  return {
    engine,
    async close() {
      await engine.close();
      await coordinator.close();
      await log.close();
    },
  };
}

async function send(events: [string, number][]): Promise<void> {
  for (const [user, s] of events) {
    const p = kafkaPartition(Buffer.from(user), 2);
    await embedded.append({ topic: 'visits', partition: p }, encodeRecordBatch({ records: [{ key: user, value: JSON.stringify({ user, ts: s * 1000 }) }] }));
  }
}

async function output(): Promise<Map<string, number>> {
  const m = new Map<string, number>();
  for (let partition = 0; partition < 2; partition++) {
    const { highWatermark } = await embedded.offsets({ topic: 'per_user', partition });
    if (highWatermark === 0n) continue;
    const res = await embedded.read({ topic: 'per_user', partition }, 0n, 1 << 20);
    for (const b of await decodeRecordBatchesAsync(res.records)) {
      for (const r of b.records) {
        const v = JSON.parse(r.value!.toString()) as { user: string; n: number; ws: string };
        const k = `${v.user}@${v.ws}`;
        if (m.has(k)) throw new Error(`${k} twice`);
        m.set(k, v.n);
      }
    }
  }
  return m;
}

async function until(cond: () => Promise<boolean>): Promise<boolean> {
  const end = Date.now() + 20_000;
  while (Date.now() < end) {
    if (await cond()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

describe('engine over KafkaLog and ZooKeeperCoordinator', () => {
  it('runs a persistent windowed query and a second worker resumes it from the shared catalog', async () => {
    const first = await worker();
    const res = await first.engine.execute(`
CREATE INPUT STREAM visits (user string, ts timestamp) WITH (PARTITIONS = 2, KEY = 'user', TIMESTAMP = 'ts');
CREATE OUTPUT STREAM per_user (user string, n long, ws timestamp) WITH (PARTITIONS = 2, KEY = 'user');
SELECT user, count(*) AS n, window_start() AS ws FROM visits[SIZE 10 ADVANCE 10 ON ts] GROUP BY user INTO per_user;`);
    expect(res.map((r) => r.kind)).toEqual(['message', 'message', 'message']);
    await send([['ann', 1], ['bob', 2], ['ann', 4], ['ann', 11], ['bob', 12]]);
    expect(await until(async () => (await output()).size >= 2)).toBe(true);
    await first.close();

    const second = await worker();
    try {
      expect(second.engine.runningQueries).toHaveLength(1);
      await send([['ann', 25], ['bob', 26]]);
      expect(await until(async () => (await output()).size >= 4)).toBe(true);
      expect(await output()).toEqual(
        new Map([
          ['ann@1970-01-01T00:00:00.000Z', 2],
          ['bob@1970-01-01T00:00:00.000Z', 1],
          ['ann@1970-01-01T00:00:10.000Z', 1],
          ['bob@1970-01-01T00:00:10.000Z', 1],
        ]),
      );
    } finally {
      await second.close();
    }
  });
});
