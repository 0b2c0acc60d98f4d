/**
 * `npm run bench -- log`: append and read throughput of the embedded log for
 * 1 KiB records in 16 KiB and 1 MiB batches, with flush=always (fdatasync per
 * append) and flush=os, next to the raw ceiling measured in the same run:
 * plain Node `fs` positional writes (+ fdatasync per write for `always`) and
 * reads of the same sizes, each read into a fresh buffer. One appender awaits each append, like the raw loop
 * awaits each write, so the ratio is the log's own overhead (validation,
 * CRC-32C, offset assignment, indexing, group-commit bookkeeping).
 * A group-commit row shows 8 concurrent appenders sharing fsyncs, a CRC
 * table compares the native CRC-32C with a pure-JS table, and a codec table
 * gives record encode/decode rates per compression codec.
 *
 * Bounded: at most 128 MiB per case and run, temp dirs removed after each run.
 * Options: --runs=N (default 5), --quick (fewer bytes, 3 runs), --only=1m
 * (just the 1 MiB append/read cases, the ones with a target; for A/B runs,
 * e.g. alternating with GALE_CRC32C=node-rs to compare CRC implementations).
 */
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedLog } from '../src/log/embedded-log.js';
import { compressionCodecs, decodeRecordBatchesAsync, encodeRecordBatchAsync, encodeRecordBatch, readBatchHeader } from '../src/log/record-batch/index.js';
import { crc32c, crc32cImplementation, crc32cPortable } from '../src/log/record-batch/crc32c.js';
import { median, printTable, repeat } from './stats.js';

type Flush = 'always' | 'os';
interface Case {
  readonly label: string;
  readonly batchBytes: number;
  readonly flush: Flush;
  readonly totalBytes: number;
}

const MiB = 1 << 20;
const quiet = { info() {}, warn(m: string) { process.stderr.write(`${m}\n`); } };

function recordBatch(targetBytes: number): Buffer {
  const value = Buffer.alloc(1024, 'v');
  const records = Array.from({ length: Math.max(1, Math.floor(targetBytes / 1024)) }, (_, i) => ({ key: `key-${i}`, value }));
  return encodeRecordBatch({ records });
}

async function withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'gale-bench-log-'));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Raw ceiling: positional writes of `batch` (+ fdatasync each for `always`), then reads of the same size. */
async function rawRun(c: Case, batch: Buffer): Promise<{ write: number; read: number }> {
  return withTempDir(async (dir) => {
    const n = Math.ceil(c.totalBytes / batch.length);
    const fh = await open(join(dir, 'raw.log'), 'w+');
    try {
      let pos = 0;
      const t0 = performance.now();
      for (let i = 0; i < n; i++) {
        await fh.write(batch, 0, batch.length, pos);
        if (c.flush === 'always') await fh.datasync();
        pos += batch.length;
      }
      const writeMs = performance.now() - t0;
      // a fresh buffer per read, as any reader that hands the bytes on must (the log returns them to its caller)
      const t1 = performance.now();
      for (let at = 0; at < pos; at += batch.length) await fh.read(Buffer.allocUnsafe(batch.length), 0, batch.length, at);
      const readMs = performance.now() - t1;
      return { write: mbps(pos, writeMs), read: mbps(pos, readMs) };
    } finally {
      await fh.close();
    }
  });
}

/** The log: one appender awaiting each append (`concurrency` appenders for the group-commit row), then sequential reads. */
async function logRun(c: Case, batch: Buffer, concurrency = 1): Promise<{ write: number; read: number; fsyncs: number }> {
  return withTempDir(async (dir) => {
    const log = await EmbeddedLog.open({ dataDir: dir, flush: c.flush, logger: quiet, retentionCheckIntervalMs: 0, compactionIntervalMs: 0 });
    try {
      const tp = { topic: 'bench', partition: 0 };
      await log.createTopic('bench', { partitions: 1, configs: { 'max.message.bytes': String(4 * MiB) } });
      const n = Math.ceil(c.totalBytes / batch.length);
      const copies = Array.from({ length: concurrency }, () => Buffer.from(batch)); // append rewrites offsets in place
      let next = 0;
      const t0 = performance.now();
      await Promise.all(
        copies.map(async (b) => {
          while (next < n) {
            next++;
            await log.append(tp, b);
          }
        }),
      );
      const writeMs = performance.now() - t0;
      const bytes = n * batch.length;
      const t1 = performance.now();
      let at = 0n;
      let read = 0;
      const { highWatermark } = await log.offsets(tp);
      while (at < highWatermark) {
        const r = await log.read(tp, at, batch.length);
        if (r.records.length === 0) throw new Error(`empty read at ${at}`);
        read += r.records.length;
        const last = readBatchHeader(r.records, r.records.length - batch.length); // every batch has the same size
        at = last.baseOffset + BigInt(last.lastOffsetDelta) + 1n;
      }
      const readMs = performance.now() - t1;
      if (read !== bytes) throw new Error(`bench read ${read} bytes, wrote ${bytes}`);
      const fsyncs = (await log.partitionState(tp)).fsyncs;
      return { write: mbps(bytes, writeMs), read: mbps(bytes, readMs), fsyncs };
    } finally {
      await log.close();
    }
  });
}

function mbps(bytes: number, ms: number): number {
  return bytes / 1e6 / (ms / 1000);
}

function crcTable(): Uint32Array {
  const t = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
    t[i] = c >>> 0;
  }
  return t;
}

function jsCrc32c(table: Uint32Array, buf: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = table[(c ^ buf[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

async function crcBench(runs: number): Promise<void> {
  const buf = Buffer.alloc(16 * MiB, 7);
  const table = crcTable();
  if (jsCrc32c(table, Buffer.from('123456789')) !== 0xe3069283 || crc32c(Buffer.from('123456789')) !== 0xe3069283) throw new Error('crc check value');
  const time = (fn: () => number): number => {
    const t0 = performance.now();
    fn();
    return mbps(buf.length, performance.now() - t0);
  };
  const native = median(await repeat(runs, async () => time(() => crc32c(buf))));
  const portable = median(await repeat(runs, async () => time(() => crc32cPortable(buf))));
  const js = median(await repeat(Math.min(runs, 3), async () => time(() => jsCrc32c(table, buf))));
  process.stdout.write('\nCRC-32C over 16 MiB (MB/s)\n');
  const rows: (string | number)[][] = [[`${crc32cImplementation} (used)`, native, `${(native / js).toFixed(1)}×`]];
  if (crc32cImplementation !== '@node-rs/crc32') rows.push(['@node-rs/crc32 (fallback)', portable, `${(portable / js).toFixed(1)}×`]);
  rows.push(['pure JS, 1 table', js, '1.0×']);
  printTable(['implementation', 'MB/s', 'vs JS table'], rows);
}

interface Pair<R, L> {
  readonly raw: R;
  readonly log: L;
}

/**
 * Raw and log runs alternate (after one warm-up of each), so both see the
 * same machine: on a shared VM the disk speed drifts between runs. The ratio
 * reported is the median of the per-pair ratios.
 */
async function pairedRuns<R, L>(runs: number, raw: () => Promise<R>, log: () => Promise<L>): Promise<Pair<R, L>[]> {
  await raw();
  await log();
  const out: Pair<R, L>[] = [];
  for (let i = 0; i < runs; i++) out.push({ raw: await raw(), log: await log() });
  return out;
}

function row<R, L>(label: string, pairs: readonly Pair<R, L>[], metric: (r: R | L) => number): (string | number)[] {
  const ratio = median(pairs.map((p) => metric(p.raw) / metric(p.log)));
  return [label, median(pairs.map((p) => metric(p.raw))), median(pairs.map((p) => metric(p.log))), `${ratio.toFixed(2)}×`];
}

/** Encode and decode rates of 100-byte JSON-ish records, 1000 per batch, per codec (what the engine pays per row). */
async function codecBench(runs: number): Promise<void> {
  const records = Array.from({ length: 1000 }, (_, i) => ({ key: `user-${i % 97}`, value: `{"id":${i},"price":${(i * 7) % 1000},"item":"item-${i % 31}","pad":"${'x'.repeat(40)}"}` }));
  const rows: (string | number)[][] = [];
  for (const codec of compressionCodecs) {
    const n = 200;
    const enc = await repeat(runs, async () => {
      const t0 = performance.now();
      for (let i = 0; i < n; i++) await encodeRecordBatchAsync({ records, compression: codec });
      return (n * records.length) / ((performance.now() - t0) / 1000);
    });
    const batch = await encodeRecordBatchAsync({ records, compression: codec });
    const dec = await repeat(runs, async () => {
      const t0 = performance.now();
      for (let i = 0; i < n; i++) await decodeRecordBatchesAsync(batch);
      return (n * records.length) / ((performance.now() - t0) / 1000);
    });
    rows.push([codec, median(enc) / 1e6, median(dec) / 1e6, batch.length]);
  }
  process.stdout.write('\nrecord batch codec, 1000 records of ~100 B per batch (M records/s)\n');
  printTable(['codec', 'encode', 'decode', 'batch bytes'], rows);
}

export async function run(args: string[]): Promise<void> {
  const quick = args.includes('--quick');
  const runsArg = args.find((a) => a.startsWith('--runs='));
  const runs = runsArg !== undefined ? Math.max(1, Number(runsArg.slice(7))) : quick ? 3 : 5;
  const scale = quick ? 0.25 : 1;
  const cases: Case[] = [
    { label: '16 KiB batches, flush=always', batchBytes: 16 * 1024, flush: 'always', totalBytes: 16 * MiB * scale },
    { label: '16 KiB batches, flush=os', batchBytes: 16 * 1024, flush: 'os', totalBytes: 64 * MiB * scale },
    { label: '1 MiB batches, flush=always', batchBytes: MiB, flush: 'always', totalBytes: 128 * MiB * scale },
    { label: '1 MiB batches, flush=os', batchBytes: MiB, flush: 'os', totalBytes: 128 * MiB * scale },
  ];
  const only1m = args.includes('--only=1m');
  process.stdout.write(`CRC-32C: ${crc32cImplementation}\n`);
  process.stdout.write(`1 KiB records; medians of ${runs} alternating raw/log runs (after one warm-up each); raw = Node fs writes/reads of the same sizes and fsync policy\n\n`);
  const rows: (string | number)[][] = [];
  for (const c of only1m ? cases.filter((x) => x.batchBytes === MiB) : cases) {
    const batch = recordBatch(c.batchBytes);
    const pairs = await pairedRuns(runs, () => rawRun(c, batch), () => logRun(c, batch));
    rows.push(row(`append ${c.label}`, pairs, (r) => r.write));
    rows.push(row(`read   ${c.label}`, pairs, (r) => r.read));
  }
  if (only1m) {
    printTable(['case', 'raw MB/s', 'log MB/s', 'raw/log'], rows);
    process.stdout.write('target: raw/log <= 1.5× for 1 MiB batches\n');
    return;
  }
  const gc: Case = { label: '16 KiB batches, flush=always, 8 appenders (group commit)', batchBytes: 16 * 1024, flush: 'always', totalBytes: 32 * MiB * scale };
  const gcBatch = recordBatch(gc.batchBytes);
  const gcPairs = await pairedRuns(runs, () => rawRun(gc, gcBatch), () => logRun(gc, gcBatch, 8));
  rows.push(row(`append ${gc.label}`, gcPairs, (r) => r.write));
  printTable(['case', 'raw MB/s', 'log MB/s', 'raw/log'], rows);
  const appends = Math.ceil(gc.totalBytes / gcBatch.length);
  process.stdout.write(`group commit: ${appends} appends shared ${median(gcPairs.map((p) => p.log.fsyncs))} fdatasyncs (median)\n`);
  process.stdout.write('target: raw/log <= 1.5× for 1 MiB batches\n');
  await crcBench(runs);
  await codecBench(runs);
}
