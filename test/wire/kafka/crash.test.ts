/**
 * Durability across a crash: `gale serve` is killed with SIGKILL while
 * kafkajs producers send with acks=-1. After a restart on the same data
 * directory, every acknowledged message is in the log at the offset it was
 * acknowledged with, and each producer's messages keep their order within
 * their partition.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { startGaleServe, type GaleServe } from '../../helpers/gale-serve.js';

const ARGS = ['--zk-port', '-1', '--http-port', '-1'];
const LOOPS = 4;

function client(port: number): Kafka {
  return new Kafka({ clientId: 'crash-test', brokers: [`127.0.0.1:${port}`], logLevel: logLevel.NOTHING, retry: { retries: 0 } });
}

const started: GaleServe[] = [];
afterEach(async () => {
  for (const g of started.splice(0)) {
    await g.kill();
    g.cleanup();
  }
});

describe('crash', () => {
  it('keeps every acknowledged message, in order, after SIGKILL during acks=-1 produce', async () => {
    const first = await startGaleServe({ args: ARGS });
    started.push(first);
    const kafka = client(first.kafkaPort!);
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'crash', numPartitions: 3 }] });
    await admin.disconnect();

    interface Acked { value: string; partition: number; offset: bigint; loop: number; seq: number }
    const acked: Acked[] = [];
    const producers: Producer[] = [];
    let killed = false;
    const loops = Array.from({ length: LOOPS }, async (_, loop) => {
      const p = kafka.producer({ allowAutoTopicCreation: false });
      producers.push(p);
      await p.connect();
      for (let seq = 0; !killed; seq++) {
        const value = `loop${loop}-seq${seq}`;
        try {
          const [r] = await p.send({ topic: 'crash', acks: -1, messages: [{ key: `${loop}-${seq % 3}`, value }] });
          acked.push({ value, partition: r!.partition, offset: BigInt(r!.baseOffset!), loop, seq });
        } catch {
          return; // the broker is gone: unacknowledged, so no promise was made
        }
      }
    });
    while (acked.length < 400) await new Promise((r) => setTimeout(r, 20));
    await first.kill();
    killed = true;
    await Promise.all(loops);
    await Promise.all(producers.map((p) => p.disconnect().catch(() => {})));

    const second = await startGaleServe({ dataDir: first.dataDir, args: ARGS });
    started.unshift(second); // killed first, then `first` cleans the dir
    const again = client(second.kafkaPort!);
    const consumer = again.consumer({ groupId: 'crash-check', maxWaitTimeInMs: 100 });
    const found = new Map<string, { partition: number; offset: bigint }>();
    const admin2 = again.admin();
    await admin2.connect();
    const ends = await admin2.fetchTopicOffsets('crash');
    await admin2.disconnect();
    const total = ends.reduce((a, o) => a + Number(o.high), 0);
    expect(total).toBeGreaterThanOrEqual(acked.length);
    await consumer.connect();
    await consumer.subscribe({ topic: 'crash', fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`read ${found.size}/${total}`)), 30_000);
      void consumer.run({
        eachMessage: async ({ partition, message }) => {
          found.set(message.value!.toString(), { partition, offset: BigInt(message.offset) });
          if (found.size >= total) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
    await consumer.disconnect();

    for (const a of acked) expect(found.get(a.value), a.value).toEqual({ partition: a.partition, offset: a.offset });
    // per producer loop and partition, log order = send order
    for (let loop = 0; loop < LOOPS; loop++) {
      for (let partition = 0; partition < 3; partition++) {
        const mine = [...found.entries()]
          .filter(([v, f]) => v.startsWith(`loop${loop}-`) && f.partition === partition)
          .sort((a, b) => (a[1].offset < b[1].offset ? -1 : 1))
          .map(([v]) => Number(v.split('seq')[1]));
        expect(mine).toEqual([...mine].sort((a, b) => a - b));
      }
    }
  });
});
