/**
 * The log spout and sink on their own, over a real EmbeddedLog: every
 * compression codec a producer may use, the three formats, a key filling a
 * key field the value leaves out, batches a standard decoder reads back
 * (key, value, event-time timestamp, the query header), and the replay
 * fingerprints that pick out exactly this query's records.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LogSink } from '../../../src/connectors/log/log-sink.js';
import { LogSource } from '../../../src/connectors/log/log-source.js';
import { fingerprint, OutputDedup, QUERY_HEADER } from '../../../src/connectors/log/output-dedup.js';
import { RecordKeyEncoder, rowDecoder, rowEncoder } from '../../../src/connectors/log/row-codec.js';
import type { EmbeddedLog } from '../../../src/log/embedded-log.js';
import type { StreamFormat } from '../../../src/sql/catalog.js';
import { decodeRecordBatchesAsync } from '../../../src/log/record-batch/index.js';
import { CollectSink, SinkBolt } from '../../../src/runtime/bolts/sink.js';
import { CollectingErrorStream } from '../../../src/runtime/errors.js';
import { Layout } from '../../../src/runtime/layout.js';
import type { Row } from '../../../src/runtime/message.js';
import { runTopology } from '../../../src/runtime/run.js';
import type { Field } from '../../../src/sql/types.js';
import { produce, readTopic, tempDir, until, type TempDir } from './fixtures.js';

let t: TempDir;
let log: EmbeddedLog;

beforeEach(async () => {
  t = await tempDir();
  log = await t.openLog();
});
afterEach(async () => {
  await t.cleanup();
});

const FIELDS: Field[] = [
  { name: 'user', type: 'string' },
  { name: 'n', type: 'int' },
  { name: 'ts', type: 'timestamp' },
];

/** Reads `want` rows of `topic` through a LogSource (format, key field 0), then stops. */
async function readRows(topic: string, partitions: number, format: StreamFormat, fields: Field[], want: number): Promise<{ rows: Row[]; errors: CollectingErrorStream }> {
  const source = new LogSource({
    log,
    stream: topic,
    topic,
    partitions,
    layout: new Layout(fields),
    decoder: rowDecoder(format, fields, format === 'string' ? [] : [0]),
    start: new Array<bigint>(partitions).fill(0n),
  });
  const sink = new CollectSink();
  const errors = new CollectingErrorStream();
  const h = runTopology(
    { spouts: [{ id: 's', source }], bolts: [{ id: 'out', query: 'q', parallelism: 1, inputs: [{ from: 's', port: 0, grouping: { kind: 'global' } }], create: () => new SinkBolt(sink) }] },
    { errors },
  );
  await until(() => sink.rows.length >= want);
  h.stop();
  await h.done;
  return { rows: sink.rows, errors };
}

describe('log spout', () => {
  it('reads batches of every compression codec a producer may send', async () => {
    await log.createTopic('in', { partitions: 1 });
    const codecs = ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const;
    for (const [i, c] of codecs.entries()) {
      await produce(log, 'in', [{ key: 'k', value: JSON.stringify({ user: c, n: i, ts: '2024-01-02T03:04:05.678Z' }) }], { compression: c });
    }
    const { rows } = await readRows('in', 1, 'json', FIELDS, codecs.length);
    expect(rows).toEqual(codecs.map((c, i) => [c, i, Date.UTC(2024, 0, 2, 3, 4, 5, 678)]));
  });

  it('fills a key field the JSON value leaves out from the record key; CSV and string formats', async () => {
    await log.createTopic('j', { partitions: 1 });
    await produce(log, 'j', [{ key: 'ann', value: '{"n": 1, "ts": 5}' }]);
    expect((await readRows('j', 1, 'json', FIELDS, 1)).rows).toEqual([['ann', 1, 5]]);

    await log.createTopic('c', { partitions: 1 });
    await produce(log, 'c', [
      { key: null, value: 'bob,2,1970-01-01T00:00:01.000Z' },
      { key: null, value: '"a, quoted",3,' },
      { key: null, value: 'too,few' },
    ]);
    const csv = await readRows('c', 1, 'csv', FIELDS, 2);
    expect(csv.rows).toEqual([['bob', 2, 1000], ['a, quoted', 3, null]]);

    await log.createTopic('s', { partitions: 1 });
    await produce(log, 's', [{ key: null, value: 'a line of text' }]);
    expect((await readRows('s', 1, 'string', [{ name: 'line', type: 'string' }], 1)).rows).toEqual([['a line of text']]);
  });
});

describe('log sink', () => {
  it('writes batches any consumer decodes: key, JSON value, event time as the record timestamp, the query header', async () => {
    await log.createTopic('out', { partitions: 3 });
    const sink = new LogSink({
      log,
      stream: 'out',
      topic: 'out',
      partitions: 3,
      encode: rowEncoder('json', FIELDS),
      keys: new RecordKeyEncoder(FIELDS, [0]),
      timestampField: 2,
      query: 'q7',
      startEnds: [0n, 0n, 0n],
    });
    await sink.write([['ann', 1, 1000], ['bob', 2, 2000], ['ann', 3, 3000]]);
    expect(await sink.flushPoint()).toEqual(await Promise.all([0, 1, 2].map(async (partition) => (await log.offsets({ topic: 'out', partition })).highWatermark)));
    for (let partition = 0; partition < 3; partition++) {
      const res = await log.read({ topic: 'out', partition }, 0n, 1 << 20);
      for (const b of await decodeRecordBatchesAsync(res.records)) {
        for (const r of b.records) {
          const v = JSON.parse(r.value!.toString()) as { user: string; n: number; ts: string };
          expect(r.key!.toString()).toBe(v.user);
          expect(r.timestamp).toBe(Date.parse(v.ts));
          expect(r.headers).toEqual([{ key: QUERY_HEADER, value: Buffer.from('q7') }]);
        }
      }
    }
    expect((await readTopic(log, 'out')).map((r) => r.value).sort()).toEqual([
      '{"user":"ann","n":1,"ts":"1970-01-01T00:00:01.000Z"}',
      '{"user":"ann","n":3,"ts":"1970-01-01T00:00:03.000Z"}',
      '{"user":"bob","n":2,"ts":"1970-01-01T00:00:02.000Z"}',
    ]);
  });

  it('replay fingerprints: only this query’s records after the given offset, and each is dropped once', async () => {
    await log.createTopic('o', { partitions: 1 });
    const mk = (query: string, dedup?: OutputDedup): LogSink =>
      new LogSink({
        log,
        stream: 'o',
        topic: 'o',
        partitions: 1,
        encode: rowEncoder('json', FIELDS),
        keys: new RecordKeyEncoder(FIELDS, [0]),
        query,
        startEnds: [0n],
        ...(dedup === undefined ? {} : { dedup }),
      });
    await mk('q1').write([['before', 0, 0]]);
    await mk('q1').write([['ann', 1, 0], ['ann', 1, 0], ['bob', 2, 0]]);
    await mk('other').write([['cy', 3, 0]]);
    const d = new OutputDedup();
    await d.loadTail(log, 'o', 0, 1n, 'q1');
    expect(d.size).toBe(3);
    const again = mk('q1', d);
    await again.write([['ann', 1, 0], ['cy', 3, 0], ['ann', 1, 0], ['ann', 1, 0], ['bob', 2, 0]]);
    expect(again.skipped).toBe(3);
    expect(d.size).toBe(0);
    expect((await readTopic(log, 'o')).map((r) => r.key)).toEqual(['before', 'ann', 'ann', 'bob', 'cy', 'cy', 'ann']);
    expect(fingerprint(Buffer.from('k'), 'v')).not.toBe(fingerprint(null, 'kv'));
  });
});
