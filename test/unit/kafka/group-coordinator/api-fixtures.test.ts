/**
 * The group APIs' codecs pinned to bytes real clients sent (fixtures in
 * test/fixtures/kafka/groups, captured by capture.ts there): each request
 * body decodes completely at its version and re-encodes to the same bytes.
 * A mismatch names the annotated field where the bytes first differ. Every
 * group API has at least one fixture.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { groupApis } from '../../../../src/kafka/apis/groups.js';
import { decodeMessage, encodeToBuffer } from '../../../../src/kafka/protocol/codec.js';
import { ByteReader } from '../../../../src/wire/byte-reader.js';
import { parseFixture, type ParsedFixture } from '../../../fixtures/kafka/groups/annotate.js';

const dir = new URL('../../../fixtures/kafka/groups/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.hex')).sort();

function firstDifference(fixture: ParsedFixture, actual: Buffer): string {
  const { body, lines } = fixture;
  let i = 0;
  while (i < body.length && i < actual.length && body[i] === actual[i]) i++;
  const line = lines.find((l) => i >= l.start && i < l.end) ?? lines[lines.length - 1];
  return `bytes differ at offset ${i}, in: ${line?.label ?? '(past the end)'}`;
}

describe('group API requests captured from real clients', () => {
  for (const file of files) {
    it(file, () => {
      const fixture = parseFixture(readFileSync(new URL(file, dir), 'utf8'));
      const def = groupApis.find((d) => d.spec.name === fixture.meta['api']);
      expect(def, `no group API named ${fixture.meta['api']}`).toBeDefined();
      const version = Number(fixture.meta['version']);
      expect(version).toBeGreaterThanOrEqual(def!.advertised.min);
      expect(version).toBeLessThanOrEqual(def!.advertised.max);
      const r = new ByteReader(fixture.body);
      const decoded = decodeMessage(def!.spec.request, version, r);
      expect(r.remaining, 'the decoder consumed every byte').toBe(0);
      const again = encodeToBuffer(def!.spec.request, version, decoded);
      if (!again.equals(fixture.body)) expect.fail(firstDifference(fixture, again));
    });
  }

  it('every group API has a fixture', () => {
    const covered = new Set(files.map((f) => parseFixture(readFileSync(new URL(f, dir), 'utf8')).meta['api']));
    expect(groupApis.map((d) => d.spec.name).filter((n) => !covered.has(n))).toEqual([]);
  });
});
