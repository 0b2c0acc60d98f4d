/**
 * Unmodified command-line clients against `gale serve` (the built CLI, run
 * as a child process): kcat (librdkafka 2.0.2) lists, produces and consumes;
 * kafka-python 2.0.2 produces and reads with a group-less consumer
 * (ApiVersions v0 + pipelined Metadata v0, Produce v7, ListOffsets v1,
 * Fetch v4), also after logging in over its raw SASL frames.
 * Needs `npm run build`, kcat and python3-kafka (CI installs both).
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGaleServe, type GaleServe } from '../../helpers/gale-serve.js';

const script = new URL('./python/produce_consume.py', import.meta.url).pathname;

function run(cmd: string, args: readonly string[], input?: string): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = execFile(cmd, args, { timeout: 60_000, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd} ${args.join(' ')} failed: ${err.message}\n${stderr}`));
      else resolve({ stdout, stderr });
    });
    if (input !== undefined) child.stdin!.end(input);
  });
}

interface PythonResult {
  sent: number[];
  received: [string, string, number][];
  api_version: number[];
  end: number;
}

async function kafkaPython(bootstrap: string, topic: string, count: number, sasl: string[] = []): Promise<PythonResult> {
  const { stdout } = await run('/usr/bin/python3', [script, bootstrap, topic, String(count), ...sasl]);
  return JSON.parse(stdout.trim().split('\n').pop()!) as PythonResult;
}

let gale: GaleServe;
let bootstrap: string;

beforeAll(async () => {
  gale = await startGaleServe({ args: ['--zk-port', '-1', '--http-port', '-1'] });
  bootstrap = `127.0.0.1:${gale.kafkaPort!}`;
});
afterAll(async () => {
  await gale.stop();
  gale.cleanup();
});

describe('kcat', () => {
  it('produces keyed messages, consumes them back, and lists the topic', async () => {
    const lines = Array.from({ length: 100 }, (_, i) => `key${i % 5}:message number ${i}`);
    await run('kcat', ['-b', bootstrap, '-P', '-t', 'kcat-topic', '-K:'], `${lines.join('\n')}\n`);
    const { stdout } = await run('kcat', ['-b', bootstrap, '-C', '-t', 'kcat-topic', '-o', 'beginning', '-e', '-f', '%k:%s\n']);
    expect(stdout.trim().split('\n')).toEqual(lines);
    const list = await run('kcat', ['-b', bootstrap, '-L']);
    expect(list.stdout).toMatch(/topic "kcat-topic" with 1 partitions/);
    expect(list.stdout).toMatch(new RegExp(`broker 0 at ${bootstrap.replace(/\./g, '\\.')}`));
  });

  it('produces with acks=all and every compression codec librdkafka has', async () => {
    for (const codec of ['gzip', 'snappy', 'lz4', 'zstd']) {
      const topic = `kcat-${codec}`;
      const lines = Array.from({ length: 50 }, (_, i) => `${codec} ${i} ${'x'.repeat(i)}`);
      await run('kcat', ['-b', bootstrap, '-P', '-t', topic, '-z', codec, '-X', 'acks=all'], `${lines.join('\n')}\n`);
      const { stdout } = await run('kcat', ['-b', bootstrap, '-C', '-t', topic, '-o', 'beginning', '-e']);
      expect(stdout.trim().split('\n'), codec).toEqual(lines);
    }
  });
});

describe('kafka-python', () => {
  it('produces and reads back without a group', async () => {
    const r = await kafkaPython(bootstrap, 'py-plain', 30);
    expect(r.api_version).toEqual([2, 3, 0]);
    expect(r.sent).toEqual(Array.from({ length: 30 }, (_, i) => i));
    expect(r.received).toEqual(Array.from({ length: 30 }, (_, i) => [`k${i}`, `value-${i}`, i]));
    expect(r.end).toBe(30);
  });

  it('logs in with SASL over raw frames (PLAIN, SCRAM-SHA-256) and a wrong password is refused', async () => {
    const users = join(gale.dataDir, 'users.json');
    writeFileSync(users, JSON.stringify({ carol: 'c4r0l-pw' }));
    const secured = await startGaleServe({ args: ['--zk-port', '-1', '--http-port', '-1', '--sasl-users', users] });
    try {
      const at = `127.0.0.1:${secured.kafkaPort!}`;
      for (const mechanism of ['PLAIN', 'SCRAM-SHA-256']) {
        const r = await kafkaPython(at, `py-${mechanism}`, 3, [mechanism, 'carol', 'c4r0l-pw']);
        expect(r.received.map((x) => x[1]), mechanism).toEqual(['value-0', 'value-1', 'value-2']);
      }
      await expect(kafkaPython(at, 'py-denied', 1, ['PLAIN', 'carol', 'wrong'])).rejects.toThrow(/NoBrokersAvailable|Authentication/);
      expect(secured.stderr()).toMatch(/SASL PLAIN failed/);
    } finally {
      await secured.stop();
      secured.cleanup();
    }
  });
});
