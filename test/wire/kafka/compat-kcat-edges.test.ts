/**
 * kcat (librdkafka 2.0.2) beyond plain produce/consume: headers (-H, %h),
 * an idempotent producer, offsets for times (-Q), relative (-o -N) and
 * timestamp (-o s@ts) start offsets, and a -G consumer group over two topics.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProcess, startGroupBroker, type GroupTestBroker } from './group-support.js';

let broker: GroupTestBroker;
beforeAll(async () => {
  broker = await startGroupBroker();
});
afterAll(async () => {
  await broker?.stop();
});

async function kcat(args: readonly string[], input?: string): Promise<string> {
  const r = await runProcess('kcat', ['-b', broker.bootstrap, ...args], 30_000, input === undefined ? {} : { input });
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

describe('kcat edge cases', () => {
  it('headers, idempotence, -Q, -o -N and -o s@ts', async () => {
    const topic = 'kcat-edges';
    await broker.log.createTopic(topic, { partitions: 1 });
    const before = Date.now() - 1;
    const lines = Array.from({ length: 20 }, (_, i) => `k${i}:v${i}`);
    await kcat(['-P', '-t', topic, '-p', '0', '-K:', '-H', 'a=1', '-H', 'b=two', '-X', 'enable.idempotence=true'], `${lines.join('\n')}\n`);
    const all = (await kcat(['-C', '-t', topic, '-p', '0', '-o', 'beginning', '-e', '-f', '%o %k %s %h\n'])).trim().split('\n');
    expect(all).toEqual(lines.map((l, i) => `${i} ${l.replace(':', ' ')} a=1,b=two`));

    const last3 = (await kcat(['-C', '-t', topic, '-p', '0', '-o', '-3', '-e', '-f', '%o\n'])).trim().split('\n');
    expect(last3).toEqual(['17', '18', '19']);

    const q = await kcat(['-Q', '-t', `${topic}:0:${before}`]);
    expect(q).toMatch(new RegExp(`${topic} \\[0\\] offset 0\\b`));
    const future = await kcat(['-Q', '-t', `${topic}:0:${Date.now() + 3_600_000}`]);
    expect(future).toMatch(/offset -1\b/);

    const fromTs = (await kcat(['-C', '-t', topic, '-p', '0', '-o', `s@${before}`, '-e', '-c', '2', '-f', '%o\n'])).trim().split('\n');
    expect(fromTs).toEqual(['0', '1']);
  });

  it('-G reads every message of two topics once', async () => {
    const topics = ['kcat-g-a', 'kcat-g-b'];
    for (const [i, t] of topics.entries()) {
      await broker.log.createTopic(t, { partitions: 2 });
      await kcat(['-P', '-t', t], `${Array.from({ length: 10 + i }, (_, j) => `${t}-${j}`).join('\n')}\n`);
    }
    const out = await kcat(['-G', 'kcat-edges-group', ...topics, '-X', 'auto.offset.reset=earliest', '-e', '-f', '%s\n']);
    const got = out.trim().split('\n').sort();
    const want = topics.flatMap((t, i) => Array.from({ length: 10 + i }, (_, j) => `${t}-${j}`)).sort();
    expect(got).toEqual(want);
  });
});
