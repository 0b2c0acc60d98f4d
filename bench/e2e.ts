/**
 * `npm run bench -- e2e`: the whole product on one machine. `gale serve`
 * (a child process, the embedded log and engine) runs a filter query
 *
 *   SELECT id, user, amount, sent FROM bench_in WHERE amount >= 50 INTO bench_out;
 *
 * and kcat (librdkafka) produces JSON records into `bench_in` over the Kafka
 * port and consumes `bench_out`.
 *
 *  - throughput: N records produced by kcat as fast as it can; records/s
 *    from the first produce until the last passing record is in the output
 *    topic. Baseline in the same run: the same records produced by kcat
 *    into a topic no query reads (the broker and log alone).
 *  - latency: records offered at a fixed rate (default 50,000/s) through a
 *    pipe into kcat; each carries its send time; kcat consumes the output
 *    and the bench takes receive time − send time for every record: p50,
 *    p99, max.
 *
 * Bounded: N records per throughput run (default 500,000), `--seconds` of
 * offered load per latency run (default 5), `--runs` runs each (default 3),
 * medians reported; every run has a deadline; the server and kcat processes
 * are killed and the data dir removed afterwards.
 * Options: --records=N --rate=R --seconds=S --runs=K --flush=always|os.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Kafka, logLevel } from 'kafkajs';
import { median, percentile, printTable } from './stats.js';

const ROOT = new URL('..', import.meta.url).pathname;

interface Options {
  readonly records: number;
  readonly rate: number;
  readonly seconds: number;
  readonly runs: number;
  readonly flush: string;
}

function options(args: readonly string[]): Options {
  const get = (name: string, dflt: number): number => {
    const a = args.find((x) => x.startsWith(`--${name}=`));
    const n = a === undefined ? dflt : Number(a.slice(name.length + 3));
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number`);
    return n;
  };
  const flush = args.find((x) => x.startsWith('--flush='))?.slice(8) ?? 'always';
  return { records: get('records', 500_000), rate: get('rate', 50_000), seconds: get('seconds', 5), runs: get('runs', 3), flush };
}

const QUERY = `
CREATE INPUT STREAM bench_in (id long, user string, amount long, sent long) WITH (PARTITIONS = 1, KEY = 'user');
CREATE OUTPUT STREAM bench_out (id long, user string, amount long, sent long) WITH (PARTITIONS = 1, KEY = 'user');
SELECT id, user, amount, sent FROM bench_in WHERE amount >= 50 INTO bench_out;
`;

interface Server {
  readonly child: ChildProcess;
  readonly port: number;
  stop(): Promise<void>;
}

async function startServer(dir: string, flush: string): Promise<Server> {
  const sql = join(dir, 'bench.sql');
  await writeFile(sql, QUERY);
  const child = spawn(
    process.execPath,
    [join(ROOT, 'dist/src/cli/main.js'), 'serve', sql, '--data-dir', join(dir, 'data'), '--kafka-port', '0', '--zk-port', '-1', '--http-port', '-1', '--flush', flush],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`gale serve not ready:\n${err}`)), 60_000);
    const rl = createInterface({ input: child.stdout! });
    rl.on('line', (line) => {
      const m = /Kafka on [^,:]+:(\d+)/.exec(line);
      if (m !== null) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    void exited.then(() => reject(new Error(`gale serve exited:\n${err}`)));
  });
  return {
    child,
    port,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(t);
    },
  };
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux; NaN elsewhere). */
function cpuSeconds(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return NaN;
  }
}

/** The total high watermark of a topic (kafkajs admin). */
async function watermark(kafka: Kafka, topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return (await admin.fetchTopicOffsets(topic)).reduce((n, o) => n + Number(o.high), 0);
  } finally {
    await admin.disconnect();
  }
}

async function until(cond: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function record(i: number, sent: number): string {
  const amount = (i * 7919) % 100;
  return `u${i % 1000}\t{"id":${i},"user":"u${i % 1000}","amount":${amount},"sent":${sent}}`;
}

function passing(n: number): number {
  let c = 0;
  for (let i = 0; i < n; i++) if ((i * 7919) % 100 >= 50) c++;
  return c;
}

const KCAT_PRODUCE = ['-X', 'linger.ms=1', '-X', 'batch.num.messages=10000', '-X', 'queue.buffering.max.messages=1000000', '-X', 'acks=all'];

function kcatProduce(port: number, topic: string, file?: string): ChildProcess {
  return spawn('kcat', ['-P', '-b', `127.0.0.1:${port}`, '-t', topic, '-K', '\t', ...KCAT_PRODUCE, ...(file === undefined ? [] : ['-l', file])], {
    stdio: [file === undefined ? 'pipe' : 'ignore', 'ignore', 'pipe'],
  });
}

async function exit(p: ChildProcess): Promise<void> {
  if (p.exitCode !== null) return;
  await new Promise<void>((r) => p.once('exit', () => r()));
}

/** Produces `file` with kcat; the ms from start until `topic` holds `expect` more records, and the server's CPU seconds meanwhile. */
async function timed(
  kafka: Kafka,
  server: Server,
  produceTo: string,
  file: string,
  watch: { topic: string; expect: number; base: number },
): Promise<{ ms: number; cpu: number }> {
  const c0 = cpuSeconds(server.child.pid);
  const t0 = performance.now();
  const p = kcatProduce(server.port, produceTo, file);
  await until(async () => (await watermark(kafka, watch.topic)) >= watch.base + watch.expect, 120_000, `${watch.expect} records in ${watch.topic}`);
  const ms = performance.now() - t0;
  const cpu = cpuSeconds(server.child.pid) - c0;
  await exit(p);
  return { ms, cpu };
}

interface Rates {
  /** records per wall-clock second */
  readonly wall: number[];
  /** records per CPU-second of the server process (what one core does, whatever else runs) */
  readonly cpu: number[];
}

async function throughput(o: Options, dir: string, kafka: Kafka, server: Server): Promise<{ produce: Rates; e2e: Rates }> {
  const file = join(dir, 'records.tsv');
  const lines: string[] = [];
  for (let i = 0; i < o.records; i++) lines.push(record(i, 0));
  await writeFile(file, `${lines.join('\n')}\n`);
  const pass = passing(o.records);
  const produce: Rates = { wall: [], cpu: [] };
  const e2e: Rates = { wall: [], cpu: [] };
  for (let run = 0; run < o.runs; run++) {
    const raw = await timed(kafka, server, 'bench_raw', file, { topic: 'bench_raw', expect: o.records, base: await watermark(kafka, 'bench_raw') });
    produce.wall.push((o.records / raw.ms) * 1000);
    produce.cpu.push(o.records / raw.cpu);
    const out = await timed(kafka, server, 'bench_in', file, { topic: 'bench_out', expect: pass, base: await watermark(kafka, 'bench_out') });
    e2e.wall.push((o.records / out.ms) * 1000);
    e2e.cpu.push(o.records / out.cpu);
  }
  return { produce, e2e };
}

/** One fixed-rate run: latencies (ms) of every record that passed the filter. */
async function latencyRun(o: Options, port: number, firstId: number, topics: { in: string; out: string }): Promise<number[]> {
  const consumer = spawn('kcat', ['-C', '-b', `127.0.0.1:${port}`, '-t', topics.out, '-o', 'end', '-u', '-q', '-f', '%s\\n', '-X', 'fetch.wait.max.ms=5', '-X', 'fetch.error.backoff.ms=5'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const lat: number[] = [];
  const rl = createInterface({ input: consumer.stdout! });
  rl.on('line', (line) => {
    const now = performance.timeOrigin + performance.now();
    const m = /"sent":(\d+)/.exec(line);
    if (m !== null) lat.push(now - Number(m[1]) / 1000);
  });
  await new Promise((r) => setTimeout(r, 1500)); // the consumer joins at the end of the topic
  const producer = kcatProduce(port, topics.in);
  const stdin = producer.stdin!;
  const total = Math.round(o.rate * o.seconds);
  const tickMs = 2;
  const start = performance.now();
  let sent = 0;
  await new Promise<void>((resolve) => {
    const tick = (): void => {
      const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * o.rate));
      if (due > sent) {
        let chunk = '';
        const now = Math.round((performance.timeOrigin + performance.now()) * 1000);
        for (; sent < due; sent++) chunk += `${record(firstId + sent, now)}\n`;
        stdin.write(chunk);
      }
      if (sent >= total) resolve();
      else setTimeout(tick, tickMs);
    };
    tick();
  });
  stdin.end();
  await exit(producer);
  // the filter passes the same share of every 100 consecutive ids; the raw topic passes all
  const want = topics.in === topics.out ? total : passing(total);
  const end = Date.now() + 30_000;
  while (lat.length < want * 0.999 && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
  consumer.kill('SIGTERM');
  await exit(consumer);
  return lat;
}

export async function run(args: string[]): Promise<void> {
  const o = options(args);
  const dir = await mkdtemp(join(tmpdir(), 'gale-bench-e2e-'));
  let server: Server | undefined;
  try {
    server = await startServer(dir, o.flush);
    const kafka = new Kafka({ clientId: 'bench', brokers: [`127.0.0.1:${server.port}`], logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'bench_raw', numPartitions: 1 }] });
    await admin.disconnect();
    process.stdout.write(`filter query, 1 partition in and out, flush=${o.flush}, ${o.records.toLocaleString('en-US')} records x ${o.runs} runs (kcat -P)\n`);
    const t = await throughput(o, dir, kafka, server);
    const runs = (xs: number[]): string => xs.map((x) => Math.round(x).toLocaleString('en-US')).join(' ');
    printTable(
      ['path', 'records/s (median)', 'records per server CPU-s', 'runs (records/s)'],
      [
        ['kcat → broker/log only (baseline)', median(t.produce.wall), median(t.produce.cpu), runs(t.produce.wall)],
        ['kcat → filter query → output topic', median(t.e2e.wall), median(t.e2e.cpu), runs(t.e2e.wall)],
        ['end to end / baseline', median(t.e2e.wall) / median(t.produce.wall), median(t.e2e.cpu) / median(t.produce.cpu), ''],
      ],
    );
    process.stdout.write(`\nlatency at ${o.rate.toLocaleString('en-US')} records/s offered for ${o.seconds} s x ${o.runs} runs (produce → output consumed)\n`);
    const rows: (string | number)[][] = [];
    const paths = [
      { label: 'kcat → broker → kcat (baseline)', in: 'bench_raw', out: 'bench_raw' },
      { label: 'kcat → filter query → kcat', in: 'bench_in', out: 'bench_out' },
    ];
    for (const path of paths) {
      const p50: number[] = [];
      const p99: number[] = [];
      const max: number[] = [];
      let n = 0;
      for (let r = 0; r < o.runs; r++) {
        const lat = await latencyRun(o, server.port, 10_000_000 * (r + 1), path);
        p50.push(percentile(lat, 50));
        p99.push(percentile(lat, 99));
        max.push(lat.reduce((m, x) => (x > m ? x : m), 0));
        n += lat.length;
      }
      rows.push([path.label, n, median(p50), median(p99), median(max), p99.map((x) => x.toFixed(1)).join(' ')]);
    }
    printTable(['path', 'records', 'p50 ms (median)', 'p99 ms (median)', 'max ms (median)', 'p99 per run'], rows);
  } finally {
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
