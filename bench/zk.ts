/**
 * `npm run bench -- zk`: Gale's ZooKeeper port against Apache ZooKeeper,
 * same client (node-zookeeper-client), same load, same run.
 *
 * For create, getData, setData, exists, getChildren and delete: ops/s and
 * p50/p99 latency with 1 and with 64 outstanding requests on one session;
 * plus watch-notification latency (setData on one session -> NodeDataChanged
 * on another). Gale runs as `gale serve` (dist/, fsync on); ZooKeeper, when
 * the Debian `zookeeper` package is installed, runs from its jar with a temp
 * config (127.0.0.1, a free port, a temp dataDir, forceSync=yes) and is
 * stopped by PID afterwards. The servers take turns measurement by
 * measurement; figures are medians over the rounds after a warm-up round.
 *
 * Options: --rounds=N (default 3), --ops=N (ops per measurement at 64
 * outstanding; 1 outstanding uses a quarter), --no-zookeeper.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import zookeeper from 'node-zookeeper-client';
import { median, percentile, printTable, fmt } from './stats.js';

const ZK_JAR = '/usr/share/java/zookeeper.jar';
const JAVA = '/usr/bin/java';
const galeBin = new URL('../dist/src/cli/main.js', import.meta.url).pathname;

type Client = zookeeper.Client;

interface Target {
  readonly name: string;
  readonly port: number;
  stop(): Promise<void>;
}

/** `--name=N` (bench/run.ts would take a bare number for a suite name) */
function arg(args: string[], name: string, dflt: number): number {
  const hit = args.find((a) => a.startsWith(`${name}=`));
  return hit === undefined ? dflt : Number(hit.slice(name.length + 1));
}

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a !== null ? a.port : 0;
      s.close(() => res(port));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((res) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(kill);
      res();
    });
    child.kill('SIGTERM');
  });
}

async function startGale(): Promise<Target> {
  const dir = mkdtempSync(join(tmpdir(), 'gale-bench-zk-'));
  const child = spawn(
    process.execPath,
    [galeBin, 'serve', '--data-dir', dir, '--zk-port', '0', '--kafka-port', '-1', '--http-port', '-1'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const port = await new Promise<number>((res, rej) => {
    let out = '';
    const timer = setTimeout(() => rej(new Error(`gale serve did not start:\n${err}`)), 20_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /ZooKeeper on [^,:]+:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        res(Number(m[1]));
      }
    });
    child.once('exit', (code) => rej(new Error(`gale serve exited ${code}:\n${err}`)));
  });
  return {
    name: 'Gale',
    port,
    async stop() {
      await stopChild(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function fourLetter(port: number, word: string): Promise<string> {
  return new Promise((res) => {
    const s = connect(port, '127.0.0.1');
    let out = '';
    s.on('connect', () => s.write(word));
    s.on('data', (d) => (out += d.toString()));
    s.on('close', () => res(out));
    s.on('error', () => res(''));
  });
}

async function startZooKeeper(): Promise<Target> {
  const dir = mkdtempSync(join(tmpdir(), 'zk-bench-'));
  const port = await freePort();
  const cfg = join(dir, 'zoo.cfg');
  // defaults kept (snapCount, preAllocSize); forceSync=yes is the default, stated for clarity
  writeFileSync(
    cfg,
    [
      'tickTime=2000',
      `dataDir=${join(dir, 'data')}`,
      `clientPort=${port}`,
      'clientPortAddress=127.0.0.1',
      'forceSync=yes',
      'admin.enableServer=false',
      '4lw.commands.whitelist=*',
      'maxClientCnxns=0',
    ].join('\n'),
  );
  const child = spawn(JAVA, ['-cp', `/etc/zookeeper/conf:${ZK_JAR}`, 'org.apache.zookeeper.server.ZooKeeperServerMain', cfg], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const deadline = Date.now() + 30_000;
  while ((await fourLetter(port, 'ruok')) !== 'imok') {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stopChild(child);
      throw new Error(`ZooKeeper did not start:\n${err}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    name: 'ZooKeeper',
    port,
    async stop() {
      await stopChild(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function connectClient(port: number): Promise<Client> {
  const c = zookeeper.createClient(`127.0.0.1:${port}`, { sessionTimeout: 30_000, retries: 0 });
  return new Promise((res, rej) => {
    const timer = setTimeout(() => rej(new Error('client did not connect')), 10_000);
    c.once('connected', () => {
      clearTimeout(timer);
      res(c);
    });
    c.connect();
  });
}

type Op = 'create' | 'getData' | 'setData' | 'exists' | 'getChildren' | 'delete';
const ops: readonly Op[] = ['create', 'getData', 'setData', 'exists', 'getChildren', 'delete'];
const payload = Buffer.alloc(100, 0x61);

function issue(c: Client, op: Op, path: string, dir: string, done: (err: unknown) => void): void {
  switch (op) {
    case 'create':
      return c.create(path, payload, (e) => done(e));
    case 'getData':
      return c.getData(path, (e) => done(e));
    case 'setData':
      return c.setData(path, payload, -1, (e) => done(e));
    case 'exists':
      return c.exists(path, (e) => done(e));
    case 'getChildren':
      return c.getChildren(dir, (e) => done(e));
    case 'delete':
      return c.remove(path, -1, (e) => done(e));
  }
}

interface Sample {
  readonly opsPerSec: number;
  readonly p50: number;
  readonly p99: number;
}

/** Runs `n` ops keeping `outstanding` in flight; latencies in ms. */
function load(c: Client, op: Op, paths: readonly string[], dir: string, outstanding: number): Promise<Sample> {
  const n = paths.length;
  const lat = new Array<number>(n);
  let next = 0;
  let finished = 0;
  const start = performance.now();
  return new Promise((res, rej) => {
    const launch = (): void => {
      const i = next++;
      const t0 = performance.now();
      issue(c, op, paths[i]!, dir, (err) => {
        if (err) return rej(new Error(`${op} ${paths[i]}: ${String(err)}`));
        lat[i] = performance.now() - t0;
        finished++;
        if (next < n) launch();
        else if (finished === n) {
          const secs = (performance.now() - start) / 1000;
          res({ opsPerSec: n / secs, p50: percentile(lat, 50), p99: percentile(lat, 99) });
        }
      });
    };
    for (let k = 0; k < Math.min(outstanding, n); k++) launch();
  });
}

async function watchLatency(a: Client, b: Client, path: string, n: number): Promise<Sample> {
  await new Promise<void>((res, rej) => a.create(path, payload, (e) => (e ? rej(e) : res())));
  const lat: number[] = [];
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    await new Promise<void>((res, rej) => {
      let t0 = 0;
      a.getData(
        path,
        () => {
          lat.push(performance.now() - t0);
          res();
        },
        (e) => {
          if (e) return rej(e);
          t0 = performance.now();
          b.setData(path, payload, -1, (e2) => e2 && rej(e2));
        },
      );
    });
  }
  return { opsPerSec: n / ((performance.now() - start) / 1000), p50: percentile(lat, 50), p99: percentile(lat, 99) };
}

type Key = `${Op | 'watch'}@${number}`;

/** One target's clients and node names for one round. */
interface Session {
  readonly c: Client;
  readonly other: Client;
  readonly base: string;
  readonly dir: string;
}

async function openSession(t: Target, round: number): Promise<Session> {
  const c = await connectClient(t.port);
  const other = await connectClient(t.port);
  const mk = (p: string): Promise<void> => new Promise((res, rej) => c.create(p, (e) => (e ? rej(e) : res())));
  const base = `/bench-${round}`;
  await mk(base);
  const dir = `${base}/dir`;
  await mk(dir);
  for (let i = 0; i < 10; i++) await mk(`${dir}/child-${i}`);
  return { c, other, base, dir };
}

/** The measurements of a round, in order (creates before the reads, deletes last). */
function plan(opsAt64: number): { key: Key; run: (s: Session) => Promise<Sample> }[] {
  const steps: { key: Key; run: (s: Session) => Promise<Sample> }[] = [];
  for (const outstanding of [1, 64]) {
    const n = outstanding === 1 ? Math.max(50, Math.floor(opsAt64 / 4)) : opsAt64;
    for (const op of ops) {
      steps.push({
        key: `${op}@${outstanding}`,
        run: (s) => load(s.c, op, Array.from({ length: n }, (_, i) => `${s.base}/n${outstanding}-${i}`), s.dir, outstanding),
      });
    }
  }
  steps.push({ key: 'watch@1', run: (s) => watchLatency(s.other, s.c, `${s.base}/watched`, Math.max(50, Math.floor(opsAt64 / 10))) });
  return steps;
}

const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function run(args: string[]): Promise<void> {
  const rounds = arg(args, '--rounds', 3);
  const opsAt64 = arg(args, '--ops', 4000);
  const withZk = !args.includes('--no-zookeeper') && existsSync(ZK_JAR) && existsSync(JAVA);
  const targets: Target[] = [];
  try {
    targets.push(await startGale());
    if (withZk) targets.push(await startZooKeeper());
    else process.stdout.write('Apache ZooKeeper not installed (apt-get install zookeeper): Gale figures only\n');
    const samples = new Map<string, Map<Key, Sample[]>>(targets.map((t) => [t.name, new Map()]));
    const steps = plan(opsAt64);
    // the servers take turns measurement by measurement (alternating who goes first), with a pause
    // between, so machine noise and the other server's after-work (JIT, GC) fall on both alike
    for (let r = 0; r <= rounds; r++) {
      const sessions = new Map<string, Session>();
      for (const t of targets) sessions.set(t.name, await openSession(t, r));
      try {
        for (const [i, step] of steps.entries()) {
          for (const t of (r + i) % 2 === 0 ? targets : [...targets].reverse()) {
            await pause(150);
            const sample = await step.run(sessions.get(t.name)!);
            if (r === 0) continue; // warm-up round (JIT on both sides)
            const m = samples.get(t.name)!;
            m.set(step.key, [...(m.get(step.key) ?? []), sample]);
          }
        }
      } finally {
        for (const s of sessions.values()) {
          s.c.close();
          s.other.close();
        }
      }
    }
    const keys = [...samples.get('Gale')!.keys()];
    const med = (name: string, k: Key, f: (s: Sample) => number): number => median((samples.get(name)?.get(k) ?? []).map(f));
    const headers = ['op @ outstanding', 'Gale ops/s', 'p50 ms', 'p99 ms'];
    if (withZk) headers.push('ZK ops/s', 'p50 ms', 'p99 ms', 'Gale/ZK');
    const rows = keys.map((k) => {
      const row: (string | number)[] = [
        k === 'watch@1' ? 'watch notification' : k.replace('@', ' @ '),
        med('Gale', k, (s) => s.opsPerSec),
        med('Gale', k, (s) => s.p50),
        med('Gale', k, (s) => s.p99),
      ];
      if (withZk) {
        const ratio =
          k === 'watch@1'
            ? med('ZooKeeper', k, (s) => s.p50) / med('Gale', k, (s) => s.p50)
            : med('Gale', k, (s) => s.opsPerSec) / med('ZooKeeper', k, (s) => s.opsPerSec);
        row.push(med('ZooKeeper', k, (s) => s.opsPerSec), med('ZooKeeper', k, (s) => s.p50), med('ZooKeeper', k, (s) => s.p99), `${fmt(ratio)}x`);
      }
      return row;
    });
    process.stdout.write(`\nZooKeeper protocol, node-zookeeper-client, fsync on both, median of ${rounds} rounds (${opsAt64} ops at 64 outstanding)\n`);
    printTable(headers, rows);
    if (withZk) process.stdout.write('Gale/ZK: ops/s ratio (watch notification: ZooKeeper p50 / Gale p50); above 1.00x means Gale is faster\n');
  } finally {
    for (const t of targets) await t.stop();
  }
}
