/**
 * Topologies through runtime/run.ts: event time across partitions and tasks
 * (min over inputs, broadcast to every task, idle partitions), merged reading
 * of bounded timestamped inputs, and the end of input closing windows.
 */
import { describe, expect, it } from 'vitest';
import { createAggregate } from '../../../src/runtime/aggregates/index.js';
import { CollectSink, SinkBolt } from '../../../src/runtime/bolts/sink.js';
import { WindowAggregateBolt } from '../../../src/runtime/bolts/window-aggregate.js';
import { VirtualClock } from '../../../src/runtime/clock.js';
import { fieldPart } from '../../../src/runtime/keys.js';
import { Layout } from '../../../src/runtime/layout.js';
import type { Row } from '../../../src/runtime/message.js';
import { runTopology, type BoltComponent } from '../../../src/runtime/run.js';
import type { Source, SourceBatch } from '../../../src/runtime/spouts/source.js';
import { sorted } from './bolt-harness.js';

const layout = new Layout([
  { name: 'ts', type: 'long' },
  { name: 'k', type: 'string' },
]);

/**
 * A source whose partitions replay fixed batches; `null` ends a partition.
 * `'wait'` is a long poll on the (virtual) clock: 100 ms, then an empty batch.
 */
function scripted(parts: (Row[] | 'wait')[][], opts: { bounded: boolean; idleMs?: number; clock?: VirtualClock }): Source {
  return {
    description: 'scripted',
    layout,
    partitions: parts.length,
    bounded: opts.bounded,
    timestampField: 0,
    ...(opts.idleMs === undefined ? {} : { idleTimeoutMs: opts.idleMs }),
    open(p, ctx) {
      const queue = [...parts[p]!];
      const clock = opts.clock;
      return {
        next: (): SourceBatch | null | Promise<SourceBatch> => {
          const b = queue.shift() ?? (opts.bounded ? undefined : 'wait');
          if (b === undefined) return null;
          if (b !== 'wait') return { rows: b };
          if (clock === undefined) return { rows: [] };
          // a long poll: resolves when the virtual clock moves on, or at once when the run stops
          return new Promise((resolve) => {
            const cancel = clock.schedule(clock.now() + 100, () => resolve({ rows: [] }));
            ctx.signal.addEventListener('abort', () => {
              cancel();
              resolve({ rows: [] });
            }, { once: true });
          });
        },
        close: () => undefined,
      };
    },
  };
}

function windowCount(id: string, parallelism: number): BoltComponent {
  return {
    id,
    query: 'q',
    parallelism,
    inputs: [{ from: 'src', grouping: { kind: 'fields', fields: [1], names: ['k'], types: ['string'] }, port: 0 }],
    create: () =>
      new WindowAggregateBolt({
        dimension: 'field',
        size: 10,
        advance: 10,
        offset: 0,
        field: { index: 0, name: 'ts', timestamp: false },
        watermarkDriven: true,
        partitionBy: [],
        groupBy: [fieldPart(1)],
        aggregates: [{ agg: createAggregate('count', 'long', []) }],
        project: (r) => r,
      }),
  };
}

function sinkOf(sink: CollectSink, from: string): BoltComponent {
  return { id: 'sink', query: 'q', parallelism: 1, inputs: [{ from, grouping: { kind: 'global' }, port: 0 }], create: () => new SinkBolt(sink) };
}

describe('runTopology', () => {
  it('windows close at the same event time whatever the parallelism (the minimum over partitions, broadcast to every task)', async () => {
    // partition 0 races ahead; partition 1 holds event time back
    const parts: Row[][][] = [
      [[[1, 'a'], [2, 'b'], [25, 'a']], [[31, 'c']]],
      [[[3, 'a'], [4, 'c']], [[12, 'b'], [13, 'a']], [[26, 'b']]],
    ];
    const results: Row[][] = [];
    for (const p of [1, 2, 4]) {
      const sink = new CollectSink();
      const h = runTopology({ spouts: [{ id: 'src', source: scripted(parts, { bounded: true }) }], bolts: [windowCount('w', p), sinkOf(sink, 'w')] });
      await h.done;
      results.push(sorted(sink.rows));
      expect(h.errors).toBeDefined();
    }
    expect(results[0]).toEqual(sorted([['a', 2, 0, 10], ['b', 1, 0, 10], ['c', 1, 0, 10], ['b', 1, 10, 20], ['a', 1, 10, 20], ['a', 1, 20, 30], ['b', 1, 20, 30], ['c', 1, 30, 40]]));
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
  });

  it('reads bounded timestamped inputs merged in event-time order (ties: declaration order)', async () => {
    const seen: Row[] = [];
    const record: BoltComponent = {
      id: 'rec',
      query: 'q',
      parallelism: 1,
      inputs: [
        { from: 'a', grouping: { kind: 'global' }, port: 0 },
        { from: 'b', grouping: { kind: 'global' }, port: 0 },
      ],
      create: () => ({ prepare: () => undefined, execute: (rows) => void seen.push(...rows) }),
    };
    const a = scripted([[[[1, 'a1'], [5, 'a5']], [[9, 'a9']]]], { bounded: true });
    const b = scripted([[[[2, 'b2'], [5, 'b5'], [6, 'b6']], [[20, 'b20']]]], { bounded: true });
    await runTopology({ spouts: [{ id: 'a', source: a }, { id: 'b', source: b }], bolts: [record] }, { batchSize: 2 }).done;
    expect(seen.map((r) => r[1])).toEqual(['a1', 'b2', 'a5', 'b5', 'b6', 'a9', 'b20']);
  });

  it('an idle partition stops holding event time back after the idle timeout (virtual clock, no sleeps)', async () => {
    const clock = new VirtualClock(0);
    // partition 1 delivers once, then nothing: without the idle timeout, windows would never close
    const parts: (Row[] | 'wait')[][] = [
      [[[1, 'a']], [[15, 'a']], 'wait', 'wait', [[40, 'a']]],
      [[[2, 'b']]],
    ];
    const sink = new CollectSink();
    const h = runTopology(
      { spouts: [{ id: 'src', source: scripted(parts, { bounded: false, idleMs: 1000, clock }) }], bolts: [windowCount('w', 1), sinkOf(sink, 'w')] },
      { clock },
    );
    const turn = (): Promise<void> => new Promise((r) => setImmediate(r));
    for (let i = 0; i < 100 && sink.rows.length < 3; i++) {
      clock.advanceBy(100);
      for (let j = 0; j < 5; j++) await turn();
    }
    // before the idle timeout nothing could close; after it, windows up to event time 40 did
    expect(clock.now()).toBeGreaterThanOrEqual(1000);
    h.stop();
    await h.done;
    expect(sorted(sink.rows)).toEqual(sorted([['a', 1, 0, 10], ['b', 1, 0, 10], ['a', 1, 10, 20]]));
  });
});
