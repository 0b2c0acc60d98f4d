/**
 * Sink: writes a query's output rows to where the output stream is bound (a
 * file, the terminal, a collector in tests; later a log topic). The sink is
 * flushed and closed when the inputs end, also after a stop, so nothing
 * already emitted is lost.
 */
import type { Bolt, BoltContext, EndReason } from '../bolt.js';
import type { Row } from '../message.js';

export interface RowSink {
  /** what the sink writes to, for EXPLAIN */
  readonly description: string;
  write(rows: Row[]): void | Promise<void>;
  close(): Promise<void>;
}

export class SinkBolt implements Bolt {
  private ctx!: BoltContext;

  constructor(private readonly sink: RowSink) {}

  prepare(ctx: BoltContext): void {
    this.ctx = ctx;
  }

  execute(rows: Row[]): void | Promise<void> {
    this.ctx.metrics.rowsOut += rows.length;
    return this.sink.write(rows);
  }

  async onEnd(_reason: EndReason): Promise<void> {
    await this.sink.close();
  }
}

/** Keeps every row in memory (tests, the REPL). */
export class CollectSink implements RowSink {
  readonly description = 'memory';
  readonly rows: Row[] = [];
  closed = false;

  write(rows: Row[]): void {
    for (const r of rows) this.rows.push(r);
  }

  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }
}

/** Counts rows and drops them (benchmarks' blackhole). */
export class DiscardSink implements RowSink {
  readonly description = 'discard';
  count = 0;

  write(rows: Row[]): void {
    this.count += rows.length;
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
