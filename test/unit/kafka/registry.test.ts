/**
 * Registry completeness, both ways: every advertised (api key, version) has
 * a spec that decodes it and a handler; the broker offers exactly the APIs
 * the target clients need (protocols.md A2.1) and lists the rest as not
 * implemented; an exemption that is no longer needed fails the test.
 */
import { describe, expect, it } from 'vitest';
import { planFor } from '../../../src/kafka/protocol/codec.js';
import { parseVersions } from '../../../src/kafka/protocol/versions.js';
import { defaultRegistry } from '../../../src/kafka/registry.js';

const registry = defaultRegistry();

/** What protocols.md A2.1 says to advertise (min..max), by api key. */
const expected: Record<number, [number, number]> = {
  0: [0, 7], 1: [0, 12], 2: [0, 7], 3: [0, 9], 8: [0, 8], 9: [0, 8], 10: [0, 4], 11: [0, 6], 12: [0, 4], 13: [0, 4],
  14: [0, 4], 15: [0, 5], 16: [0, 4], 17: [0, 1], 18: [0, 3], 19: [0, 7], 20: [0, 6], 21: [0, 2], 22: [0, 4],
  32: [0, 4], 33: [0, 2], 36: [0, 2], 37: [0, 3], 42: [0, 2], 44: [0, 1], 60: [0, 1],
};

/** Keys A2.1 lists that Gale may not offer yet, with the reason. Must only shrink. */
const exemptions: Record<number, string> = {};

describe('kafka registry', () => {
  it('every advertised version has a request and response spec and a handler', () => {
    for (const d of registry.offered) {
      expect(typeof d.handler).toBe('function');
      const req = parseVersions(d.spec.request.validVersions);
      const res = parseVersions(d.spec.response.validVersions);
      for (let v = d.advertised.min; v <= d.advertised.max; v++) {
        expect(v >= req.min && v <= req.max, `${d.spec.name} request v${v}`).toBe(true);
        expect(v >= res.min && v <= res.max, `${d.spec.name} response v${v}`).toBe(true);
        expect(() => planFor(d.spec.request, v)).not.toThrow();
        expect(() => planFor(d.spec.response, v)).not.toThrow();
      }
      expect(d.spec.request.apiKey).toBe(d.spec.apiKey);
      expect(d.spec.response.apiKey).toBe(d.spec.apiKey);
    }
  });

  it('offers exactly the ranges the target clients need', () => {
    const offered = Object.fromEntries(registry.offered.map((d) => [d.spec.apiKey, [d.advertised.min, d.advertised.max]]));
    for (const [key, range] of Object.entries(expected)) {
      if (exemptions[Number(key)] !== undefined) {
        expect(offered[key], `api ${key} is offered now: remove its exemption`).toBeUndefined();
        continue;
      }
      expect(offered[key], `api ${key}`).toEqual(range);
    }
    for (const key of Object.keys(offered)) expect(expected[Number(key)], `api ${key} offered but not expected`).toBeDefined();
  });

  it('lists deliberately missing APIs, none of them offered', () => {
    for (const n of registry.notImplemented) {
      expect(registry.get(n.apiKey), `${n.name} is offered and listed as not implemented`).toBeUndefined();
      expect(n.why.length).toBeGreaterThan(0);
    }
  });
});
