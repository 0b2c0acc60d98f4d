/**
 * The generic jute codec: every record in records.ts round-trips (generated
 * from the specs, both directions), and the bytes agree with a real client's
 * own serializer (node-zookeeper-client's jute module), pinned by an
 * annotated hex fixture so a failure names the field.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ByteReader } from '../../../src/wire/byte-reader.js';
import { ByteWriter } from '../../../src/wire/byte-writer.js';
import { decodeBytes, decodeRecord, encodeBytes, encodeRecord } from '../../../src/zookeeper/jute/codec.js';
import { records, type JuteType, type RecordName, type RecordValue } from '../../../src/zookeeper/jute/records.js';

interface NodeJuteRecord {
  byteLength(): number;
  serialize(buf: Buffer, offset: number): number;
  deserialize(buf: Buffer, offset: number): number;
  [field: string]: unknown;
}
type RecordClass = new (...args: unknown[]) => NodeJuteRecord;
const nodeJute = createRequire(import.meta.url)('node-zookeeper-client/lib/jute/index.js') as {
  protocol: Record<string, RecordClass>;
  data: Record<string, RecordClass>;
};

function sample(t: JuteType, seed: number): unknown {
  if (t === 'int') return -7 + seed;
  if (t === 'long') return -1234567890123n + BigInt(seed);
  if (t === 'boolean') return seed % 2 === 0;
  if (t === 'buffer') return seed % 3 === 0 ? null : Buffer.from([seed, 0, 255]);
  if (t === 'ustring') return `/päth/${seed}`;
  if ('vector' in t) return [sample(t.vector, seed + 1), sample(t.vector, seed + 2)];
  return sampleRecord(t.record as RecordName, seed + 1);
}

function sampleRecord(name: RecordName, seed = 0): Record<string, unknown> {
  const spec = records[name] as readonly (readonly [string, JuteType])[];
  return Object.fromEntries(spec.map(([f, t], i) => [f, sample(t, seed + i)]));
}

function normalize(v: unknown): unknown {
  if (v instanceof Uint8Array) return Buffer.from(v).toString('hex');
  if (Array.isArray(v)) return v.map(normalize);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, normalize(x)]));
  return v;
}

describe('jute codec', () => {
  for (const name of Object.keys(records) as RecordName[]) {
    it(`${name} round-trips`, () => {
      const value = sampleRecord(name) as RecordValue<typeof name>;
      const bytes = encodeBytes(name, value);
      const back = decodeBytes(name, bytes);
      expect(normalize(back)).toEqual(normalize(value));
      expect(encodeBytes(name, back).equals(bytes)).toBe(true);
    });
  }

  it('reads null strings and vectors as empty and keeps null buffers', () => {
    const w = new ByteWriter();
    w.int32(-1).int32(-1).int32(-1).int32(-1);
    const r = new ByteReader(Buffer.from(w.finish()));
    expect(decodeRecord('SetDataRequest', r)).toEqual({ path: '', data: null, version: -1 });
    const v = new ByteReader(Buffer.from([0xff, 0xff, 0xff, 0xff]));
    expect(decodeRecord('GetChildrenResponse', v)).toEqual({ children: [] });
  });

  it('refuses lengths beyond the frame before allocating', () => {
    const huge = Buffer.from([0x7f, 0xff, 0xff, 0xff]);
    expect(() => decodeBytes('GetChildrenResponse', huge)).toThrow(/vector length/);
    expect(() => decodeBytes('SyncRequest', huge)).toThrow(/need/);
    expect(() => decodeBytes('SyncRequest', Buffer.from([0xff, 0xff, 0xff, 0xfe]))).toThrow(/string length -2/);
  });
});

/** node-zookeeper-client 1.1.3's ConnectRequest for a new session, 30 s timeout (it omits the readOnly byte) */
const connectRequestFixture = `
  00 00 00 2c                     frame length 44
  00 00 00 00                     protocolVersion 0
  00 00 00 00 00 00 00 00         lastZxidSeen 0
  00 00 75 30                     timeOut 30000
  00 00 00 00 00 00 00 00         sessionId 0 (new)
  00 00 00 10                     passwd length 16
  00 00 00 00 00 00 00 00
  00 00 00 00 00 00 00 00         passwd (zeros)
`;

function hex(annotated: string): Buffer {
  return Buffer.from(
    annotated
      .split('\n')
      .map((l) => /^\s*((?:[0-9a-f]{2}\s)*[0-9a-f]{2})/.exec(l)?.[1] ?? '')
      .join('')
      .replace(/\s/g, ''),
    'hex',
  );
}

function nodeBytes(rec: NodeJuteRecord): Buffer {
  const b = Buffer.alloc(rec.byteLength());
  rec.serialize(b, 0);
  return b;
}

describe('agreement with node-zookeeper-client’s own jute', () => {
  it('decodes the ConnectRequest it sends, byte for byte', () => {
    const fixture = hex(connectRequestFixture);
    const req = new nodeJute.protocol['ConnectRequest']!(0, Buffer.alloc(8), 30000, Buffer.alloc(8), Buffer.alloc(16));
    const theirs = nodeBytes(req);
    expect(theirs.toString('hex')).toBe(fixture.subarray(4).toString('hex'));
    expect(fixture.readInt32BE(0)).toBe(theirs.length);
    expect(decodeBytes('ConnectRequest', theirs)).toEqual({
      protocolVersion: 0,
      lastZxidSeen: 0n,
      timeOut: 30000,
      sessionId: 0n,
      passwd: Buffer.alloc(16),
    });
  });

  it('decodes its CreateRequest with ACLs and its SetWatches', () => {
    const acl = new nodeJute.data['ACL']!(31, new nodeJute.data['Id']!('digest', 'bob:hash'));
    const create = new nodeJute.protocol['CreateRequest']!('/a/b', Buffer.from('xy'), [acl], 3);
    expect(normalize(decodeBytes('CreateRequest', nodeBytes(create)))).toEqual(
      normalize({ path: '/a/b', data: Buffer.from('xy'), acl: [{ perms: 31, id: { scheme: 'digest', id: 'bob:hash' } }], flags: 3 }),
    );
    const zxid = Buffer.alloc(8);
    zxid.writeBigInt64BE(0x1234n);
    const sw = new nodeJute.protocol['SetWatches']!(zxid, ['/d'], [], ['/c1', '/c2']);
    expect(decodeBytes('SetWatches', nodeBytes(sw))).toEqual({
      relativeZxid: 0x1234n,
      dataWatches: ['/d'],
      existWatches: [],
      childWatches: ['/c1', '/c2'],
    });
  });

  it('writes responses it parses: ConnectResponse, GetDataResponse with Stat, GetACLResponse', () => {
    const cr = encodeBytes('ConnectResponse', { protocolVersion: 0, timeOut: 4000, sessionId: 0x1234567890n, passwd: Buffer.alloc(16, 9) });
    const theirs = new nodeJute.protocol['ConnectResponse']!();
    expect(theirs.deserialize(cr, 0)).toBe(cr.length);
    expect(theirs['timeOut']).toBe(4000);
    expect((theirs['sessionId'] as Buffer).readBigInt64BE(0)).toBe(0x1234567890n);

    const stat = { czxid: 1n, mzxid: 2n, ctime: 3n, mtime: 4n, version: 5, cversion: 6, aversion: 7, ephemeralOwner: 8n, dataLength: 2, numChildren: 9, pzxid: 10n };
    const gd = encodeBytes('GetDataResponse', { data: Buffer.from('hi'), stat });
    const parsed = new nodeJute.protocol['GetDataResponse']!();
    parsed.deserialize(gd, 0);
    const s = parsed['stat'] as Record<string, unknown>;
    expect((parsed['data'] as Buffer).toString()).toBe('hi');
    expect([s['version'], s['cversion'], s['aversion'], s['dataLength'], s['numChildren']]).toEqual([5, 6, 7, 2, 9]);
    expect((s['pzxid'] as Buffer).readBigInt64BE(0)).toBe(10n);

    const ga = encodeBytes('GetACLResponse', { acl: [{ perms: 1, id: { scheme: 'world', id: 'anyone' } }], stat });
    const pa = new nodeJute.protocol['GetACLResponse']!();
    expect(pa.deserialize(ga, 0)).toBe(ga.length);
    expect(((pa['acl'] as NodeJuteRecord[])[0]!['id'] as NodeJuteRecord)['scheme']).toBe('world');
  });

  it('its ReplyHeader/WatcherEvent parsing matches what the server sends for a notification', () => {
    const w = new ByteWriter();
    encodeRecord('ReplyHeader', { xid: -1, zxid: -1n, err: 0 }, w);
    encodeRecord('WatcherEvent', { type: 3, state: 3, path: '/w' }, w);
    const bytes = Buffer.from(w.finish());
    const h = new nodeJute.protocol['ReplyHeader']!();
    const off = h.deserialize(bytes, 0);
    const e = new nodeJute.protocol['WatcherEvent']!();
    e.deserialize(bytes, off);
    expect([h['xid'], e['type'], e['state'], e['path']]).toEqual([-1, 3, 3, '/w']);
  });
});
