/**
 * The persistent-query protocol over a real EmbeddedLog: windowed results
 * reach the output topic where Kafka's partitioner would put them; offsets
 * are committed to the query's group; a run abandoned after its outputs got
 * ahead of its last checkpoint, a failed append (rollback), and a clean stop
 * all resume with every window exactly once and exact.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CheckpointStore } from '../../../src/engine/queries/checkpoint-store.js';
import { consumerGroupOf, PersistentQuery } from '../../../src/engine/queries/persistent-query.js';
import type { EmbeddedLog } from '../../../src/log/embedded-log.js';
import type { Log } from '../../../src/log/log.js';
import { kafkaPartition } from '../../../src/runtime/murmur2.js';
import { produce, readTopic, tempDir, until, type TempDir } from './fixtures.js';
import { expectedTotals, windowCountQuery, WINDOW_MS } from './hand-topology.js';

interface Event {
  user: string;
  ts: number;
  amount: number;
}

let t: TempDir;
let log: EmbeddedLog;

beforeEach(async () => {
  t = await tempDir();
  log = await t.openLog();
  await log.createTopic('events', { partitions: 3 });
  await log.createTopic('totals', { partitions: 2 });
});
afterEach(async () => {
  await t.cleanup();
});

const USERS = ['ann', 'bob', 'cy', 'dee', 'eve'];

/** Events with event time rising by `step` ms from `from`, users round-robin. */
function events(from: number, count: number, step: number): Event[] {
  return Array.from({ length: count }, (_, i) => ({ user: USERS[i % USERS.length]!, ts: from + i * step, amount: (i % 7) + 1 }));
}

async function send(l: Log, es: readonly Event[]): Promise<void> {
  await produce(
    l,
    'events',
    es.map((e) => ({ key: e.user, value: JSON.stringify({ user: e.user, ts: new Date(e.ts).toISOString(), amount: e.amount }) })),
  );
}

function newQuery(l: Log, checkpoints: CheckpointStore): PersistentQuery {
  return new PersistentQuery({
    id: 'q1',
    log: l,
    checkpoints,
    plan: 'test-plan-1',
    inputs: [{ topic: 'events', partitions: 3 }],
    outputs: [{ topic: 'totals', partitions: 2 }],
    reset: 'earliest',
    build: windowCountQuery(l, 'q1', { events: 3, totals: 2 }),
    checkpointIntervalMs: 60_000, // tests take checkpoints explicitly
    run: { ackTimeoutMs: 5000 },
  });
}

/** The output topic as user@window → values; fails on any window written twice. */
async function totals(l: Log): Promise<Map<string, { n: number; total: number }>> {
  const m = new Map<string, { n: number; total: number }>();
  for (const r of await readTopic(l, 'totals')) {
    const v = JSON.parse(r.value!) as { user: string; window_start: string; n: number; total: number };
    const k = `${v.user}@${v.window_start}`;
    if (m.has(k)) throw new Error(`window ${k} written twice`);
    m.set(k, { n: v.n, total: v.total });
  }
  return m;
}

async function windowsClosedUpTo(l: Log, end: number, expectCount: number): Promise<void> {
  const ok = await until(async () => {
    const got = await totals(l);
    return [...got.keys()].filter((k) => Date.parse(k.split('@')[1]!) + WINDOW_MS <= end).length >= expectCount;
  });
  expect(ok).toBe(true);
}

describe('persistent query over the log', () => {
  it('writes exact window results where the Kafka partitioner puts them, and commits offsets to its group', async () => {
    const checkpoints = await CheckpointStore.open(log);
    const q = newQuery(log, checkpoints);
    await q.start();
    try {
      const es = events(0, 200, 251); // ts 0 .. ~50 s
      await send(log, es);
      await send(log, [{ user: 'ann', ts: 100_000, amount: 1 }]); // moves event time past every window above
      const want = expectedTotals(es);
      await windowsClosedUpTo(log, 60_000, want.size);
      expect(await totals(log)).toEqual(want);
      for (const r of await readTopic(log, 'totals')) {
        expect(r.partition).toBe(kafkaPartition(Buffer.from(r.key!, 'utf8'), 2));
        expect(r.headers['gale.query']).toBe('q1');
      }
      await q.checkpoint();
      const committed = await log.committedOffsets(consumerGroupOf('q1'), [0, 1, 2].map((partition) => ({ topic: 'events', partition })));
      for (const c of committed) expect(c.offset).toBe((await log.offsets(c)).highWatermark);
    } finally {
      await q.stop({ checkpoint: true });
    }
  });

  it('after a run abandoned past its last checkpoint, resumes with no window lost or counted twice', async () => {
    const part1 = events(0, 140, 250); // 0 .. 35 s
    const part2 = events(35_000, 80, 250); // 35 .. 55 s
    const part3 = events(55_000, 100, 250); // 55 .. 80 s
    let checkpoints = await CheckpointStore.open(log);
    const first = newQuery(log, checkpoints);
    await first.start();
    await send(log, part1);
    await windowsClosedUpTo(log, 30_000, expectedTotals(part1, 30_000).size);
    expect(await first.checkpoint()).toBeDefined();
    await send(log, part2);
    // windows 30-40 and 40-50 close and are written after the checkpoint
    await windowsClosedUpTo(log, 50_000, expectedTotals([...part1, ...part2], 50_000).size);
    await first.stop({ checkpoint: false }); // like a crash: the last checkpoint is behind the outputs

    log = await reopen(log);
    checkpoints = await CheckpointStore.open(log);
    const second = newQuery(log, checkpoints);
    await second.start();
    try {
      await send(log, part3);
      await send(log, [{ user: 'ann', ts: 200_000, amount: 1 }]);
      const all = [...part1, ...part2, ...part3];
      const want = expectedTotals(all);
      await windowsClosedUpTo(log, 90_000, want.size);
      expect(await totals(log)).toEqual(want);
    } finally {
      await second.stop({ checkpoint: true });
    }
  });

  it('a failed append rolls the query back to its checkpoint and the replay is exact', async () => {
    let failures = 1;
    const flaky: Log = Object.create(log) as Log;
    flaky.append = (tp, batch, opts) => {
      if (tp.topic === 'totals' && failures > 0) {
        failures--;
        return Promise.reject(new Error('disk on fire'));
      }
      return log.append(tp, batch, opts);
    };
    const checkpoints = await CheckpointStore.open(log);
    const q = new PersistentQuery({
      id: 'q1',
      log: flaky,
      checkpoints,
      plan: 'test-plan-1',
      inputs: [{ topic: 'events', partitions: 3 }],
      outputs: [{ topic: 'totals', partitions: 2 }],
      reset: 'earliest',
      build: windowCountQuery(flaky, 'q1', { events: 3, totals: 2 }),
      checkpointIntervalMs: 60_000,
    });
    await q.start();
    try {
      const es = events(0, 200, 251);
      await send(log, es);
      await send(log, [{ user: 'ann', ts: 100_000, amount: 1 }]);
      const want = expectedTotals(es);
      await windowsClosedUpTo(log, 60_000, want.size);
      expect(await totals(log)).toEqual(want);
      expect(q.restarts).toBe(1);
      expect(q.lastError).toMatch(/disk on fire/);
    } finally {
      await q.stop({ checkpoint: true });
    }
  });

  it('a clean stop saves the state reached: the next start counts on from there', async () => {
    const part1 = events(0, 100, 250); // 0 .. 25 s: window 20-30 stays open
    const part2 = events(25_000, 100, 250);
    let checkpoints = await CheckpointStore.open(log);
    const first = newQuery(log, checkpoints);
    await first.start();
    await send(log, part1);
    await until(() => first.eventsIn >= part1.length);
    await first.stop({ checkpoint: true });

    log = await reopen(log);
    checkpoints = await CheckpointStore.open(log);
    expect(checkpoints.get('q1')!.state).toBeDefined();
    const second = newQuery(log, checkpoints);
    await second.start();
    try {
      await send(log, part2);
      await send(log, [{ user: 'ann', ts: 200_000, amount: 1 }]);
      const want = expectedTotals([...part1, ...part2]);
      await windowsClosedUpTo(log, 60_000, want.size);
      expect(await totals(log)).toEqual(want);
      expect(second.eventsIn).toBe(part2.length + 1); // nothing read twice
    } finally {
      await second.stop({ checkpoint: true });
    }
  });

  it('a record that does not parse goes to <stream>.errors with the reason and where it was; the query carries on', async () => {
    const checkpoints = await CheckpointStore.open(log);
    const q = newQuery(log, checkpoints);
    await q.start();
    try {
      await produce(log, 'events', [
        { key: 'ann', value: '{"user": "ann", "ts": 1000, "amount": 5}' },
        { key: 'ann', value: '{not json' },
        { key: 'ann', value: '{"user": "ann", "ts": "yesterday", "amount": 5}' },
        { key: 'ann', value: '{"user": "ann", "ts": 2000, "amount": 7}' },
        { key: 'ann', value: '{"user": "ann", "ts": 50000, "amount": 1}' },
      ]);
      await windowsClosedUpTo(log, 10_000, 1);
      expect(await totals(log)).toEqual(new Map([['ann@1970-01-01T00:00:00.000Z', { n: 2, total: 12 }]]));
      const p = kafkaPartition(Buffer.from('ann'), 3);
      expect(await until(async () => (await readTopic(log, 'events.errors')).length === 2)).toBe(true);
      const dead = (await readTopic(log, 'events.errors')).map((r) => JSON.parse(r.value!) as Record<string, unknown>);
      expect(dead[0]).toMatchObject({ code: 'GALE_ERR_RUNTIME_BAD_RECORD', query: 'q1', source: { topic: 'events', partition: p, offset: 1 }, value: '{not json', key: 'ann' });
      expect(dead[0]!['reason']).toMatch(/not valid JSON/);
      expect(dead[1]).toMatchObject({ source: { topic: 'events', partition: p, offset: 2 } });
      expect(dead[1]!['reason']).toMatch(/field ts: "yesterday" is not a timestamp/);
    } finally {
      await q.stop({ checkpoint: true });
    }
  });
});

async function reopen(l: EmbeddedLog): Promise<EmbeddedLog> {
  await l.close();
  const again = await t.openLog();
  return again;
}
