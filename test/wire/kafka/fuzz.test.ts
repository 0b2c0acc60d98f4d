/**
 * Bounded fuzz: thousands of frames — valid requests of every offered API
 * at random versions built from the specs, the same with flipped bytes,
 * truncated bodies, lying size prefixes, and plain garbage — over many
 * pipelined connections, while a kafkajs producer keeps sending. The broker
 * must stay up, close only the bad connections, and kafkajs must see every
 * message it sent, during and after.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeToBuffer, isFlexible, planFor } from '../../../src/kafka/protocol/codec.js';
import { defaultRegistry } from '../../../src/kafka/registry.js';
import { Rng, sampleStruct } from '../../unit/kafka/protocol/sample.js';
import { startBroker, type TestBroker } from './broker.js';

const FRAMES = 4000;
const PARALLEL = 24;

let broker: TestBroker;

beforeAll(async () => {
  broker = await startBroker({ maxFrameBytes: 4 * 1024 * 1024 });
});
afterAll(async () => {
  await broker.stop();
});

const offered = defaultRegistry().offered;

function validFrame(rng: Rng, correlationId: number): Buffer {
  const def = offered[rng.int(offered.length)]!;
  const span = def.advertised.max - def.advertised.min + 1;
  const version = def.advertised.min + rng.int(span);
  const body = encodeToBuffer(def.spec.request, version, sampleStruct(planFor(def.spec.request, version), rng));
  const clientId = Buffer.from('fuzz');
  const head = Buffer.alloc(14);
  head.writeInt32BE(0, 0);
  head.writeInt16BE(def.spec.apiKey, 4);
  head.writeInt16BE(rng.int(20) === 0 ? version + 1 + rng.int(50) : version, 6);
  head.writeInt32BE(correlationId, 8);
  head.writeInt16BE(clientId.length, 12);
  const tags = isFlexible(def.spec.request, version) ? Buffer.from([0]) : Buffer.alloc(0);
  const frame = Buffer.concat([head, clientId, tags, body]);
  frame.writeInt32BE(frame.length - 4, 0);
  return frame;
}

/** Flipped bytes or a cut body: the frame boundary stays intact, so the decoder sees it. */
function damage(rng: Rng, frame: Buffer): Buffer {
  if (rng.int(2) === 0) {
    const f = Buffer.from(frame);
    for (let i = 0, n = 1 + rng.int(4); i < n; i++) f[4 + rng.int(f.length - 4)] = rng.int(256);
    return f;
  }
  const cut = 4 + rng.int(frame.length - 4);
  const f = Buffer.from(frame.subarray(0, cut));
  f.writeInt32BE(cut - 4, 0);
  return f;
}

/** Breaks framing itself: garbage, a size that lies, or a size past the limit. */
function garbage(rng: Rng, frame: Buffer): Buffer {
  const kind = rng.int(3);
  if (kind === 0) {
    const f = Buffer.from(frame);
    f.writeInt32BE(frame.length - 4 + 1 + rng.int(1000), 0); // claims more than follows
    return f;
  }
  const g = Buffer.from(Array.from({ length: 4 + rng.int(200) }, () => rng.int(256)));
  if (kind === 1) g.writeInt32BE(g.length - 4, 0);
  return g;
}

/**
 * One connection's frames: a few valid requests (answered), then one damaged
 * request (it closes the connection), sometimes framing garbage after it.
 * Frames after the first fatal one are never read, so each connection ends
 * with its fatal frame.
 */
function connectionFrames(rng: Rng, nextId: () => number): Buffer[] {
  const frames = Array.from({ length: rng.int(6) }, () => validFrame(rng, nextId()));
  const r = rng.int(10);
  if (r < 6) frames.push(damage(rng, validFrame(rng, nextId())));
  else if (r < 9) frames.push(garbage(rng, validFrame(rng, nextId())));
  return frames;
}

/** One fuzz connection: writes its frames back to back, reads whatever comes, closes. */
function fuzzConnection(port: number, frames: Buffer[]): Promise<void> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    const done = (): void => {
      clearTimeout(timer);
      s.destroy();
      resolve();
    };
    const timer = setTimeout(done, 100);
    s.on('error', done);
    s.on('close', done);
    s.on('data', () => {});
    s.on('connect', () => s.write(Buffer.concat(frames)));
  });
}

describe('kafka fuzz', () => {
  it('survives thousands of random and mutated frames while kafkajs keeps working', async () => {
    const topic = 'fuzz-good';
    const admin = broker.kafka().admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 2 }] });
    const producer = broker.kafka().producer();
    await producer.connect();
    const sent: string[] = [];
    let producing = true;
    const producerLoop = (async () => {
      for (let i = 0; producing; i++) {
        const value = `good-${i}`;
        await producer.send({ topic, acks: -1, messages: [{ key: String(i % 7), value }] });
        sent.push(value);
      }
    })();

    const rng = new Rng(20240601);
    let correlation = 1;
    let frameCount = 0;
    let rounds = 0;
    while (frameCount < FRAMES) {
      const batch: Promise<void>[] = [];
      for (let c = 0; c < PARALLEL; c++) {
        const frames = connectionFrames(rng, () => correlation++);
        frameCount += frames.length;
        batch.push(fuzzConnection(broker.server.port, frames));
      }
      await Promise.all(batch);
      if (++rounds % 10 !== 0) continue;
      // the well-behaved client is served in between
      expect((await admin.fetchTopicOffsets(topic)).length).toBe(2);
    }
    producing = false;
    await producerLoop;
    await producer.disconnect();

    // every message kafkajs sent is in the log, exactly once
    const offsets = await admin.fetchTopicOffsets(topic);
    const total = offsets.reduce((a, o) => a + Number(o.high) - Number(o.low), 0);
    expect(total).toBe(sent.length);
    expect(sent.length).toBeGreaterThan(10);
    const consumer = broker.kafka().consumer({ groupId: 'fuzz-check', maxWaitTimeInMs: 100 });
    const seen = new Set<string>();
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`saw ${seen.size}/${sent.length}`)), 30_000);
      void consumer.run({
        eachMessage: async ({ message }) => {
          seen.add(message.value!.toString());
          if (seen.size >= sent.length) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
    await consumer.disconnect();
    await admin.disconnect();
    expect([...seen].sort()).toEqual([...sent].sort());
    // bad frames were noticed and cost only their own connections
    expect(broker.warnings.some((w) => /closing connection/.test(w))).toBe(true);
    // and no handler fell over on a request that decoded: those would be programming errors
    expect(broker.warnings.filter((w) => /TypeError|ReferenceError|RangeError|is not a function|Cannot read/.test(w))).toEqual([]);
  });
});
