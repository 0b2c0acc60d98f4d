/**
 * Legacy message formats, both ways.
 * Fetch v0-3 predate record batches: they are answered with magic 0 (v0-1)
 * or magic 1 (v2-3) messages, as Kafka down-converts (segmentio/kafka-go 0.2,
 * Debian golang-github-segmentio-kafka-go-dev, reads Fetch v2 and could not
 * parse magic 2).
 * Producers that still send legacy message sets — sarama configured for
 * Kafka 0.10.x sends Produce v2 with magic-1 messages, older setups Produce
 * v0 with magic 0 — are up-converted to v2 batches (as Kafka does) and read
 * back by an ordinary consumer. Before, the broker read them as v2 batches
 * and answered CORRUPT_MESSAGE. Frames are built byte for byte as sarama
 * 1.22 (Debian golang-github-shopify-sarama-dev) sends them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { fetchApi } from '../../../src/kafka/apis/fetch/spec.js';
import { produceApi } from '../../../src/kafka/apis/produce/spec.js';
import { upConvertMessageSet } from '../../../src/kafka/apis/produce/legacy-message-set.js';
import { decodeRecordBatches } from '../../../src/log/record-batch/index.js';
import { startBroker, type TestBroker } from './broker.js';
import { legacyMessage } from './legacy-messages.js';
import { RawClient } from './raw-client.js';
import { runProcess } from './group-support.js';

/** kafka-python (Debian python3-kafka) pinned to an old broker version: 0.9 sends magic 0, 0.10.1 magic 1 */
const pinnedKafkaPython = `
import json, sys
from kafka import KafkaProducer, KafkaConsumer, TopicPartition
bs, ver, topic = sys.argv[1], tuple(int(x) for x in sys.argv[2].split('.')), sys.argv[3]
p = KafkaProducer(bootstrap_servers=bs, api_version=ver, compression_type='gzip')
for i in range(5): p.send(topic, key=b'k%d' % i, value=b'gzip %d' % i)
p.flush()
p = KafkaProducer(bootstrap_servers=bs, api_version=ver)
offsets = [p.send(topic, key=b'k%d' % i, value=b'plain %d' % i).get(timeout=10).offset for i in range(5, 8)]
c = KafkaConsumer(topic, bootstrap_servers=bs, api_version=ver, group_id=topic + '-g', auto_offset_reset='earliest', consumer_timeout_ms=8000)
got = []
for m in c:
    got.append([m.offset, m.key.decode(), m.value.decode()])
    if len(got) == 8: break
c.commit()
print(json.dumps({'offsets': offsets, 'got': got, 'committed': c.committed(TopicPartition(topic, 0))}))
c.close()
`;

let broker: TestBroker;
beforeAll(async () => {
  broker = await startBroker();
});
afterAll(async () => {
  await broker?.stop();
});

describe('legacy message sets on produce', () => {
  it('magic 0 (Produce v0) and magic 1 (Produce v2, plain and gzip) are stored as v2 and consumed normally', async () => {
    const topic = 'legacy-produce';
    await broker.log.createTopic(topic, { partitions: 1 });
    const c = await RawClient.connect(broker.server.port);
    const produce = async (version: number, records: Buffer) => {
      const r = await c.request(produceApi, version, { transactionalId: null, acks: -1, timeoutMs: 5000, topicData: [{ name: topic, partitionData: [{ index: 0, records }] }] });
      return r.responses[0]!.partitionResponses[0]!;
    };
    try {
      expect(await produce(0, legacyMessage({ magic: 0, key: 'k0', value: 'magic zero' }))).toMatchObject({ errorCode: 0, baseOffset: 0n });
      const plain = Buffer.concat([
        legacyMessage({ magic: 1, timestamp: 1_600_000_000_000, key: 'k1', value: 'magic one a' }),
        legacyMessage({ magic: 1, timestamp: 1_600_000_001_000, key: null, value: 'magic one b', offset: 1 }),
      ]);
      expect(await produce(2, plain)).toMatchObject({ errorCode: 0, baseOffset: 1n });
      const inner = Buffer.concat([
        legacyMessage({ magic: 1, timestamp: 1_600_000_002_000, key: 'g1', value: 'gzip a' }),
        legacyMessage({ magic: 1, timestamp: 1_600_000_003_000, key: 'g2', value: 'gzip b', offset: 1 }),
      ]);
      const wrapper = legacyMessage({ magic: 1, attributes: 1, timestamp: 1_600_000_003_000, key: null, value: gzipSync(inner), offset: 1 });
      expect(await produce(2, wrapper)).toMatchObject({ errorCode: 0, baseOffset: 3n });
      // a damaged legacy message is refused, the connection stays usable
      const bad = Buffer.from(legacyMessage({ magic: 1, timestamp: 1, key: 'x', value: 'damaged' }));
      bad.writeUInt8(bad.readUInt8(bad.length - 1) ^ 0xff, bad.length - 1);
      expect(await produce(2, bad)).toMatchObject({ errorCode: 2 });
    } finally {
      c.close();
    }

    const consumer = broker.kafka().consumer({ groupId: 'legacy-produce-reader' });
    await consumer.connect();
    const got: { offset: string; key: string | null; value: string; timestamp: string }[] = [];
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        consumer
          .run({
            eachMessage: async ({ message }) => {
              got.push({ offset: message.offset, key: message.key?.toString() ?? null, value: message.value!.toString(), timestamp: message.timestamp });
              if (got.length === 5) resolve();
            },
          })
          .catch(reject);
      });
    } finally {
      await consumer.disconnect();
    }
    expect(got.map((m) => [m.offset, m.key, m.value])).toEqual([
      ['0', 'k0', 'magic zero'],
      ['1', 'k1', 'magic one a'],
      ['2', null, 'magic one b'],
      ['3', 'g1', 'gzip a'],
      ['4', 'g2', 'gzip b'],
    ]);
    expect(got.slice(1).map((m) => m.timestamp)).toEqual(['1600000000000', '1600000001000', '1600000002000', '1600000003000']);
    expect((await broker.log.offsets({ topic, partition: 0 })).highWatermark).toBe(5n);
  });

  for (const version of ['0.9', '0.10.1']) {
    it(`kafka-python pinned to api_version ${version} produces (plain and gzip), consumes and commits`, async () => {
      const topic = `legacy-kafka-python-${version}`;
      await broker.log.createTopic(topic, { partitions: 1 });
      const r = await runProcess('/usr/bin/python3', ['-c', pinnedKafkaPython, broker.bootstrap, version, topic], 60_000);
      expect(r.code, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout) as { offsets: number[]; got: [number, string, string][]; committed: number };
      expect(out.offsets).toEqual([5, 6, 7]);
      expect(out.got).toEqual([
        ...Array.from({ length: 5 }, (_, i) => [i, `k${i}`, `gzip ${i}`]),
        ...Array.from({ length: 3 }, (_, i) => [i + 5, `k${i + 5}`, `plain ${i + 5}`]),
      ]);
      expect(out.committed).toBe(8);
    });
  }

  it('Fetch v0-3 get legacy messages (magic 0 / 1) from a v2 log, from the fetch offset on; v4 gets the batches', async () => {
    const topic = 'legacy-fetch';
    await broker.log.createTopic(topic, { partitions: 1 });
    const producer = broker.kafka().producer();
    await producer.connect();
    try {
      await producer.send({ topic, compression: 1, messages: [0, 1, 2].map((i) => ({ key: `k${i}`, value: `v${i}`, timestamp: String(1_700_000_000_000 + i), headers: { h: 'x' } })) });
    } finally {
      await producer.disconnect();
    }
    const c = await RawClient.connect(broker.server.port);
    const fetchAt = async (version: number, offset: bigint) => {
      const r = await c.request(fetchApi, version, {
        replicaId: -1,
        maxWaitMs: 0,
        minBytes: 0,
        topics: [{ topic, partitions: [{ partition: 0, fetchOffset: offset, partitionMaxBytes: 1 << 20 }] }],
      });
      const p = r.responses[0]!.partitions[0]!;
      expect(p.errorCode).toBe(0);
      return Buffer.from(p.records!);
    };
    const magics = (set: Buffer) => {
      const out: [bigint, number][] = [];
      for (let at = 0; at < set.length; at += 12 + set.readInt32BE(at + 8)) out.push([set.readBigInt64BE(at), set[at + 16]!]);
      return out;
    };
    try {
      for (const [version, magic] of [[0, 0], [1, 0], [2, 1], [3, 1]] as const) {
        const set = await fetchAt(version, 1n);
        expect(magics(set), `Fetch v${version}`).toEqual([[1n, magic], [2n, magic]]);
        // the messages parse (CRC-32 checked) back into the same keys and values
        const back = decodeRecordBatches(upConvertMessageSet(set, 0))[0]!;
        expect(back.records.map((r) => [r.key!.toString(), r.value!.toString(), magic === 1 ? r.timestamp : 'none'])).toEqual([
          ['k1', 'v1', magic === 1 ? 1_700_000_000_001 : 'none'],
          ['k2', 'v2', magic === 1 ? 1_700_000_000_002 : 'none'],
        ]);
      }
      const v4 = await fetchAt(4, 1n);
      expect(v4[16]).toBe(2);
      expect(decodeRecordBatches(v4)[0]!.records).toHaveLength(3);
    } finally {
      c.close();
    }
  });
});
