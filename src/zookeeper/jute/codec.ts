/**
 * One generic jute codec driven by records.ts: each record is compiled once
 * into a decoder and an encoder (closures over its field list), so adding a
 * record is adding data. Decoding is bounds-checked by ByteReader; a vector
 * or buffer that claims more than the frame holds fails before allocating.
 */
import { ByteReader } from '../../wire/byte-reader.js';
import { ByteWriter } from '../../wire/byte-writer.js';
import { records, type JuteType, type RecordName, type RecordValue } from './records.js';

type Decoder = (r: ByteReader) => unknown;
type Encoder = (w: ByteWriter, v: unknown) => void;

export class JuteError extends RangeError {
  override readonly name = 'JuteError';
}

function count(r: ByteReader, what: string): number {
  const n = r.int32();
  if (n === -1) return 0;
  if (n < 0 || n > r.remaining) throw new JuteError(`${what} length ${n} with ${r.remaining} bytes left`);
  return n;
}

const compiled = new Map<string, { dec: Decoder; enc: Encoder }>();

function compileType(t: JuteType): { dec: Decoder; enc: Encoder } {
  if (typeof t === 'string') {
    switch (t) {
      case 'int':
        return { dec: (r) => r.int32(), enc: (w, v) => void w.int32(v as number) };
      case 'long':
        return { dec: (r) => r.int64(), enc: (w, v) => void w.int64(v as bigint) };
      case 'boolean':
        return { dec: (r) => r.uint8() !== 0, enc: (w, v) => void w.uint8(v === true ? 1 : 0) };
      case 'buffer':
        return {
          dec: (r) => {
            const n = r.int32();
            if (n === -1) return null;
            if (n < 0) throw new JuteError(`buffer length ${n}`);
            return r.bytes(n);
          },
          enc: (w, v) => {
            if (v === null || v === undefined) w.int32(-1);
            else w.int32((v as Uint8Array).length).bytes(v as Uint8Array);
          },
        };
      case 'ustring':
        return {
          dec: (r) => {
            const n = r.int32();
            if (n === -1) return '';
            if (n < 0) throw new JuteError(`string length ${n}`);
            return r.utf8(n);
          },
          enc: (w, v) => {
            const s = v as string;
            w.int32(Buffer.byteLength(s, 'utf8')).utf8(s);
          },
        };
    }
  }
  if ('vector' in t) {
    const el = compileType(t.vector);
    return {
      dec: (r) => {
        const n = count(r, 'vector');
        const out: unknown[] = new Array(n);
        for (let i = 0; i < n; i++) out[i] = el.dec(r);
        return out;
      },
      enc: (w, v) => {
        const arr = v as readonly unknown[];
        w.int32(arr.length);
        for (const x of arr) el.enc(w, x);
      },
    };
  }
  // records refer to each other by name: resolve lazily so order in records.ts does not matter
  const name = t.record;
  return { dec: (r) => compileRecord(name).dec(r), enc: (w, v) => compileRecord(name).enc(w, v) };
}

function compileRecord(name: string): { dec: Decoder; enc: Encoder } {
  const hit = compiled.get(name);
  if (hit !== undefined) return hit;
  const spec = (records as Readonly<Record<string, readonly (readonly [string, JuteType])[]>>)[name];
  if (spec === undefined) throw new Error(`unknown jute record ${name}`);
  const fields = spec.map(([f, t]) => ({ f, ...compileType(t) }));
  const codec = {
    dec: (r: ByteReader) => {
      const o: Record<string, unknown> = {};
      for (const fd of fields) o[fd.f] = fd.dec(r);
      return o;
    },
    enc: (w: ByteWriter, v: unknown) => {
      const o = v as Record<string, unknown>;
      for (const fd of fields) fd.enc(w, o[fd.f]);
    },
  };
  compiled.set(name, codec);
  return codec;
}

export function decodeRecord<R extends RecordName>(name: R, r: ByteReader): RecordValue<R> {
  return compileRecord(name).dec(r) as RecordValue<R>;
}

export function encodeRecord<R extends RecordName>(name: R, value: RecordValue<R>, w: ByteWriter): ByteWriter {
  compileRecord(name).enc(w, value);
  return w;
}

/** Decodes a whole buffer as one record (tests, fixtures). */
export function decodeBytes<R extends RecordName>(name: R, bytes: Buffer): RecordValue<R> {
  return decodeRecord(name, new ByteReader(bytes));
}

export function encodeBytes<R extends RecordName>(name: R, value: RecordValue<R>): Buffer {
  return Buffer.from(encodeRecord(name, value, new ByteWriter(64)).finish());
}
