import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compressionCodecs, decodeRecordBatches, encodeRecordBatchAsync, readBatchHeader, splitBatches } from '../../../src/log/record-batch/index.js';
import { logErrorCodes, logErrors } from '../../../src/log/errors.js';
import type { EmbeddedLog } from '../../../src/log/embedded-log.js';
import { codeOf, readAll, tempLog, valuesBatch, VirtualClock } from './log-fixtures.js';
import type { TempLog } from './log-fixtures.js';

let t: TempLog;
let log: EmbeddedLog;
const tp = { topic: 'orders', partition: 0 };

beforeEach(async () => {
  t = await tempLog();
  log = await t.open();
});
afterEach(async () => {
  await t.cleanup();
});

describe('EmbeddedLog topics', () => {
  it('creates, describes, lists, grows and deletes topics, and keeps them across a restart', async () => {
    await log.createTopic('orders', { partitions: 3, configs: { 'retention.ms': '1000' } });
    const d = await log.describeTopic('orders');
    expect(d).toMatchObject({ name: 'orders', partitions: 3, internal: false, explicitConfigs: { 'retention.ms': '1000' } });
    expect(d!.configs['retention.ms']).toBe('1000');
    expect(d!.configs['cleanup.policy']).toBe('delete');
    expect(d!.configs['segment.bytes']).toBe('1073741824');
    expect(d!.topicId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await log.listTopics()).sort()).toEqual(['__consumer_offsets', 'orders']);
    expect((await log.describeTopic('__consumer_offsets'))!.internal).toBe(true);

    await log.createPartitions('orders', 5);
    await log.append({ topic: 'orders', partition: 4 }, valuesBatch('p4', 2));
    await log.close();
    log = await t.open();
    expect(await log.describeTopic('orders')).toMatchObject({ partitions: 5, topicId: d!.topicId });
    expect((await log.offsets({ topic: 'orders', partition: 4 })).highWatermark).toBe(2n);

    await log.deleteTopic('orders');
    expect(await log.describeTopic('orders')).toBeUndefined();
    expect(await codeOf(log.read({ topic: 'orders', partition: 0 }, 0n, 100))).toBe('GALE_ERR_LOG_UNKNOWN_TOPIC');
    await log.createTopic('orders', { partitions: 1 });
    expect((await log.offsets(tp)).highWatermark).toBe(0n); // a new topic, not the old data
  });

  it('answers bad requests with typed errors that carry Kafka error codes', async () => {
    await log.createTopic('orders', { partitions: 1 });
    expect(await codeOf(log.createTopic('orders', { partitions: 1 }))).toBe('GALE_ERR_LOG_TOPIC_EXISTS');
    expect(await codeOf(log.createTopic('bad name!', { partitions: 1 }))).toBe('GALE_ERR_LOG_INVALID_TOPIC');
    expect(await codeOf(log.createTopic('x'.repeat(250), { partitions: 1 }))).toBe('GALE_ERR_LOG_INVALID_TOPIC');
    expect(await codeOf(log.createTopic('__consumer_offsets', { partitions: 1 }))).toBe('GALE_ERR_LOG_INVALID_TOPIC');
    expect(await codeOf(log.createTopic('z', { partitions: 0 }))).toBe('GALE_ERR_LOG_INVALID_PARTITIONS');
    expect(await codeOf(log.createTopic('z', { partitions: 1, configs: { 'no.such.config': '1' } }))).toBe('GALE_ERR_LOG_INVALID_CONFIG');
    expect(await codeOf(log.createTopic('z', { partitions: 1, configs: { 'retention.ms': 'soon' } }))).toBe('GALE_ERR_LOG_INVALID_CONFIG');
    expect(await codeOf(log.createTopic('z', { partitions: 1, configs: { 'cleanup.policy': 'shred' } }))).toBe('GALE_ERR_LOG_INVALID_CONFIG');
    expect(await codeOf(log.createPartitions('orders', 1))).toBe('GALE_ERR_LOG_INVALID_PARTITIONS');
    expect(await codeOf(log.append({ topic: 'nope', partition: 0 }, valuesBatch('a', 1)))).toBe('GALE_ERR_LOG_UNKNOWN_TOPIC');
    expect(await codeOf(log.append({ topic: 'orders', partition: 1 }, valuesBatch('a', 1)))).toBe('GALE_ERR_LOG_UNKNOWN_PARTITION');
    expect(await codeOf(log.append({ topic: '__consumer_offsets', partition: 0 }, valuesBatch('a', 1)))).toBe('GALE_ERR_LOG_INVALID_TOPIC');
    expect(await codeOf(log.deleteTopic('__consumer_offsets'))).toBe('GALE_ERR_LOG_INVALID_TOPIC');
    expect(await codeOf(log.read(tp, 1n, 100))).toBe('GALE_ERR_LOG_OFFSET_OUT_OF_RANGE');
    expect(await codeOf(log.read(tp, -1n, 100))).toBe('GALE_ERR_LOG_OFFSET_OUT_OF_RANGE');
    const corrupt = valuesBatch('a', 3);
    corrupt[corrupt.length - 1]! ^= 0xff;
    expect(await codeOf(log.append(tp, corrupt))).toBe('GALE_ERR_LOG_CORRUPT_BATCH');
    expect(await codeOf(log.append(tp, Buffer.from('not a batch at all, clearly')))).toBe('GALE_ERR_LOG_CORRUPT_BATCH');
    await log.alterConfigs('orders', { set: { 'max.message.bytes': '200' } });
    expect(await codeOf(log.append(tp, valuesBatch('big', 50)))).toBe('GALE_ERR_LOG_BATCH_TOO_LARGE');
    // nothing bad got in, and the partition still works
    expect((await log.append(tp, valuesBatch('ok', 1))).baseOffset).toBe(0n);
    // every code maps to a Kafka error number and is documented
    for (const code of logErrorCodes) {
      expect(Number.isInteger(logErrors[code].kafka)).toBe(true);
      expect(logErrors[code].about.length).toBeGreaterThan(10);
    }
  });

  it('alters configs incrementally, resets to defaults, and replaces the whole set', async () => {
    await log.createTopic('orders', { partitions: 1, configs: { 'retention.ms': '5' } });
    let d = await log.alterConfigs('orders', { set: { 'cleanup.policy': 'compact' } });
    expect(d.explicitConfigs).toEqual({ 'retention.ms': '5', 'cleanup.policy': 'compact' });
    d = await log.alterConfigs('orders', { reset: ['retention.ms'] });
    expect(d.configs['retention.ms']).toBe('604800000');
    d = await log.alterConfigs('orders', { set: { 'segment.ms': '100' }, replace: true });
    expect(d.explicitConfigs).toEqual({ 'segment.ms': '100' });
    d = await log.alterConfigs('orders', { set: { 'segment.ms': '7' }, validateOnly: true });
    expect(d.explicitConfigs).toEqual({ 'segment.ms': '100' });
    expect(await codeOf(log.alterConfigs('orders', { set: { 'segment.bytes': '3' } }))).toBe('GALE_ERR_LOG_INVALID_CONFIG');
  });
});

describe('EmbeddedLog append and read', () => {
  it.each(compressionCodecs)('round-trips %s batches through append and read', async (codec) => {
    await log.createTopic('orders', { partitions: 1 });
    const expected: string[] = [];
    for (let b = 0; b < 5; b++) {
      const records = Array.from({ length: 20 }, (_, i) => ({ key: `k${i % 4}`, value: `${codec}-${b}-${i}-${'v'.repeat(i)}`, headers: [{ key: 'n', value: String(i) }] }));
      expected.push(...records.map((r) => r.value));
      const res = await log.append(tp, await encodeRecordBatchAsync({ records, compression: codec }));
      expect(res.baseOffset).toBe(BigInt(b * 20));
      expect(res.lastOffset).toBe(BigInt(b * 20 + 19));
    }
    const all = await readAll(log, tp, 0n, 700);
    expect(all.map((r) => r.value)).toEqual(expected);
    expect(all.map((r) => r.offset)).toEqual(expected.map((_, i) => BigInt(i)));
    const { records } = await log.read(tp, 0n, 1 << 20);
    for (const s of splitBatches(records)) expect(readBatchHeader(records, s.at).compression).toBe(codec);
  });

  it('returns whole batches: the first may start before `from`, at least one even over budget, none past the high watermark', async () => {
    await log.createTopic('orders', { partitions: 1 });
    for (let i = 0; i < 4; i++) await log.append(tp, valuesBatch(`b${i}`, 10));
    const mid = await log.read(tp, 15n, 1);
    const batches = decodeRecordBatches(mid.records);
    expect(batches.map((b) => b.header.baseOffset)).toEqual([10n]); // the batch holding 15, whole, over the 1-byte budget
    expect(mid.highWatermark).toBe(40n);
    const two = await log.read(tp, 10n, mid.records.length * 2);
    expect(decodeRecordBatches(two.records).map((b) => b.header.baseOffset)).toEqual([10n, 20n]);
    expect((await log.read(tp, 40n, 1000)).records.length).toBe(0);
  });

  it('rejects a batch with a bad CRC in a shared write cycle without touching its neighbours', async () => {
    await log.createTopic('orders', { partitions: 1 });
    const bad = valuesBatch('bad', 2);
    bad[bad.length - 2]! ^= 0x10;
    const outcomes = await Promise.allSettled([log.append(tp, valuesBatch('a', 3)), log.append(tp, bad), log.append(tp, valuesBatch('c', 1))]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(((outcomes[1] as PromiseRejectedResult).reason as { code: string }).code).toBe('GALE_ERR_LOG_CORRUPT_BATCH');
    const all = await readAll(log, tp);
    // the rejected batch's offsets (3, 4) stay a gap, as after compaction
    expect(all.map((r) => `${r.offset}:${r.value}`)).toEqual(['0:a-0', '1:a-1', '2:a-2', '5:c-0']);
    await log.close();
    log = await t.open();
    expect((await readAll(log, tp)).length).toBe(4);
  });

  it('gives concurrent appenders consecutive offsets in call order', async () => {
    await log.createTopic('orders', { partitions: 1 });
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => log.append(tp, valuesBatch(`p${i}`, 1 + (i % 3)))));
    let expected = 0n;
    results.forEach((r, i) => {
      expect(r.baseOffset).toBe(expected);
      expected += BigInt(1 + (i % 3));
    });
    const values = (await readAll(log, tp)).map((r) => r.value);
    expect(values[0]).toBe('p0-0');
    expect(values.at(-1)).toBe(`p49-${49 % 3}`);
  });

  it('stamps LogAppendTime batches with the log clock, recomputing their CRC', async () => {
    const clock = new VirtualClock(1_234_567_000);
    await log.close();
    log = await t.open({ clock });
    await log.createTopic('orders', { partitions: 1, configs: { 'message.timestamp.type': 'LogAppendTime' } });
    const res = await log.append(tp, valuesBatch('a', 3, 5));
    expect(res.logAppendTime).toBe(1_234_567_000n);
    const all = await readAll(log, tp);
    expect(all.map((r) => r.timestamp)).toEqual([1_234_567_000, 1_234_567_000, 1_234_567_000]);
  });

  it('acks=0 resolves at once with the assigned offsets and the data still lands', async () => {
    await log.createTopic('orders', { partitions: 1 });
    const r = await log.append(tp, valuesBatch('z', 2), { acks: 0 });
    expect(r.baseOffset).toBe(0n);
    expect(await log.waitForData(tp, 1n, 5000)).toBe(true);
  });

  it('deleteRecords advances the log start offset, durably', async () => {
    await log.createTopic('orders', { partitions: 1 });
    for (let i = 0; i < 3; i++) await log.append(tp, valuesBatch(`b${i}`, 10));
    expect(await log.deleteRecords(tp, 12n)).toBe(12n);
    expect(await codeOf(log.read(tp, 11n, 100))).toBe('GALE_ERR_LOG_OFFSET_OUT_OF_RANGE');
    expect((await readAll(log, tp, 12n))[0]!.offset).toBe(12n);
    expect(await codeOf(log.deleteRecords(tp, 31n))).toBe('GALE_ERR_LOG_OFFSET_OUT_OF_RANGE');
    await log.close();
    log = await t.open();
    expect(await log.offsets(tp)).toEqual({ logStart: 12n, highWatermark: 30n });
    expect(await log.deleteRecords(tp, -1n)).toBe(30n);
    expect(await log.offsets(tp)).toEqual({ logStart: 30n, highWatermark: 30n });
  });
});

describe('EmbeddedLog flush policies', () => {
  it('always: one fdatasync per write cycle; os: none on the ack path; interval: in the background', async () => {
    await log.createTopic('orders', { partitions: 1 });
    for (let i = 0; i < 3; i++) await log.append(tp, valuesBatch('a', 1));
    expect((await log.partitionState(tp)).fsyncs).toBe(3);
    await log.close();

    log = await t.open({ flush: 'os' });
    for (let i = 0; i < 3; i++) await log.append(tp, valuesBatch('b', 1));
    expect((await log.partitionState(tp)).fsyncs).toBe(0);
    await log.flush();
    expect((await log.partitionState(tp)).fsyncs).toBe(1);
    await log.close();

    log = await t.open({ flush: 'interval:10' });
    await log.append(tp, valuesBatch('c', 1));
    expect((await log.partitionState(tp)).fsyncs).toBe(0); // acked before any fsync
    for (let i = 0; i < 500 && (await log.partitionState(tp)).fsyncs === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect((await log.partitionState(tp)).fsyncs).toBe(1);
    expect((await readAll(log, tp)).map((r) => r.value)).toEqual(['a-0', 'a-0', 'a-0', 'b-0', 'b-0', 'b-0', 'c-0']);
    expect(await codeOf(t.open({ flush: 'sometimes' }))).toBe('GALE_ERR_LOG_INVALID_REQUEST');
  });
});

describe('EmbeddedLog long polls', () => {
  it('waitForData resolves on new data, on timeout and on abort, leaving no waiters behind', async () => {
    await log.createTopic('orders', { partitions: 1 });
    const waiting = log.waitForData(tp, 0n, 10_000);
    await log.append(tp, valuesBatch('a', 1));
    expect(await waiting).toBe(true);
    expect(await log.waitForData(tp, 0n, 10_000)).toBe(true); // already there
    expect(await log.waitForData(tp, 1n, 20)).toBe(false);
    const ac = new AbortController();
    const aborted = log.waitForData(tp, 1n, 10_000, ac.signal);
    ac.abort();
    expect(await aborted).toBe(false);
    const closing = log.waitForData(tp, 1n, 10_000);
    await log.close();
    expect(await closing).toBe(false);
  });
});

describe('EmbeddedLog consumer-group offsets', () => {
  it('commits, fetches and deletes offsets with metadata, and keeps them across restarts', async () => {
    await log.createTopic('orders', { partitions: 2 });
    await log.commitOffsets('g1', [
      { topic: 'orders', partition: 0, offset: 10n, metadata: 'meta-0' },
      { topic: 'orders', partition: 1, offset: 3n },
    ]);
    await log.commitOffsets('g1', [{ topic: 'orders', partition: 0, offset: 12n, metadata: 'meta-1' }]);
    await log.commitOffsets('g2', [{ topic: 'orders', partition: 1, offset: 7n, metadata: null }]);
    expect(await codeOf(log.commitOffsets('g1', [{ topic: 'nope', partition: 0, offset: 1n }]))).toBe('GALE_ERR_LOG_UNKNOWN_TOPIC');
    await log.close();
    log = await t.open();
    expect(await log.committedOffsets('g1', [tp, { topic: 'orders', partition: 1 }])).toEqual([
      { topic: 'orders', partition: 0, offset: 12n, metadata: 'meta-1' },
      { topic: 'orders', partition: 1, offset: 3n, metadata: '' },
    ]);
    expect(await log.committedOffsets('g3', [tp])).toEqual([{ topic: 'orders', partition: 0, offset: -1n, metadata: null }]);
    expect((await log.groupsWithCommittedOffsets()).sort()).toEqual(['g1', 'g2']);
    await log.deleteCommittedOffsets('g1', [tp]);
    await log.deleteTopic('orders'); // takes g2's offsets with it
    await log.close();
    log = await t.open();
    expect(await log.allCommittedOffsets('g1')).toEqual([]);
    expect(await log.groupsWithCommittedOffsets()).toEqual([]);
  });

  it('compacting __consumer_offsets keeps the latest commit of every partition', async () => {
    await log.close();
    log = await t.open({ offsetsTopicPartitions: 1 });
    await log.createTopic('orders', { partitions: 4 });
    await log.alterConfigs('__consumer_offsets', { set: { 'segment.bytes': '400' } });
    for (let i = 0; i < 40; i++) await log.commitOffsets('g', [{ topic: 'orders', partition: i % 4, offset: BigInt(i), metadata: `m${i}` }]);
    const results = await log.runCompaction({ force: true });
    expect(results.length).toBe(1);
    expect(results[0]!.recordsAfter).toBeLessThan(results[0]!.recordsBefore);
    await log.close();
    log = await t.open();
    expect((await log.allCommittedOffsets('g')).sort((a, b) => a.partition - b.partition)).toEqual(
      [36, 37, 38, 39].map((i) => ({ topic: 'orders', partition: i % 4, offset: BigInt(i), metadata: `m${i}` })),
    );
  });
});
