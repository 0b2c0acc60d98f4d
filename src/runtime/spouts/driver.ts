/**
 * Drives spout tasks: pulls batches from their readers and pushes them
 * through the topology. Each push runs synchronously through every bolt it
 * reaches, so a batch is fully processed before the next is read (natural
 * backpressure); replayable sources are also bounded by max-spout-pending.
 *
 * Bounded inputs that declare an event-time field are read MERGED in
 * event-time order (ties: declaration order), so joins and unions over files
 * give one deterministic answer. Everything else is pumped independently.
 */
import type { Acker } from '../acker.js';
import type { Row, Value } from '../message.js';
import type { SourceBatch } from './source.js';
import type { SpoutTask } from './spout-task.js';

export interface DriverOptions {
  readonly batchSize: number;
  readonly maxSpoutPending: number;
  readonly signal: AbortSignal;
  readonly acker: Acker;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const yieldToLoop = (): Promise<void> => new Promise((r) => setImmediate(r));

/** Gives timers, I/O and signal handlers a turn every ~10 ms of work. */
class Yielder {
  private last = performance.now();
  async maybe(): Promise<void> {
    const now = performance.now();
    if (now - this.last < 10) return;
    await yieldToLoop();
    this.last = performance.now();
  }
}

export async function pumpIndependent(task: SpoutTask, opts: DriverOptions): Promise<void> {
  const y = new Yielder();
  const reader = task.reader;
  while (!opts.signal.aborted) {
    if (reader.ack !== undefined && opts.acker.pending(task.globalId) >= opts.maxSpoutPending) {
      opts.acker.expire();
      await sleep(1);
      continue;
    }
    let b = reader.next(opts.batchSize);
    const waited = b instanceof Promise;
    if (b instanceof Promise) b = await b;
    if (b === null) {
      task.end('exhausted');
      return;
    }
    if (b.rows.length === 0) {
      task.checkIdle();
      // a reader that waited for data itself (a long poll) is asked again at once; one that did not is polled
      if (waited) await yieldToLoop();
      else await sleep(5);
      continue;
    }
    task.emit(b.rows, b);
    task.flushWatermark();
    await y.maybe();
  }
  task.end('stopped');
}

interface Cursor {
  readonly task: SpoutTask;
  readonly order: number;
  readonly ts: number;
  rows: Row[];
  pos: number;
  done: boolean;
}

function tsOf(v: Value | undefined): number {
  return typeof v === 'number' ? v : -Infinity;
}

/** Reads several bounded, timestamped tasks as one stream in event-time order. */
export async function pumpMerged(tasks: readonly SpoutTask[], opts: DriverOptions): Promise<void> {
  const y = new Yielder();
  const cursors: Cursor[] = tasks.map((task, order) => ({
    task,
    order,
    ts: task.tsField!,
    rows: [],
    pos: 0,
    done: false,
  }));
  let sinceMark = 0;
  const live = (): Cursor[] => cursors.filter((c) => !c.done);
  for (;;) {
    if (opts.signal.aborted) {
      for (const c of live()) c.task.end('stopped');
      return;
    }
    // make sure every live cursor has a row at its head
    for (const c of cursors) {
      while (!c.done && c.pos >= c.rows.length) {
        let b: SourceBatch | null | Promise<SourceBatch | null> = c.task.reader.next(opts.batchSize);
        if (b instanceof Promise) b = await b;
        if (b === null) {
          c.done = true;
          c.task.end('exhausted');
        } else {
          c.rows = b.rows;
          c.pos = 0;
        }
      }
    }
    const open = live();
    if (open.length === 0) return;
    let best = open[0]!;
    for (const c of open) {
      const t = tsOf(c.rows[c.pos]![c.ts]);
      const bt = tsOf(best.rows[best.pos]![best.ts]);
      if (t < bt || (t === bt && c.order < best.order)) best = c;
    }
    // the run from `best` lasts while its rows come before every other head
    let limit = Infinity;
    let limitOrder = Infinity;
    for (const c of open) {
      if (c === best) continue;
      const t = tsOf(c.rows[c.pos]![c.ts]);
      if (t < limit || (t === limit && c.order < limitOrder)) {
        limit = t;
        limitOrder = c.order;
      }
    }
    const start = best.pos;
    const rows = best.rows;
    let p = start;
    while (p < rows.length) {
      const t = tsOf(rows[p]![best.ts]);
      if (t < limit || (t === limit && best.order < limitOrder)) p++;
      else break;
    }
    if (p === start) p++;
    best.pos = p;
    const run = start === 0 && p === rows.length ? rows : rows.slice(start, p);
    best.task.emit(run, undefined);
    sinceMark += run.length;
    if (sinceMark >= opts.batchSize) {
      sinceMark = 0;
      for (const c of open) c.task.flushWatermark();
      await y.maybe();
    }
  }
}
