/**
 * Codec rules the round trip cannot show: unknown tagged fields are skipped,
 * malformed input becomes a typed error (never a crash or a huge
 * allocation), defaults fill what a version lacks, and encoders refuse a
 * null where the version has no null.
 */
import { describe, expect, it } from 'vitest';
import { fetchApi } from '../../../../src/kafka/apis/fetch/spec.js';
import { metadataApi } from '../../../../src/kafka/apis/metadata/spec.js';
import { KafkaError } from '../../../../src/kafka/errors.js';
import { decodeMessage, encodeToBuffer } from '../../../../src/kafka/protocol/codec.js';
import { ByteReader } from '../../../../src/wire/byte-reader.js';

describe('kafka codec edge cases', () => {
  it('skips tagged fields it does not know and reads the ones it does', () => {
    // MetadataRequest v9: topics (compact array, 1 topic "t" + tags), three bools, tags
    const body = Buffer.from([
      0x02, 0x02, 0x74, 0x00, // topics: [ { name: "t", no tags } ]
      0x01, 0x00, 0x00, // allowAutoTopicCreation, includeClusterAuthorizedOperations, includeTopicAuthorizedOperations
      0x02, 0x05, 0x02, 0xaa, 0xbb, 0x07, 0x00, // two unknown tags (5: 2 bytes, 7: empty)
    ]);
    const r = new ByteReader(body);
    const m = decodeMessage<{ topics: { name: string }[]; allowAutoTopicCreation: boolean }>(metadataApi.request, 9, r);
    expect(r.remaining).toBe(0);
    expect(m.topics).toEqual([{ name: 't' }]);
    expect(m.allowAutoTopicCreation).toBe(true);
  });

  it('writes a tagged field only when it differs from its default', () => {
    const base = { replicaId: -1, maxWaitMs: 1, minBytes: 1, topics: [], forgottenTopicsData: [], rackId: '' };
    const without = encodeToBuffer(fetchApi.request, 12, base);
    const withCluster = encodeToBuffer(fetchApi.request, 12, { ...base, clusterId: 'abc' });
    expect(without[without.length - 1]).toBe(0); // empty tag block
    const back = decodeMessage<{ clusterId: string | null }>(fetchApi.request, 12, new ByteReader(withCluster));
    expect(back.clusterId).toBe('abc');
  });

  it('fills fields a version lacks with their defaults', () => {
    const v0 = encodeToBuffer(fetchApi.request, 0, { replicaId: -1, maxWaitMs: 100, minBytes: 1, topics: [] });
    const m = decodeMessage<Record<string, unknown>>(fetchApi.request, 0, new ByteReader(v0));
    expect(m).toMatchObject({ maxBytes: 0x7fffffff, isolationLevel: 0, sessionId: 0, sessionEpoch: -1, rackId: '', clusterId: null });
  });

  it('turns malformed input into typed errors', () => {
    const decode = (bytes: number[]): unknown => decodeMessage(metadataApi.request, 1, new ByteReader(Buffer.from(bytes)));
    // an array claiming 2^31-1 elements in 4 bytes: refused before allocating
    expect(() => decode([0x7f, 0xff, 0xff, 0xff])).toThrow(KafkaError);
    // a string longer than what follows
    expect(() => decode([0, 0, 0, 1, 0, 9, 0x61])).toThrow(/need 9 bytes/);
    // tags out of order in a flexible version
    expect(() => decodeMessage(metadataApi.request, 9, new ByteReader(Buffer.from([0x01, 0, 0, 0, 0x02, 0x05, 0x00, 0x01, 0x00])))).toThrow(/out of order/);
    // null where v0 has no null
    expect(() => decodeMessage(metadataApi.request, 0, new ByteReader(Buffer.from([0xff, 0xff, 0xff, 0xff])))).toThrow(/null in a non-nullable array/);
  });

  it('refuses to encode null where the version has no null', () => {
    expect(() => encodeToBuffer(metadataApi.request, 0, { topics: null })).toThrow(/not nullable/);
    expect(() => encodeToBuffer(metadataApi.request, 1, { topics: null })).not.toThrow();
  });
});
