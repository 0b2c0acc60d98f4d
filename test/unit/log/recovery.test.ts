import { spawn } from 'node:child_process';
import { open, readdir, rm, stat, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeRecordBatch, splitBatches } from '../../../src/log/record-batch/index.js';
import type { EmbeddedLog } from '../../../src/log/embedded-log.js';
import { readAll, tempLog } from './log-fixtures.js';
import type { TempLog } from './log-fixtures.js';

let t: TempLog;
let log: EmbeddedLog;
const tp = { topic: 'r', partition: 0 };

beforeEach(async () => {
  t = await tempLog();
  log = await t.open();
});
afterEach(async () => {
  await t.cleanup();
});

/** Ten batches of three records; returns the byte position where each batch starts in the single segment. */
async function fillAndCrash(): Promise<{ file: string; starts: number[]; size: number }> {
  await log.createTopic('r', { partitions: 1 });
  const bytes: Buffer[] = [];
  for (let i = 0; i < 10; i++) {
    const b = encodeRecordBatch({ records: [0, 1, 2].map((j) => ({ key: `k${j}`, value: `batch${i}-rec${j}` })) });
    bytes.push(Buffer.from(b));
    await log.append(tp, b);
  }
  await log.close();
  // simulate a crash: no clean-shutdown marker
  await rm(join(t.dir, 'log', '.clean-shutdown'));
  const file = join(t.dir, 'log', 'r-0', '00000000000000000000.log');
  const all = await (await import('node:fs/promises')).readFile(file);
  const starts = splitBatches(all).map((s) => s.at);
  return { file, starts, size: all.length };
}

async function flipByte(file: string, position: number): Promise<void> {
  const fh = await open(file, 'r+');
  try {
    const b = Buffer.alloc(1);
    await fh.read(b, 0, 1, position);
    b[0] = b[0]! ^ 0x40;
    await fh.write(b, 0, 1, position);
  } finally {
    await fh.close();
  }
}

describe('recovery on open', () => {
  it('truncates a torn tail to the last whole batch and says how many bytes it dropped', async () => {
    const { file, starts, size } = await fillAndCrash();
    await truncate(file, size - 7); // the last batch loses its last 7 bytes
    log = await t.open();
    expect(await log.offsets(tp)).toEqual({ logStart: 0n, highWatermark: 27n });
    const dropped = size - 7 - starts[9]!;
    expect(t.logger.lines.some((l) => l.includes('truncated batch') && l.includes(`truncated ${dropped} bytes`))).toBe(true);
    expect((await stat(file)).size).toBe(starts[9]);
    // appends continue right after the surviving data
    expect((await log.append(tp, encodeRecordBatch({ records: [{ value: 'next' }] }))).baseOffset).toBe(27n);
    expect((await readAll(log, tp)).map((r) => r.value).slice(-2)).toEqual(['batch8-rec2', 'next']);
  });

  it('drops only the batch with a corrupted byte and what follows it', async () => {
    const { file, starts, size } = await fillAndCrash();
    await flipByte(file, starts[9]! + 70); // inside the last batch's records
    log = await t.open();
    expect((await log.offsets(tp)).highWatermark).toBe(27n);
    expect(t.logger.lines.some((l) => l.includes('CRC-32C mismatch') && l.includes(`truncated ${size - starts[9]!} bytes`))).toBe(true);
    expect((await readAll(log, tp)).length).toBe(27);
    await log.close();

    await rm(join(t.dir, 'log', '.clean-shutdown'));
    await flipByte(file, starts[6]! + 30); // an earlier batch: it and everything after go
    log = await t.open();
    expect((await log.offsets(tp)).highWatermark).toBe(18n);
    expect((await readAll(log, tp)).map((r) => r.value).at(-1)).toBe('batch5-rec2');
  });

  it('after a clean close trusts the indexes and validates nothing', async () => {
    await log.createTopic('r', { partitions: 1 });
    await log.append(tp, encodeRecordBatch({ records: [{ value: 'x' }] }));
    await log.close();
    log = await t.open();
    expect(t.logger.lines.filter((l) => l.startsWith('warn'))).toEqual([]);
    expect((await log.offsets(tp)).highWatermark).toBe(1n);
  });
});

describe('group commit and durability', () => {
  it('lets concurrent appenders share fsyncs', async () => {
    await log.createTopic('r', { partitions: 1 });
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => log.append(tp, encodeRecordBatch({ records: [{ value: `v${i}` }] }))));
    expect(results.map((r) => r.baseOffset)).toEqual(Array.from({ length: 200 }, (_, i) => BigInt(i)));
    const s = await log.partitionState(tp);
    expect(s.appends).toBe(200);
    expect(s.fsyncs).toBe(s.appendCycles);
    expect(s.fsyncs).toBeLessThan(20);
  });

  it('keeps every acknowledged append after the writer is SIGKILLed mid-write', async () => {
    await log.close();
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./crash-child.ts', import.meta.url)), t.dir, 'always'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked = new Map<bigint, string>();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    try {
      await new Promise<void>((resolve, reject) => {
        let buf = '';
        child.stdout.on('data', (d: Buffer) => {
          buf += d.toString();
          let nl: number;
          while ((nl = buf.indexOf('\n')) >= 0) {
            const line = buf.slice(0, nl);
            buf = buf.slice(nl + 1);
            const m = /^ack (\d+) (\S+)$/.exec(line);
            if (m !== null) acked.set(BigInt(m[1]!), m[2]!);
            if (acked.size >= 400) {
              child.kill('SIGKILL'); // mid-write: eight writers are always in flight
              resolve();
            }
          }
        });
        child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`child exited ${code}: ${stderr}`))));
      });
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(undefined) : child.once('exit', r)));
    }
    expect(acked.size).toBeGreaterThanOrEqual(400);
    log = await t.open();
    const records = await readAll(log, { topic: 'crash', partition: 0 });
    const byOffset = new Map(records.map((r) => [r.offset, r.value]));
    for (const [offset, id] of acked) expect(byOffset.get(offset)?.startsWith(`${id}-`), `acked offset ${offset}`).toBe(true);
    // the recovered log is dense from 0: nothing after a hole
    expect(records.map((r) => r.offset)).toEqual(records.map((_, i) => BigInt(i)));
    const files = await readdir(join(t.dir, 'log', 'crash-0'));
    expect(files.filter((f) => f.endsWith('.log')).length).toBeGreaterThan(1); // it rolled while writing
  });
});
