/**
 * A persistent query built by hand (no planner): JSON events from topic
 * `events` (user, ts, amount; event time = ts), a tumbling 10 s window ON ts
 * counting and summing per user, results as JSON to topic `totals` keyed by
 * user — the shape the engine builds for
 *   SELECT user, window_start() AS window_start, count(*) AS n, sum(amount) AS total
 *   FROM events[SIZE 10 ADVANCE 10 ON ts] GROUP BY user INTO totals;
 */
import { DeadLetterWriter } from '../../../src/connectors/log/dead-letter.js';
import { LogSink } from '../../../src/connectors/log/log-sink.js';
import { LogSource } from '../../../src/connectors/log/log-source.js';
import { RecordKeyEncoder, rowDecoder, rowEncoder } from '../../../src/connectors/log/row-codec.js';
import type { BuiltQuery, QueryStart } from '../../../src/engine/queries/persistent-query.js';
import type { Log } from '../../../src/log/log.js';
import { createAggregate } from '../../../src/runtime/aggregates/index.js';
import { SinkBolt } from '../../../src/runtime/bolts/sink.js';
import { WindowAggregateBolt } from '../../../src/runtime/bolts/window-aggregate.js';
import { fieldPart } from '../../../src/runtime/keys.js';
import { Layout } from '../../../src/runtime/layout.js';
import type { Field } from '../../../src/sql/types.js';

export const EVENT_FIELDS: Field[] = [
  { name: 'user', type: 'string' },
  { name: 'ts', type: 'timestamp' },
  { name: 'amount', type: 'long' },
];
export const TOTAL_FIELDS: Field[] = [
  { name: 'user', type: 'string' },
  { name: 'window_start', type: 'timestamp' },
  { name: 'n', type: 'long' },
  { name: 'total', type: 'long' },
];

export const WINDOW_MS = 10_000;

export function windowCountQuery(log: Log, queryId: string, partitions: { events: number; totals: number }) {
  return (start: QueryStart): BuiltQuery => {
    const source = new LogSource({
      log,
      stream: 'events',
      topic: 'events',
      partitions: partitions.events,
      layout: new Layout(EVENT_FIELDS),
      decoder: rowDecoder('json', EVENT_FIELDS),
      timestampField: 1,
      idleTimeoutMs: 300,
      start: start.offsets.get('events')!,
      deadLetters: new DeadLetterWriter(log, 'events.errors'),
      query: queryId,
      onFail: start.onFail,
    });
    const sink = new LogSink({
      log,
      stream: 'totals',
      topic: 'totals',
      partitions: partitions.totals,
      encode: rowEncoder('json', TOTAL_FIELDS),
      keys: new RecordKeyEncoder(TOTAL_FIELDS, [0]),
      query: queryId,
      startEnds: start.outputEnds.get('totals')!,
      dedup: start.dedup.get('totals')!,
      onError: start.onSinkError,
    });
    return {
      sources: [source],
      sinks: [sink],
      topology: {
        spouts: [{ id: 'events', source }],
        bolts: [
          {
            id: 'agg',
            query: queryId,
            parallelism: 2,
            inputs: [{ from: 'events', port: 0, grouping: { kind: 'fields', fields: [0], names: ['user'], types: ['string'] } }],
            create: () =>
              new WindowAggregateBolt({
                dimension: 'field',
                size: WINDOW_MS,
                advance: WINDOW_MS,
                offset: 0,
                field: { index: 1, name: 'ts', timestamp: true },
                watermarkDriven: true,
                partitionBy: [],
                groupBy: [fieldPart(0)],
                aggregates: [{ agg: createAggregate('count', undefined, []) }, { agg: createAggregate('sum', 'long', []), arg: fieldPart(2) }],
                // [user, count, sum, start, end] → [user, window_start, n, total]
                project: (r) => [r[0]!, r[3]!, r[1]!, r[2]!],
              }),
          },
          { id: 'sink', query: queryId, parallelism: 1, inputs: [{ from: 'agg', port: 0, grouping: { kind: 'global' } }], create: () => new SinkBolt(sink) },
        ],
      },
    };
  };
}

/** The expected totals, computed directly from the events. */
export function expectedTotals(events: readonly { user: string; ts: number; amount: number }[], upTo = Infinity): Map<string, { n: number; total: number }> {
  const m = new Map<string, { n: number; total: number }>();
  for (const e of events) {
    const start = Math.floor(e.ts / WINDOW_MS) * WINDOW_MS;
    if (start + WINDOW_MS > upTo) continue;
    const k = `${e.user}@${new Date(start).toISOString()}`;
    const t = m.get(k) ?? { n: 0, total: 0 };
    t.n++;
    t.total += e.amount;
    m.set(k, t);
  }
  return m;
}
