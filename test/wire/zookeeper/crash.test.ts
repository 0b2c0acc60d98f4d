/**
 * Durability: `gale serve` is SIGKILLed in the middle of a stream of writes
 * from node-zookeeper-client (creates and setData, 16 in flight, snapshots
 * and log rolls happening meanwhile). After a restart on the same data dir,
 * every write that was acknowledged is there, with its data and version.
 */
import { expect, it } from 'vitest';
import { startGaleServe } from '../../helpers/gale-serve.js';
import { call, closeClient, connectClient } from './zk-helpers.js';

it('keeps every acknowledged write across a SIGKILL', async () => {
  const args = ['--kafka-port', '-1', '--http-port', '-1', '--zk-snapshot-every', '150'];
  const first = await startGaleServe({ args });
  const acked = new Map<string, string>();
  let versions = -1;
  try {
    const c = await connectClient(first.zkPort!);
    c.on('error', () => undefined);
    await call((cb) => c.create('/crash', cb));
    await call((cb) => c.create('/crash/counter', Buffer.from('0'), cb));
    let next = 0;
    let killed = false;
    const writer = async (): Promise<void> => {
      while (!killed) {
        const i = next++;
        try {
          if (i % 4 === 3) {
            const [stat] = await call<[{ version: number }]>((cb) => c.setData('/crash/counter', Buffer.from(String(i)), cb));
            versions = Math.max(versions, stat.version);
          } else {
            const [p] = await call<[string]>((cb) => c.create('/crash/n-', Buffer.from(`v${i}`), 2, cb));
            acked.set(p, `v${i}`);
          }
        } catch {
          return; // the server is gone: this write was never acknowledged
        }
      }
    };
    const writers = Array.from({ length: 16 }, writer);
    while (acked.size < 600) await new Promise((r) => setTimeout(r, 5));
    killed = true;
    await first.kill();
    await Promise.all(writers);
    c.close();
  } catch (err) {
    first.cleanup();
    throw err;
  } finally {
    await first.kill();
  }

  const second = await startGaleServe({ dataDir: first.dataDir, args });
  try {
    expect(second.stderr()).toMatch(/coord: recovered zxid 0x[0-9a-f]+ \(snapshot 0x[0-9a-f]+ \+ \d+ txns\)/);
    const c = await connectClient(second.zkPort!);
    const [children] = await call<[string[]]>((cb) => c.getChildren('/crash', cb));
    const present = new Set(children.map((n) => `/crash/${n}`));
    const missing = [...acked.keys()].filter((p) => !present.has(p));
    expect(missing).toEqual([]);
    for (const [p, v] of [...acked].filter((_, i) => i % 25 === 0)) {
      expect((await call<[Buffer]>((cb) => c.getData(p, cb)))[0].toString()).toBe(v);
    }
    const [, stat] = await call<[Buffer, { version: number }]>((cb) => c.getData('/crash/counter', cb));
    expect(stat.version).toBeGreaterThanOrEqual(versions);
    // and the restarted server takes writes with fresh sequence numbers
    const [p] = await call<[string]>((cb) => c.create('/crash/n-', Buffer.from('after'), 2, cb));
    expect(present.has(p)).toBe(false);
    await closeClient(c);
  } finally {
    await second.stop();
    second.cleanup();
    first.cleanup();
  }
});
