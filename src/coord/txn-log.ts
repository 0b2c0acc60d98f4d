/**
 * The write-ahead txn log, with group-committed fsync.
 *
 * Files: `<dir>/log.<first zxid, 16 hex digits>`, a new one started after
 * each snapshot. Layout of a file:
 *
 *   header  magic "GZTL" (4) | format version INT32 = 1 | reserved INT64 = 0   (16 bytes)
 *   record  length INT32 (payload bytes, > 0) | crc32c UINT32 (of the payload) | payload (txn-codec.ts)
 *   record  ...
 *   zeros   preallocated space: a length of 0 ends the records
 *
 * Nothing else is stored; there is no index. Space is preallocated with
 * real zeros in PREALLOC_BYTES steps (as ZooKeeper pads its logs), so a
 * sync rarely has to change the file's size or allocate blocks: on a
 * journaling file system that halves the cost of each sync.
 *
 * A crash can leave a torn tail (a partial record or a checksum mismatch) in
 * the newest file only: recovery truncates that file at its first bad record
 * (nothing after it was acknowledged, since acknowledgements follow the
 * sync in order). A bad record in an older file is corruption and stops the
 * start (CoordError GALE_ERR_COORD_CORRUPT_LOG).
 *
 * Group commit: `append` encodes into the open batch; the batch is written
 * with one write as soon as the previous one finished, so any number of
 * concurrent writers share one sync. The file is opened O_DSYNC, so that
 * write returns only once the bytes are durable (an fdatasync folded into
 * the write: one trip to the thread pool per batch instead of two).
 * Callbacks run in append order, only after the bytes are durable.
 */
import { crc32c } from '@node-rs/crc32';
import {
  closeSync,
  constants,
  fstatSync,
  fsyncSync,
  openSync,
  readdirSync,
  readFileSync,
  truncateSync,
  unlinkSync,
  write,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { ByteWriter } from '../wire/byte-writer.js';
import { CoordError } from './errors.js';
import { decodeTxn, encodeTxn } from './txn-codec.js';
import type { Txn } from './txn.js';

const MAGIC = 0x475a544c; // "GZTL"
const HEADER_BYTES = 16;
const PREALLOC_BYTES = 8 * 1024 * 1024;
/**
 * Batches are encoded into two buffers used in turn (one filling while the
 * other is written), not a fresh one per batch: a fresh 64 KiB buffer per
 * write (one per write at one outstanding request) is external memory V8
 * answers with a scavenge every few hundred writes, a pause in the write
 * path's tail. A buffer grown past REUSE_LIMIT by one big batch is dropped.
 */
const BATCH_BYTES = 64 * 1024;
const REUSE_LIMIT = 1024 * 1024;
/** written repeatedly to preallocate (never modified) */
const ZEROS = Buffer.alloc(1024 * 1024);

export function logFileName(firstZxid: bigint): string {
  return `log.${firstZxid.toString(16).padStart(16, '0')}`;
}

/** Log files in zxid order, with the first zxid each was named after. */
export function listLogFiles(dir: string): { name: string; firstZxid: bigint }[] {
  return readdirSync(dir)
    .filter((f) => /^log\.[0-9a-f]{16}$/.test(f))
    .map((name) => ({ name, firstZxid: BigInt(`0x${name.slice(4)}`) }))
    .sort((a, b) => (a.firstZxid < b.firstZxid ? -1 : a.firstZxid > b.firstZxid ? 1 : 0));
}

export function syncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function corrupt(msg: string): CoordError {
  return new CoordError('GALE_ERR_COORD_CORRUPT_LOG', msg);
}

function header(): Buffer {
  const h = Buffer.alloc(HEADER_BYTES);
  h.writeUInt32BE(MAGIC, 0);
  h.writeInt32BE(1, 4);
  return h;
}

/** Where appends to the newest file continue. */
export interface LogTail {
  readonly name: string;
  /** offset just after its last good record */
  readonly end: number;
}

/**
 * Reads every txn of every log file in order (`onTxn` sees each once),
 * truncates a torn tail of the newest file, and says where appends go on.
 */
export function readLogs(dir: string, onTxn: (txn: Txn) => void): { truncatedBytes: number; tail: LogTail | undefined } {
  const files = listLogFiles(dir);
  let truncatedBytes = 0;
  let tail: LogTail | undefined;
  files.forEach((f, i) => {
    const path = join(dir, f.name);
    const buf = readFileSync(path);
    const last = i === files.length - 1;
    if (buf.length < HEADER_BYTES || buf.readUInt32BE(0) !== MAGIC) {
      if (last && buf.length < HEADER_BYTES) {
        // crashed while creating the file: nothing in it was ever acknowledged
        truncateSync(path, 0);
        const fd = openSync(path, 'r+');
        writeSync(fd, header(), 0, HEADER_BYTES, 0);
        fsyncSync(fd);
        closeSync(fd);
        truncatedBytes += buf.length;
        tail = { name: f.name, end: HEADER_BYTES };
        return;
      }
      throw corrupt(`${f.name}: not a Gale txn log (bad header)`);
    }
    let at = HEADER_BYTES;
    while (at < buf.length) {
      if (at + 4 <= buf.length && buf.readInt32BE(at) === 0) break; // preallocated zeros: no more records
      const good = at;
      let txn: Txn | undefined;
      if (at + 8 <= buf.length) {
        const len = buf.readInt32BE(at);
        if (len > 0 && at + 8 + len <= buf.length) {
          const payload = buf.subarray(at + 8, at + 8 + len);
          if ((crc32c(payload) >>> 0) === buf.readUInt32BE(at + 4)) {
            try {
              txn = decodeTxn(payload);
            } catch {
              txn = undefined;
            }
            at += 8 + len;
          }
        }
      }
      if (txn === undefined) {
        if (!last) throw corrupt(`${f.name}: bad record at byte ${good}`);
        truncatedBytes += buf.length - good;
        truncateSync(path, good);
        at = good;
        break;
      }
      onTxn(txn);
    }
    if (last) tail = { name: f.name, end: at };
  });
  return { truncatedBytes, tail };
}

type Durable = (err: Error | undefined) => void;

export class TxnLog {
  private fd: number | undefined;
  /** where the next batch is written */
  private position = 0;
  /** file size: zeros from `position` up to here */
  private allocatedEnd = 0;
  private batch = new ByteWriter(BATCH_BYTES);
  /** the other batch buffer: the one being written, reused once that write is done */
  private spare = new ByteWriter(BATCH_BYTES);
  private batchCallbacks: Durable[] = [];
  private batchFirstZxid: bigint | undefined;
  private flushing = false;
  private rollRequested = false;
  private failed: Error | undefined;
  private closed = false;
  private idleWaiters: (() => void)[] = [];
  bytesWritten = 0;
  /** batches made durable (each one sync) */
  fsyncs = 0;

  /** `tail` is the newest existing log file to continue, if any (from readLogs). */
  constructor(
    private readonly dir: string,
    tail: LogTail | undefined,
    private readonly fsync: boolean,
  ) {
    if (tail !== undefined) {
      this.fd = openSync(join(dir, tail.name), this.openFlags());
      this.position = tail.end;
      this.allocatedEnd = Math.max(tail.end, fstatSync(this.fd).size);
    }
  }

  private openFlags(): number {
    return constants.O_WRONLY | constants.O_CREAT | (this.fsync ? constants.O_DSYNC : 0);
  }

  /** Starts a new file with the next batch (after a snapshot, so old files can go). */
  roll(): void {
    this.rollRequested = true;
  }

  append(txn: Txn, onDurable: Durable): void {
    if (this.failed !== undefined || this.closed) {
      onDurable(this.failed ?? new CoordError('GALE_ERR_COORD_CLOSED', 'the txn log is closed'));
      return;
    }
    const w = this.batch;
    const lenAt = w.reserveInt32();
    const crcAt = w.reserveInt32();
    const start = w.length;
    encodeTxn(txn, w);
    const end = w.length;
    const view = w.finish();
    w.patchInt32(lenAt, end - start);
    w.patchInt32(crcAt, crc32c(view.subarray(start, end)) | 0);
    this.batchCallbacks.push(onDurable);
    this.batchFirstZxid ??= txn.hdr.zxid;
    if (!this.flushing) {
      this.flushing = true;
      // after the current input is processed: everything it carried joins this batch
      queueMicrotask(() => this.flush());
    }
  }

  private openNewFile(firstZxid: bigint): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = openSync(join(this.dir, logFileName(firstZxid)), this.openFlags() | constants.O_TRUNC);
    writeSync(this.fd, header(), 0, HEADER_BYTES, 0);
    this.position = HEADER_BYTES;
    this.allocatedEnd = HEADER_BYTES;
    if (this.fsync) syncDir(this.dir);
    this.rollRequested = false;
  }

  /** Makes sure zeros reach past `end` (only when syncing: that is what it speeds up). */
  private preallocate(fd: number, end: number, then: (err: Error | null) => void): void {
    if (!this.fsync || end <= this.allocatedEnd) {
      then(null);
      return;
    }
    const target = this.allocatedEnd + Math.max(PREALLOC_BYTES, end - this.allocatedEnd);
    const step = (): void => {
      if (this.allocatedEnd >= target) return then(null);
      const n = Math.min(ZEROS.length, target - this.allocatedEnd);
      write(fd, ZEROS, 0, n, this.allocatedEnd, (err, written) => {
        if (err) return then(err);
        this.allocatedEnd += written;
        step();
      });
    };
    step();
  }

  private flush(): void {
    const callbacks = this.batchCallbacks;
    if (callbacks.length === 0) {
      this.flushing = false;
      for (const w of this.idleWaiters.splice(0)) w();
      return;
    }
    const bytes = this.batch.finish();
    const firstZxid = this.batchFirstZxid!;
    // the spare's previous write finished before this flush started (flushes run one at a time)
    const next = this.spare;
    this.spare = bytes.length > REUSE_LIMIT ? new ByteWriter(BATCH_BYTES) : this.batch;
    next.length = 0;
    this.batch = next;
    this.batchCallbacks = [];
    this.batchFirstZxid = undefined;
    const done = (err: Error | null | undefined): void => {
      if (err) this.failed = err;
      for (const cb of callbacks) cb(this.failed);
      this.flush();
    };
    try {
      if (this.fd === undefined || this.rollRequested) this.openNewFile(firstZxid);
    } catch (err) {
      done(err as Error);
      return;
    }
    const fd = this.fd!;
    const at = this.position;
    const writeAll = (off: number): void => {
      write(fd, bytes, off, bytes.length - off, at + off, (err, n) => {
        if (err) return done(err);
        this.bytesWritten += n;
        if (off + n < bytes.length) return writeAll(off + n);
        this.position = at + bytes.length;
        if (this.fsync) this.fsyncs++;
        done(undefined);
      });
    };
    this.preallocate(fd, at + bytes.length + 8, (err) => (err ? done(err) : writeAll(0)));
  }

  /** Resolves once every appended txn is durable (or failed). */
  idle(): Promise<void> {
    if (!this.flushing) return Promise.resolve();
    return new Promise((res) => this.idleWaiters.push(res));
  }

  async close(): Promise<void> {
    await this.idle();
    this.closed = true;
    if (this.fd !== undefined) {
      closeSync(this.fd);
      this.fd = undefined;
    }
  }

  /** Deletes log files wholly at or below `zxid` (covered by a durable snapshot). */
  purgeThrough(zxid: bigint): void {
    const files = listLogFiles(this.dir);
    for (let i = 0; i + 1 < files.length; i++) {
      if (files[i + 1]!.firstZxid - 1n <= zxid) unlinkSync(join(this.dir, files[i]!.name));
    }
  }
}
