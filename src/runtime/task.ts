/**
 * A task: one instance of a component with its own state. A bolt task is an
 * RxJS pipeline over its input Subject; it tracks event time across its
 * input channels, does the bolt's acking, and routes what the bolt emits to
 * the tasks downstream through each outgoing edge's grouping.
 */
import { Subject } from 'rxjs';
import type { Acker } from './acker.js';
import { Acker as AckerIds } from './acker.js';
import type { Bolt, BoltContext, Collector, EndReason, RunMetrics } from './bolt.js';
import type { Clock } from './clock.js';
import { toErrorRecord, type ErrorStream } from './errors.js';
import type { Router } from './groupings.js';
import type { Anchor, Message, Row } from './message.js';
import { END_EXHAUSTED, END_STOPPED, tuples, watermark } from './message.js';
import { WatermarkTracker } from './watermarks.js';

export interface Envelope {
  readonly channel: number;
  readonly msg: Message;
}

/** One outgoing edge of a task: a grouping over the tasks of the next component. */
export interface Outlet {
  readonly router: Router;
  readonly targets: readonly BoltTask[];
  /** channel number, at each target, of upstream task 0 on this edge */
  readonly channelBase: number;
}

export interface TaskEnv {
  readonly clock: Clock;
  readonly errors: ErrorStream;
  readonly metrics: RunMetrics;
  readonly acker: Acker;
}

/** Sends messages out of a task (spout or bolt) along its outlets. */
export class Emitter {
  readonly outlets: Outlet[] = [];

  constructor(
    readonly task: number,
    private readonly acker: Acker,
  ) {}

  emitRows(rows: Row[], parent: Anchor | undefined): void {
    if (rows.length === 0) return;
    for (const o of this.outlets) {
      const parts = o.router.route(rows, this.task);
      for (let t = 0; t < parts.length; t++) {
        const part = parts[t];
        if (part === undefined || part.length === 0) continue;
        let anchor: Anchor | undefined;
        if (parent !== undefined) {
          anchor = { root: parent.root, id: AckerIds.newId() };
          this.acker.xor(parent.root, anchor.id);
        }
        o.targets[t]!.input.next({ channel: o.channelBase + this.task, msg: tuples(part, anchor) });
      }
    }
  }

  /** Watermarks, barriers and ends go to every task of every outgoing edge. */
  broadcast(msg: Message): void {
    for (const o of this.outlets) {
      const channel = o.channelBase + this.task;
      for (const t of o.targets) t.input.next({ channel, msg });
    }
  }
}

export class BoltTask {
  readonly input = new Subject<Envelope>();
  readonly emitter: Emitter;
  private readonly marks: WatermarkTracker;
  private readonly barriers = new Map<number, number>();
  private ended = 0;
  private stopped = false;
  private current: Anchor | undefined;
  private readonly done: Promise<void>;
  private resolveDone!: () => void;
  private readonly collector: Collector;
  private readonly ctx: BoltContext;

  constructor(
    readonly component: string,
    readonly query: string,
    readonly index: number,
    readonly tasks: number,
    private readonly bolt: Bolt,
    /** input port of each channel */
    private readonly ports: readonly number[],
    private readonly env: TaskEnv,
  ) {
    this.emitter = new Emitter(index, env.acker);
    this.marks = new WatermarkTracker(ports.length);
    this.done = new Promise((r) => (this.resolveDone = r));
    this.collector = {
      emit: (rows) => this.emitter.emitRows(rows, this.current),
      error: (err, row) =>
        env.errors.report(toErrorRecord(err, { component: this.component, query: this.query, row })),
    };
    this.ctx = {
      component,
      query,
      task: index,
      tasks,
      clock: env.clock,
      errors: env.errors,
      metrics: env.metrics,
      eventTime: () => this.marks.time,
    };
  }

  start(): void {
    this.bolt.prepare(this.ctx, this.collector);
    this.input.subscribe({ next: (e) => this.deliver(e) });
    if (this.ports.length === 0) void this.finish('exhausted');
  }

  /** Resolves once every input has ended and the bolt has flushed. */
  whenDone(): Promise<void> {
    return this.done;
  }

  /** The bolt's state for a checkpoint (undefined: stateless). Call between batches. */
  snapshot(): unknown {
    return this.bolt.snapshot?.();
  }

  /** Restores a checkpointed state; before any input arrives. */
  restore(state: unknown): void {
    if (this.bolt.restore === undefined) throw new Error(`${this.component} keeps no state to restore`);
    this.bolt.restore(state);
  }

  private deliver({ channel, msg }: Envelope): void {
    switch (msg.kind) {
      case 'tuples':
        this.marks.active(channel);
        this.runBatch(msg.rows, this.ports[channel]!, msg.anchor);
        return;
      case 'watermark': {
        const t = this.marks.update(channel, msg.time, msg.idle === true);
        if (t !== undefined) {
          this.guard(() => this.bolt.onWatermark?.(t));
          this.emitter.broadcast(watermark(t));
        } else if (msg.idle === true && this.marks.allIdle) {
          this.emitter.broadcast(watermark(this.marks.time, true));
        }
        return;
      }
      case 'barrier': {
        const n = (this.barriers.get(msg.id) ?? 0) + 1;
        if (n < this.ports.length) {
          this.barriers.set(msg.id, n);
          return;
        }
        this.barriers.delete(msg.id);
        this.guard(() => this.bolt.onBarrier?.(msg.id));
        this.emitter.broadcast(msg);
        return;
      }
      case 'end':
        if (msg.reason === 'stopped') this.stopped = true;
        if (++this.ended === this.ports.length) void this.finish(this.stopped ? 'stopped' : 'exhausted');
        return;
    }
  }

  private runBatch(rows: Row[], port: number, anchor: Anchor | undefined): void {
    this.current = anchor;
    let result: void | Promise<void> = undefined;
    try {
      result = this.bolt.execute(rows, port);
    } catch (err) {
      // a bug in the operator, not one tuple's fault: report it and keep going
      this.env.errors.report(toErrorRecord(err, { component: this.component, query: this.query }));
    }
    this.current = undefined;
    if (anchor === undefined) {
      // nothing to fail (e.g. window results emitted on a watermark): the failure goes to the error stream
      if (result instanceof Promise) {
        result.catch((err: unknown) => this.env.errors.report(toErrorRecord(err, { component: this.component, query: this.query })));
      }
      return;
    }
    if (result instanceof Promise) {
      result.then(
        () => this.env.acker.xor(anchor.root, anchor.id),
        () => this.env.acker.fail(anchor.root),
      );
    } else {
      this.env.acker.xor(anchor.root, anchor.id);
    }
  }

  private async finish(reason: EndReason): Promise<void> {
    try {
      await this.bolt.onEnd?.(reason);
    } catch (err) {
      this.env.errors.report(toErrorRecord(err, { component: this.component, query: this.query }));
    }
    this.emitter.broadcast(reason === 'stopped' ? END_STOPPED : END_EXHAUSTED);
    this.guard(() => this.bolt.cleanup?.());
    this.input.complete();
    this.resolveDone();
  }

  private guard(fn: () => void): void {
    try {
      fn();
    } catch (err) {
      this.env.errors.report(toErrorRecord(err, { component: this.component, query: this.query }));
    }
  }
}
