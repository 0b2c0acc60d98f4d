/**
 * The coordinator store: the durable znode tree and sessions behind both the
 * ZooKeeper wire server and the in-process EmbeddedCoordinator.
 *
 * A write goes request -> prepare (validated Txn with the next zxid, against
 * the tree plus pending changes) -> txn log (group-committed fsync) ->
 * apply (in zxid order) -> watch events -> the caller's callback, all inside
 * the log's durable callback so nothing is answered before it is on disk and
 * every watcher is told before any response that reflects the change.
 *
 * State lives in `<dir>`: log.* and snapshot.* (see txn-log.ts, snapshot.ts).
 * Start = newest good snapshot + every later txn; then each session that
 * survived gets its full timeout to come back, as in ZooKeeper.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { apply, type CoordState, type NodeEvent } from './apply.js';
import { CoordError } from './errors.js';
import { PendingChanges } from './pending.js';
import { Preparer } from './prepare.js';
import type { OpResult, WriteRequest, WriterContext } from './requests.js';
import { ContainerReaper } from './container-reaper.js';
import { initialSessionId, SessionTracker } from './sessions.js';
import { loadNewestSnapshot, purgeSnapshots, serializeSnapshot, writeSnapshot } from './snapshot.js';
import { DataTree } from './tree.js';
import { readLogs, TxnLog, type LogTail } from './txn-log.js';
import type { Txn } from './txn.js';
import { fireNodeEvent, WatchManager } from './watches.js';

export interface StoreOptions {
  /** directory for log.* and snapshot.* (`<data-dir>/coord`) */
  readonly dir: string;
  /** ZooKeeper tickTime (ms): session expiry granularity; default 2000 */
  readonly tickTimeMs?: number;
  /** default 2 × tick */
  readonly minSessionTimeoutMs?: number;
  /** default 20 × tick */
  readonly maxSessionTimeoutMs?: number;
  /** txns between snapshots (ZooKeeper snapCount); default 100000 */
  readonly snapshotEvery?: number;
  /** jute.maxbuffer: largest node data and request; default 0xfffff */
  readonly maxBufferBytes?: number;
  /** fsync the log before acknowledging (default true; off only for throwaway tests) */
  readonly fsync?: boolean;
  /** how often containers and TTL nodes are checked for reaping (ms); default 60000 */
  readonly containerCheckMs?: number;
  readonly logger?: { info(msg: string): void; warn(msg: string): void };
}

export type WriteDone = (result: OpResult, zxid: bigint) => void;

export class CoordStore {
  readonly watches = new WatchManager();
  readonly sessions: SessionTracker;
  readonly tickTimeMs: number;
  readonly minSessionTimeoutMs: number;
  readonly maxSessionTimeoutMs: number;
  readonly maxBufferBytes: number;
  readonly snapshotEvery: number;
  private readonly pending: PendingChanges;
  private readonly preparer: Preparer;
  private readonly log: TxnLog;
  private readonly reaper: ContainerReaper;
  private lastPrepared: bigint;
  private nextSession: bigint;
  private sinceSnapshot = 0;
  private snapshotting: Promise<void> | undefined;
  private readonly afterApplied: { zxid: bigint; run: () => void }[] = [];
  private readonly closedListeners = new Set<(sessionId: bigint) => void>();
  private closed = false;
  /** set when the disk failed: the store refuses every further write */
  failure: Error | undefined;
  /** how the last start went (for logs and `conf`-style output) */
  readonly recovery: { snapshotZxid: bigint; replayed: number; truncatedBytes: number };

  private constructor(
    readonly dir: string,
    readonly state: CoordState,
    private readonly opts: StoreOptions,
    recovery: { snapshotZxid: bigint; replayed: number; truncatedBytes: number },
    logTail: LogTail | undefined,
  ) {
    this.recovery = recovery;
    this.tickTimeMs = opts.tickTimeMs ?? 2000;
    this.minSessionTimeoutMs = opts.minSessionTimeoutMs ?? 2 * this.tickTimeMs;
    this.maxSessionTimeoutMs = opts.maxSessionTimeoutMs ?? 20 * this.tickTimeMs;
    this.maxBufferBytes = opts.maxBufferBytes ?? 0xfffff;
    this.snapshotEvery = opts.snapshotEvery ?? 100_000;
    this.pending = new PendingChanges(state.tree);
    this.sessions = new SessionTracker(this.tickTimeMs, (id) => this.expire(id));
    this.preparer = new Preparer(state.tree, this.pending, {
      maxDataBytes: this.maxBufferBytes,
      sessionLive: (id) => this.sessions.isLive(id),
    });
    this.lastPrepared = state.lastZxid;
    this.log = new TxnLog(dir, logTail, opts.fsync ?? true);
    let maxSession = 0n;
    for (const [id, s] of state.sessions) {
      this.sessions.add(id, s.timeoutMs, s.passwd);
      if (id > maxSession) maxSession = id;
    }
    const base = initialSessionId(Date.now());
    this.nextSession = base > maxSession ? base : maxSession + 1n;
    this.reaper = new ContainerReaper(this, opts.containerCheckMs ?? 60_000);
    this.sessions.start();
    this.reaper.start();
  }

  static open(opts: StoreOptions): CoordStore {
    mkdirSync(opts.dir, { recursive: true });
    const snap = loadNewestSnapshot(opts.dir);
    const state: CoordState = snap?.state ?? { tree: new DataTree(), sessions: new Map(), lastZxid: 0n };
    const snapshotZxid = state.lastZxid;
    let replayed = 0;
    const { truncatedBytes, tail } = readLogs(opts.dir, (txn) => {
      if (txn.hdr.zxid <= state.lastZxid) return;
      apply(state, txn);
      replayed++;
    });
    const store = new CoordStore(opts.dir, state, opts, { snapshotZxid, replayed, truncatedBytes }, tail);
    if (truncatedBytes > 0) opts.logger?.warn(`coord: truncated a torn txn log tail of ${truncatedBytes} bytes`);
    return store;
  }

  get tree(): DataTree {
    return this.state.tree;
  }

  /** zxid of the last applied txn (what replies carry) */
  get lastZxid(): bigint {
    return this.state.lastZxid;
  }

  /** txns prepared but not yet applied */
  get outstanding(): number {
    return Number(this.lastPrepared - this.state.lastZxid);
  }

  /** Prepares `req` now and calls `done` once it is durable and applied (in zxid order). */
  submit(req: WriteRequest, who: WriterContext, done: WriteDone): void {
    if (this.failure !== undefined || this.closed) {
      done({ type: 'error', err: -1 }, this.state.lastZxid);
      return;
    }
    const zxid = ++this.lastPrepared;
    const txn = this.preparer.prepare(req, who, zxid, BigInt(Date.now()));
    if (txn.op.type === 'closeSession') this.sessions.setClosing(txn.hdr.sessionId);
    this.log.append(txn, (err) => {
      if (err !== undefined) {
        this.fail(err);
        done({ type: 'error', err: -1 }, zxid);
        return;
      }
      this.applyDurable(txn, done);
    });
  }

  private applyDurable(txn: Txn, done: WriteDone): void {
    const { result, events } = apply(this.state, txn);
    this.pending.release(txn.hdr.zxid);
    this.afterApply(txn, events);
    done(result, txn.hdr.zxid);
    // after the writer's answer, so a client's own closeSession reply goes out before its socket closes
    if (txn.op.type === 'closeSession') for (const l of this.closedListeners) l(txn.hdr.sessionId);
    while (this.afterApplied.length > 0 && this.afterApplied[0]!.zxid <= txn.hdr.zxid) this.afterApplied.shift()!.run();
    if (++this.sinceSnapshot >= this.snapshotEvery) this.snapshot();
  }

  private afterApply(txn: Txn, events: readonly NodeEvent[]): void {
    for (const e of events) fireNodeEvent(this.watches, e.kind, e.path);
    const op = txn.op;
    if (op.type === 'createSession') {
      this.sessions.add(txn.hdr.sessionId, op.timeoutMs, op.passwd);
    } else if (op.type === 'closeSession') {
      this.sessions.remove(txn.hdr.sessionId);
    }
  }

  /** Runs `run` once every txn prepared so far is applied (sync). */
  afterPending(run: () => void): void {
    if (this.lastPrepared === this.state.lastZxid) run();
    else this.afterApplied.push({ zxid: this.lastPrepared, run });
  }

  /** Negotiated timeout: the request clamped to [min, max] session timeout. */
  negotiateTimeout(requestedMs: number): number {
    return Math.min(this.maxSessionTimeoutMs, Math.max(this.minSessionTimeoutMs, requestedMs));
  }

  /** Creates a session (a createSession txn); resolves once durable. */
  createSession(timeoutMs: number): Promise<{ sessionId: bigint; passwd: Buffer; timeoutMs: number }> {
    const sessionId = this.nextSession++;
    const passwd = randomBytes(16);
    return new Promise((res, rej) => {
      this.submit({ op: 'createSession', timeoutMs, passwd }, { sessionId, authIds: [], cxid: 0 }, (r) => {
        if (r.type === 'error') rej(new CoordError('GALE_ERR_COORD_SYSTEM_ERROR', 'could not log the new session'));
        else res({ sessionId, passwd, timeoutMs });
      });
    });
  }

  /** A live session with this password? (reconnect check) */
  checkPassword(sessionId: bigint, passwd: Uint8Array): boolean {
    const s = this.sessions.get(sessionId);
    return s !== undefined && !s.closing && Buffer.compare(Buffer.from(s.passwd), Buffer.from(passwd)) === 0;
  }

  /** Closes a session (client closeSession or expiry): its ephemerals go in one txn. */
  closeSession(sessionId: bigint, done: WriteDone): void {
    this.submit({ op: 'closeSession' }, { sessionId, authIds: [], cxid: 0 }, done);
  }

  private expire(sessionId: bigint): void {
    this.opts.logger?.info(`coord: session 0x${sessionId.toString(16)} expired`);
    this.closeSession(sessionId, () => undefined);
  }

  /** Listen for sessions whose close (or expiry) has been applied. */
  onSessionClosed(listener: (sessionId: bigint) => void): () => void {
    this.closedListeners.add(listener);
    return () => this.closedListeners.delete(listener);
  }

  private fail(err: Error): void {
    if (this.failure !== undefined) return;
    this.failure = err;
    this.opts.logger?.warn(`coord: txn log write failed, refusing further writes: ${err.message}`);
  }

  /** Takes a snapshot now (between two applies) unless one is being written. */
  snapshot(): Promise<void> {
    if (this.snapshotting !== undefined) return this.snapshotting;
    this.sinceSnapshot = 0;
    const zxid = this.state.lastZxid;
    const bytes = serializeSnapshot(this.state);
    this.log.roll();
    this.snapshotting = writeSnapshot(this.dir, zxid, bytes, this.opts.fsync ?? true)
      .then(() => {
        // keep two snapshots and every log file the older one needs, so a damaged newest snapshot costs nothing
        const olderKept = purgeSnapshots(this.dir, 2);
        if (olderKept !== undefined) this.log.purgeThrough(olderKept);
      })
      .catch((err: unknown) => {
        this.opts.logger?.warn(`coord: snapshot at 0x${zxid.toString(16)} failed: ${String(err)}`);
      })
      .finally(() => {
        this.snapshotting = undefined;
      });
    return this.snapshotting;
  }

  /** Waits for in-flight writes and snapshots, then closes the log. Sessions stay in the durable state. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.sessions.stop();
    this.reaper.stop();
    await this.log.idle();
    await this.snapshotting;
    await this.log.close();
  }
}
