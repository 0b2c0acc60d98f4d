/**
 * Every spec the broker advertises round-trips at every advertised version,
 * both directions: sample → encode → decode deep-equals the sample, and
 * decoded → encode gives the same bytes. Requests and responses alike (the
 * server decodes one and encodes the other; clients do the reverse).
 */
import { describe, expect, it } from 'vitest';
import { decodeMessage, encodeToBuffer, planFor } from '../../../../src/kafka/protocol/codec.js';
import type { MessageSpec } from '../../../../src/kafka/protocol/spec.js';
import { defaultRegistry } from '../../../../src/kafka/registry.js';
import { ByteReader } from '../../../../src/wire/byte-reader.js';
import { Rng, sampleStruct } from './sample.js';

const registry = defaultRegistry();

function roundTrip(spec: MessageSpec, version: number, seed: number): void {
  const sample = sampleStruct(planFor(spec, version), new Rng(seed));
  const bytes = encodeToBuffer(spec, version, sample);
  const r = new ByteReader(bytes);
  const decoded = decodeMessage(spec, version, r);
  expect(r.remaining, 'decoder consumed every byte').toBe(0);
  expect(decoded).toEqual(sample);
  expect(encodeToBuffer(spec, version, decoded).equals(bytes), 'decoded value re-encodes to the same bytes').toBe(true);
}

describe('codec round trip over every advertised version', () => {
  for (const def of registry.offered) {
    for (let v = def.advertised.min; v <= def.advertised.max; v++) {
      for (const spec of [def.spec.request, def.spec.response]) {
        it(`${spec.name} v${v}`, () => {
          for (let seed = 1; seed <= 8; seed++) roundTrip(spec, v, seed * 7919 + v);
        });
      }
    }
  }
});
