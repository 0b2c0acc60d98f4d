/**
 * `gale run FILE.sql` over topics: the embedded engine runs the file (a
 * temporary data dir), a SELECT without INTO prints its rows on stdout as
 * JSON lines, and a Kafka port is opened only when asked — then kafkajs
 * feeds the topic and the rows show up. SIGINT stops it cleanly (exit 0).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Kafka, logLevel } from 'kafkajs';
import { galeBin } from '../../helpers/gale-serve.js';

let dir: string;
let child: ChildProcess | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gale-run-topics-'));
});
afterEach(async () => {
  if (child !== undefined && child.exitCode === null && child.signalCode === null) {
    child.kill('SIGKILL');
    await new Promise((r) => child!.once('exit', r));
  }
  child = undefined;
  await rm(dir, { recursive: true, force: true });
});

interface Run {
  readonly lines: string[];
  stderr(): string;
  readonly exited: Promise<number | null>;
}

function run(args: string[]): Run {
  child = spawn(process.execPath, [galeBin, 'run', ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    const parts = out.split('\n');
    out = parts.pop()!;
    lines.push(...parts.filter((l) => l !== ''));
  });
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((r) => child!.once('exit', (code) => r(code)));
  return { lines, stderr: () => err, exited };
}

async function until(cond: () => boolean, ms = 20_000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end && !cond()) await new Promise((r) => setTimeout(r, 25));
  return cond();
}

describe('gale run over topics', () => {
  it('runs the file on an embedded engine: INSERT VALUES into a topic, a push query prints matching rows', async () => {
    await writeFile(
      join(dir, 'readings.sql'),
      `SET 'auto.offset.reset' = 'earliest';
CREATE STREAM readings (sensor string, value double) WITH (TOPIC = 'readings');
INSERT INTO readings VALUES ('a', 1.5), ('b', 20.0), ('a', 30.5);
SELECT sensor, value FROM readings WHERE value > 10;
`,
    );
    const r = run(['readings.sql']);
    expect(await until(() => r.lines.length >= 2)).toBe(true);
    expect(r.lines.map((l) => JSON.parse(l) as unknown)).toEqual([
      { sensor: 'b', value: 20 },
      { sensor: 'a', value: 30.5 },
    ]);
    expect(r.stderr()).not.toMatch(/Kafka on/); // no port unless asked
    child!.kill('SIGINT');
    expect(await r.exited).toBe(0);
    expect(r.stderr()).toMatch(/stopped/);
  });

  it('with --kafka-port, kafkajs produces into the topic and the rows come out', async () => {
    await writeFile(
      join(dir, 'clicks.sql'),
      `CREATE INPUT STREAM clicks (user string, page string) WITH (KEY = 'user');
SELECT user FROM clicks WHERE page = '/buy';
`,
    );
    const r = run(['clicks.sql', '--kafka-port', '0']);
    expect(await until(() => /Kafka on [^:]+:\d+/.test(r.stderr()) && /push quer/.test(r.stderr()))).toBe(true);
    const port = Number(/Kafka on [^:]+:(\d+)/.exec(r.stderr())![1]);
    const producer = new Kafka({ clientId: 't', brokers: [`127.0.0.1:${port}`], logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    await producer.send({
      topic: 'clicks',
      messages: [
        { key: 'ann', value: JSON.stringify({ user: 'ann', page: '/home' }) },
        { key: 'bob', value: JSON.stringify({ user: 'bob', page: '/buy' }) },
      ],
    });
    await producer.disconnect();
    expect(await until(() => r.lines.length >= 1)).toBe(true);
    expect(JSON.parse(r.lines[0]!)).toEqual({ user: 'bob' });
    child!.kill('SIGTERM');
    expect(await r.exited).toBe(0);
  });
});
