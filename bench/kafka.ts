/**
 * `npm run bench -- kafka [--mb=N] [--runs=N] [--kafkajs-mb=N] [--only=kcat-produce]`: produce and consume MB/s of
 * 1 KiB records through `gale serve` (the built CLI in a child process,
 * flush=always by default so acks mean fsynced; --flush=os matches the ceiling's policy) with kcat (librdkafka, the fastest
 * client) and kafkajs, at acks=1 and acks=-1, next to the machine's ceiling
 * measured in the same run: a raw loopback socket into a raw file append.
 *
 * The ceiling and the kcat produce runs alternate round by round (the
 * machine is shared: its load drifts between runs), and the kcat/ceiling
 * ratio is also given per round (median of rounds).
 *
 * Ceiling: a child process receives 1 MiB writes on 127.0.0.1 and appends
 * every chunk to a file, with one fdatasync at the end — a raw socket into a
 * raw file append, nothing in between; percentages are against it. A second
 * row fsyncs after every MiB, blocking (no group commit): what a naive
 * durable append would cost. Every figure is the median of `runs` bounded
 * runs; min–max is shown because the machine is shared and noisy.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { median, printTable } from './stats.js';

const RECORD = 1024;
const galeBin = new URL('../dist/src/cli/main.js', import.meta.url).pathname;

interface Options {
  readonly mb: number;
  readonly runs: number;
  readonly kafkajsMb: number;
  /** `--only=kcat-produce`: the ceiling and the kcat produce rows only (for A/B runs of the produce path) */
  readonly kcatProduceOnly: boolean;
  /** `--flush=os`: the broker's log flush policy (default always: acks mean fsynced, as Gale promises) */
  readonly flush: string;
}

function parse(args: readonly string[]): Options {
  // `--name=value` (bench/run.ts would take a bare `value` for a suite name)
  const get = (name: string, dflt: number): number => {
    const a = args.find((x) => x.startsWith(`--${name}=`));
    return a === undefined ? dflt : Number(a.slice(name.length + 3));
  };
  return { mb: get('mb', 100), runs: get('runs', 3), kafkajsMb: get('kafkajs-mb', 20), kcatProduceOnly: args.includes('--only=kcat-produce'),
    flush: args.find((x) => x.startsWith('--flush='))?.slice('--flush='.length) ?? 'always',
  };
}

// ---------------------------------------------------------------- ceiling

const SINK = `
const net = require('node:net'), fs = require('node:fs');
const [file, fsync] = [process.argv[1], process.argv[2] === '1'];
const srv = net.createServer((s) => {
  const fd = fs.openSync(file, 'w');
  let total = -1, got = 0, pending = 0, head = Buffer.alloc(0);
  s.on('data', (c) => {
    if (total < 0) { head = Buffer.concat([head, c]); if (head.length < 8) return; total = Number(head.readBigInt64BE(0)); c = head.subarray(8); }
    if (got >= total) return;
    fs.writeSync(fd, c); got += c.length; pending += c.length;
    if (fsync && pending >= 1048576) { fs.fdatasyncSync(fd); pending = 0; }
    if (got >= total) { fs.fdatasyncSync(fd); fs.closeSync(fd); s.end(Buffer.from([1])); }
  });
});
srv.listen(0, '127.0.0.1', () => process.stdout.write(srv.address().port + '\\n'));
`;

async function ceiling(dir: string, bytes: number, fsync: boolean): Promise<number> {
  const child = spawn(process.execPath, ['-e', SINK, join(dir, 'ceiling.bin'), fsync ? '1' : '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const port = await new Promise<number>((resolve) => child.stdout!.once('data', (d: Buffer) => resolve(Number(d.toString().trim()))));
    const chunk = Buffer.alloc(1 << 20, 7);
    const sock = connect(port, '127.0.0.1');
    await new Promise<void>((r) => sock.once('connect', r));
    const t0 = performance.now();
    const done = new Promise<void>((r) => sock.once('data', () => r()));
    const head = Buffer.alloc(8);
    head.writeBigInt64BE(BigInt(bytes));
    sock.write(head);
    for (let sent = 0; sent < bytes; sent += chunk.length) {
      const part = bytes - sent < chunk.length ? chunk.subarray(0, bytes - sent) : chunk;
      if (!sock.write(part)) await new Promise<void>((r) => sock.once('drain', r));
    }
    await done;
    const s = (performance.now() - t0) / 1000;
    sock.destroy();
    return bytes / 1e6 / s;
  } finally {
    child.kill();
  }
}

// ---------------------------------------------------------------- gale serve

async function startGale(dataDir: string, flush: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [galeBin, 'serve', '--data-dir', dataDir, '--kafka-port', '0', '--zk-port', '-1', '--http-port', '-1', '--flush', flush], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Kafka on [^:]+:(\d+)/.exec(out);
      if (m !== null) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`gale serve exited with ${code}`)));
  });
  child.stderr!.resume();
  return { child, port };
}

function time(cmd: string, args: readonly string[], stdinFile?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    // the input file is the child's stdin directly: no bytes pass through this process
    const fd = stdinFile === undefined ? undefined : openSync(stdinFile, 'r');
    const t0 = performance.now();
    const child = spawn(cmd, args, { stdio: [fd ?? 'ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.once('exit', (code) => {
      if (fd !== undefined) closeSync(fd);
      if (code === 0) resolve((performance.now() - t0) / 1000);
      else reject(new Error(`${cmd} exited ${code}: ${err}`));
    });
  });
}

/** `count` lines of RECORD bytes each: kcat's input. */
function recordsFile(dir: string, count: number): string {
  const file = join(dir, 'records.txt');
  const line = Buffer.alloc(RECORD + 1, 0x61);
  line[RECORD] = 0x0a;
  const block = Buffer.concat(Array.from({ length: 1000 }, () => line));
  const fd = openSync(file, 'w');
  for (let i = 0; i < count; i += 1000) writeSync(fd, block, 0, Math.min(1000, count - i) * line.length);
  closeSync(fd);
  return file;
}

// ---------------------------------------------------------------- kafkajs

async function kafkajsProduce(port: number, topic: string, count: number, acks: 1 | -1): Promise<number> {
  const kafka = new Kafka({ clientId: 'bench', brokers: [`127.0.0.1:${port}`], logLevel: logLevel.NOTHING });
  const producer = kafka.producer({ allowAutoTopicCreation: true });
  await producer.connect();
  const value = Buffer.alloc(RECORD, 0x62);
  const batch = Array.from({ length: 1000 }, () => ({ value }));
  const t0 = performance.now();
  for (let sent = 0; sent < count; sent += batch.length) await producer.send({ topic, acks, messages: batch });
  const s = (performance.now() - t0) / 1000;
  await producer.disconnect();
  return (count * RECORD) / 1e6 / s;
}

async function kafkajsConsume(port: number, topic: string, count: number): Promise<number> {
  const kafka = new Kafka({ clientId: 'bench', brokers: [`127.0.0.1:${port}`], logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `bench-${topic}-${Date.now()}`, maxBytesPerPartition: 4 << 20, maxBytes: 16 << 20 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let got = 0;
  let t0 = 0;
  const elapsed = await new Promise<number>((resolve) => {
    void consumer.run({
      eachBatch: async ({ batch }) => {
        if (t0 === 0) t0 = performance.now(); // the group join is not part of the rate
        got += batch.messages.length;
        if (got >= count) resolve((performance.now() - t0) / 1000);
      },
    });
  });
  await consumer.disconnect();
  return (count * RECORD) / 1e6 / elapsed;
}

// ---------------------------------------------------------------- run

interface Row {
  readonly what: string;
  readonly rates: number[];
}

export async function run(args: string[]): Promise<void> {
  const o = parse(args);
  const dir = mkdtempSync(join(tmpdir(), 'gale-bench-kafka-'));
  const rows: Row[] = [];
  const measure = async (what: string, fn: (run: number) => Promise<number>): Promise<void> => {
    const rates: number[] = [];
    for (let i = 0; i < o.runs; i++) rates.push(await fn(i));
    rows.push({ what, rates });
    process.stderr.write(`  ${what}: ${rates.map((r) => r.toFixed(0)).join(', ')} MB/s\n`);
  };
  const measureAlternating = async (whats: readonly string[], fn: (which: number, run: number) => Promise<number>): Promise<void> => {
    const rates = whats.map(() => [] as number[]);
    for (let i = 0; i < o.runs; i++) for (let w = 0; w < whats.length; w++) rates[w]!.push(await fn(w, i));
    whats.forEach((what, w) => {
      rows.push({ what, rates: rates[w]! });
      process.stderr.write(`  ${what}: ${rates[w]!.map((r) => r.toFixed(0)).join(', ')} MB/s\n`);
    });
  };
  const count = Math.round((o.mb * 1e6) / RECORD);
  const kjsCount = Math.round((o.kafkajsMb * 1e6) / RECORD / 1000) * 1000;
  let gale: { child: ChildProcess; port: number } | undefined;
  try {
    const bytes = o.mb * 1e6;
    const input = recordsFile(dir, count);
    gale = await startGale(join(dir, 'data'), o.flush);
    const port = gale.port;
    const bootstrap = `127.0.0.1:${port}`;
    // the ceiling runs and the kcat acks=1 / acks=-1 runs alternate round by round, so a burst of
    // load from elsewhere hits all of them alike (the idle broker costs the ceiling nothing)
    await measureAlternating(
      ['ceiling: loopback socket → file append', '  same, blocking fdatasync every MiB', 'kcat produce acks=1', 'kcat produce acks=-1'],
      async (which, i) => {
        if (which < 2) {
          const rate = await ceiling(dir, bytes, which === 1);
          rmSync(join(dir, 'ceiling.bin'), { force: true });
          return rate;
        }
        const acks = which === 2 ? '1' : 'all';
        const s = await time('kcat', ['-b', bootstrap, '-P', '-t', `kcat-${acks}-${i}`, '-X', `acks=${acks}`], input);
        return (count * RECORD) / 1e6 / s;
      },
    );
    if (!o.kcatProduceOnly) {
      await measure('kcat consume', async (i) => {
        // -c: stop after the last record. (-e would add one empty long poll of fetch.wait.max.ms at the end,
        // which any broker holds for the full wait: latency of end-of-topic detection, not throughput.)
        const s = await time('kcat', ['-b', bootstrap, '-C', '-t', `kcat-1-${i}`, '-o', 'beginning', '-c', String(count), '-q']);
        return (count * RECORD) / 1e6 / s;
      });
      await measureAlternating(['kafkajs produce acks=1', 'kafkajs produce acks=-1'], (which, i) => {
        const acks = which === 0 ? 1 : -1;
        return kafkajsProduce(port, `kjs-${acks}-${i}`, kjsCount, acks);
      });
      await measure('kafkajs consume', (i) => kafkajsConsume(port, `kjs-1-${i}`, kjsCount));
    }
  } finally {
    gale?.child.kill('SIGTERM');
    if (gale !== undefined) await new Promise((r) => gale!.child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
  report(o, rows);
}

function report(o: Options, rows: readonly Row[]): void {
  const ceil = median(rows[0]!.rates);
  process.stdout.write(`\n1 KiB records; kcat ${o.mb} MB per run, kafkajs ${o.kafkajsMb} MB per run; median of ${o.runs} runs\n`);
  printTable(
    ['what', 'MB/s (median)', 'min', 'max', '% of ceiling'],
    rows.map((r) => [r.what, median(r.rates), Math.min(...r.rates), Math.max(...r.rates), `${((median(r.rates) / ceil) * 100).toFixed(0)}%`]),
  );
  const kcatRows = rows.filter((r) => r.what.startsWith('kcat produce'));
  const kcatProduce = kcatRows.map((r) => median(r.rates));
  // per-round ratios: each kcat run against the ceiling run of the same round
  const paired = kcatRows.map((r) => median(r.rates.map((v, i) => v / rows[0]!.rates[i]!)) * 100);
  process.stdout.write(`kcat produce / ceiling of the same round (median of rounds): ${kcatRows.map((r, i) => `${r.what} ${paired[i]!.toFixed(0)}%`).join(', ')}\n`);
  const consumeRow = rows.find((r) => r.what === 'kcat consume');
  process.stdout.write(
    `\ntargets: kcat produce >= 100 MB/s and >= 50% of ceiling: ${kcatProduce.map((v) => `${v.toFixed(0)} MB/s (${((v / ceil) * 100).toFixed(0)}%)`).join(', ')}` +
      (consumeRow === undefined ? '\n' : `; kcat consume >= 200 MB/s: ${median(consumeRow.rates).toFixed(0)} MB/s\n`),
  );
}
