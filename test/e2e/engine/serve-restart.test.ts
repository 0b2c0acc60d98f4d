/**
 * `gale serve fixtures/totals.sql` as a child process: kafkajs produces JSON
 * events, the persistent query aggregates them per user in 10-second windows
 * of event time, kafkajs consumes the results. The server is SIGKILLed while
 * the query is working through a backlog, restarted on the same data dir,
 * and fed more events: every window result is there exactly once, equal to
 * the totals computed here from the input topic itself, and every input
 * record was counted.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { startGaleServe, type GaleServe } from '../../helpers/gale-serve.js';

const FIXTURE = join(new URL('.', import.meta.url).pathname, 'fixtures', 'totals.sql');
const USERS = ['ann', 'bob', 'cy', 'dee', 'eve', 'fay', 'gus', 'hal'];
const FAR = 10_000_000_000; // a closing event this far ahead closes every earlier window

let server: GaleServe | undefined;
let dataDir: string | undefined;

afterAll(async () => {
  await server?.kill();
  server?.cleanup();
});

function kafka(s: GaleServe): Kafka {
  return new Kafka({ clientId: 'e2e', brokers: [`127.0.0.1:${s.kafkaPort!}`], logLevel: logLevel.NOTHING, retry: { retries: 8, initialRetryTime: 100 } });
}

interface Event {
  user: string;
  amount: number;
  ts: number;
}

/** Events with event time rising 7 ms apart (in order within every partition). */
function events(from: number, count: number): Event[] {
  return Array.from({ length: count }, (_, i) => ({ user: USERS[(from + i) % USERS.length]!, amount: ((from + i) % 13) + 1, ts: (from + i) * 7 }));
}

async function produce(s: GaleServe, es: readonly Event[]): Promise<void> {
  const producer = kafka(s).producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    for (let i = 0; i < es.length; i += 500) {
      await producer.send({
        topic: 'events',
        acks: -1,
        messages: es.slice(i, i + 500).map((e) => ({ key: e.user, value: JSON.stringify({ user: e.user, amount: e.amount, ts: new Date(e.ts).toISOString() }) })),
      });
    }
  } finally {
    await producer.disconnect();
  }
}

/** Every message of a topic, read from the beginning by a fresh group. */
async function readAll(s: GaleServe, topic: string): Promise<{ key: string; value: string }[]> {
  const admin = kafka(s).admin();
  await admin.connect();
  const offsets = await admin.fetchTopicOffsets(topic);
  await admin.disconnect();
  const total = offsets.reduce((n, o) => n + Number(o.high) - Number(o.low), 0);
  const out: { key: string; value: string }[] = [];
  if (total === 0) return out;
  const consumer: Consumer = kafka(s).consumer({ groupId: `read-${topic}-${Date.now()}`, maxWaitTimeInMs: 100 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`read ${out.length}/${total} of ${topic}`)), 30_000);
      void consumer.run({
        eachMessage: async ({ message }) => {
          out.push({ key: message.key?.toString() ?? '', value: message.value?.toString() ?? '' });
          if (out.length >= total) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return out;
}

async function highWatermark(s: GaleServe, topic: string): Promise<number> {
  const admin = kafka(s).admin();
  await admin.connect();
  try {
    return (await admin.fetchTopicOffsets(topic)).reduce((n, o) => n + Number(o.high), 0);
  } finally {
    await admin.disconnect();
  }
}

/** user@window_start → {n, total}, computed from the events themselves (open windows left out). */
function expected(es: readonly Event[]): Map<string, { n: number; total: number }> {
  const m = new Map<string, { n: number; total: number }>();
  for (const e of es) {
    const w = Math.floor(e.ts / 10_000) * 10_000;
    if (w >= FAR - 10_000) continue;
    const k = `${e.user}@${new Date(w).toISOString()}`;
    const v = m.get(k) ?? { n: 0, total: 0 };
    v.n++;
    v.total += e.amount;
    m.set(k, v);
  }
  return m;
}

function asMap(rows: { value: string }[]): { map: Map<string, { n: number; total: number }>; duplicates: string[] } {
  const map = new Map<string, { n: number; total: number }>();
  const duplicates: string[] = [];
  for (const r of rows) {
    const v = JSON.parse(r.value) as { user: string; window_start: string; n: number; total: number };
    const k = `${v.user}@${v.window_start}`;
    if (map.has(k)) duplicates.push(k);
    map.set(k, { n: v.n, total: v.total });
  }
  return { map, duplicates };
}

async function waitFor(cond: () => Promise<boolean>, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await cond()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

describe('gale serve with a persistent query', () => {
  it('aggregates kafkajs events into exact window results, also across a SIGKILL and restart', async () => {
    // checkpoints far apart: when the server dies, its outputs are ahead of its last checkpoint
    server = await startGaleServe({ args: [FIXTURE, '--http-port', '-1', '--checkpoint-interval', '3000'] });
    dataDir = server.dataDir;
    // a first stretch, fully processed
    const first = events(0, 3000);
    await produce(server, first);
    await produce(server, USERS.map((user) => ({ user, amount: 0, ts: 3000 * 7 + 5 })));
    expect(await waitFor(async () => (await highWatermark(server!, 'totals')) > 0, 30_000)).toBe(true);
    const early = asMap(await readAll(server, 'totals'));
    expect(early.duplicates).toEqual([]);
    for (const [k, v] of early.map) expect(v).toEqual(expected(first).get(k));

    // a backlog; SIGKILL as soon as the query has written part of its results
    const second = events(3000, 40_000);
    const before = await highWatermark(server, 'totals');
    await produce(server, second);
    expect(await waitFor(async () => (await highWatermark(server!, 'totals')) > before, 30_000)).toBe(true);
    await server.kill();

    server = await startGaleServe({ dataDir, args: [FIXTURE, '--http-port', '-1', '--checkpoint-interval', '200'] });
    expect(server.stderr()).toMatch(/query q\d+ resumed/);
    const third = events(43_000, 5000);
    await produce(server, third);
    await produce(server, USERS.map((user) => ({ user, amount: 1, ts: FAR })));

    // the oracle: the input topic as it is (what kafkajs acknowledged is all there)
    const input = (await readAll(server, 'events')).map((r) => {
      const v = JSON.parse(r.value) as { user: string; amount: number; ts: string };
      return { user: v.user, amount: v.amount, ts: Date.parse(v.ts) };
    });
    expect(input.length).toBe(first.length + second.length + third.length + 2 * USERS.length);
    const want = expected(input);
    expect(await waitFor(async () => (await highWatermark(server!, 'totals')) >= want.size, 60_000)).toBe(true);
    const got = asMap(await readAll(server, 'totals'));
    expect(got.duplicates).toEqual([]);
    expect(got.map.size).toBe(want.size);
    expect(got.map).toEqual(want);
    // every input record counted, once
    const counted = [...got.map.values()].reduce((n, v) => n + v.n, 0);
    expect(counted).toBe(input.length - USERS.length);
    expect(await server.stop()).toBe(0);
  });
});
