/**
 * The one generic encoder/decoder for every Kafka message. A MessageSpec plus
 * a version compiles (once, cached) into a plan: for each struct, the fields
 * present on the wire in order, the tagged fields, and the defaults of the
 * rest. Decoding always yields every field (absent ones hold defaults), so
 * handlers read the same shape whatever version the client spoke; encoding
 * writes only what the version carries.
 *
 * Wire forms (types.md of the Kafka protocol): non-flexible versions use
 * INT16-length strings and INT32-length bytes/arrays with -1 for null;
 * flexible versions use UNSIGNED_VARINT(length+1) with 0 for null, and every
 * struct ends with a TAGGED_FIELDS block (count, then tag, size, payload).
 */
import { ByteReader } from '../../wire/byte-reader.js';
import type { ByteWriter } from '../../wire/byte-writer.js';
import { KafkaError } from '../errors.js';
import type { FieldDefault, FieldSpec, MessageSpec, PrimitiveType } from './spec.js';
import { inVersions, parseVersions } from './versions.js';
import { KafkaWriter } from './writer.js';

export interface FieldPlan {
  readonly name: string;
  readonly kind: PrimitiveType | 'array' | 'struct';
  readonly nullable: boolean;
  readonly makeDefault: () => unknown;
  /** element type of an array: a primitive or a struct plan */
  readonly items?: PrimitiveType | StructPlan;
  readonly struct?: StructPlan;
  readonly tag?: number;
}

export interface StructPlan {
  readonly name: string;
  readonly flexible: boolean;
  /** fields on the wire, in order */
  readonly regular: readonly FieldPlan[];
  /** tagged fields of this version, ascending tag */
  readonly tagged: readonly FieldPlan[];
  /** every field of the spec in declaration order (absent ones get defaults) */
  readonly all: readonly FieldPlan[];
}

const ZERO_UUID = '00000000-0000-0000-0000-000000000000';
const EMPTY = Buffer.alloc(0);

function primitiveDefault(t: PrimitiveType, given: FieldDefault | undefined): () => unknown {
  if (given !== undefined) return () => given;
  switch (t) {
    case 'bool':
      return () => false;
    case 'int64':
      return () => 0n;
    case 'string':
      return () => '';
    case 'uuid':
      return () => ZERO_UUID;
    case 'bytes':
      return () => EMPTY;
    case 'records':
      return () => null;
    default:
      return () => 0;
  }
}

function compileStruct(name: string, fields: readonly FieldSpec[], version: number, flexible: boolean): StructPlan {
  const regular: FieldPlan[] = [];
  const tagged: FieldPlan[] = [];
  const all: FieldPlan[] = [];
  for (const f of fields) {
    const plan = compileField(f, version, flexible);
    all.push(plan);
    if (!inVersions(f.versions, version)) continue;
    if (f.tag !== undefined) {
      if (flexible && inVersions(f.taggedVersions, version)) tagged.push(plan);
      continue;
    }
    regular.push(plan);
  }
  tagged.sort((a, b) => (a.tag ?? 0) - (b.tag ?? 0));
  return { name, flexible, regular, tagged, all };
}

function compileField(f: FieldSpec, version: number, flexible: boolean): FieldPlan {
  const nullable = inVersions(f.nullableVersions, version) || (f.type === 'records');
  const base = { name: f.name, nullable, ...(f.tag === undefined ? {} : { tag: f.tag }) };
  if (f.type === 'array') {
    const items =
      typeof f.items === 'string' ? f.items : compileStruct(f.struct ?? f.name, f.items, version, flexible);
    return { ...base, kind: 'array', items, makeDefault: () => [] };
  }
  if (f.type === 'struct') {
    const struct = compileStruct(f.struct ?? f.name, f.fields, version, flexible);
    return { ...base, kind: 'struct', struct, makeDefault: () => defaultsOf(struct) };
  }
  return { ...base, kind: f.type, makeDefault: primitiveDefault(f.type, f.default) };
}

function defaultsOf(plan: StructPlan): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const f of plan.all) o[f.name] = f.makeDefault();
  return o;
}

const cache = new WeakMap<MessageSpec, Map<number, StructPlan>>();

/** The compiled plan for one message at one version (cached). */
export function planFor(spec: MessageSpec, version: number): StructPlan {
  let byVersion = cache.get(spec);
  if (byVersion === undefined) {
    byVersion = new Map();
    cache.set(spec, byVersion);
  }
  let plan = byVersion.get(version);
  if (plan === undefined) {
    const valid = parseVersions(spec.validVersions);
    if (version < valid.min || version > valid.max) {
      throw new KafkaError('GALE_ERR_KAFKA_UNSUPPORTED_API', `${spec.name} has no version ${version}`);
    }
    plan = compileStruct(spec.name, spec.fields, version, inVersions(spec.flexibleVersions, version));
    byVersion.set(version, plan);
  }
  return plan;
}

export function isFlexible(spec: MessageSpec, version: number): boolean {
  return inVersions(spec.flexibleVersions, version);
}

// ---------------------------------------------------------------- decoding

function malformed(what: string): never {
  throw new KafkaError('GALE_ERR_KAFKA_MALFORMED_REQUEST', what);
}

/** Length of a string/bytes/array, or -1 for null. */
function readLength(r: ByteReader, flexible: boolean, wide: boolean): number {
  if (flexible) return r.uvarint() - 1;
  return wide ? r.int32() : r.int16();
}

function readUuid(r: ByteReader): string {
  const h = r.bytes(16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function readPrimitive(r: ByteReader, t: PrimitiveType, flexible: boolean, nullable: boolean, name: string): unknown {
  switch (t) {
    case 'bool':
      return r.bool();
    case 'int8':
      return r.int8();
    case 'int16':
      return r.int16();
    case 'uint16':
      return r.uint16();
    case 'int32':
      return r.int32();
    case 'uint32':
      return r.uint32();
    case 'int64':
      return r.int64();
    case 'float64':
      return r.float64();
    case 'uuid':
      return readUuid(r);
    case 'string': {
      const n = readLength(r, flexible, false);
      if (n < 0) return nullable ? null : malformed(`${name}: null in a non-nullable string`);
      return r.utf8(n);
    }
    case 'bytes':
    case 'records': {
      const n = readLength(r, flexible, true);
      if (n < 0) return nullable ? null : malformed(`${name}: null in non-nullable bytes`);
      return r.bytes(n);
    }
  }
}

function readField(r: ByteReader, f: FieldPlan, flexible: boolean): unknown {
  if (f.kind === 'array') {
    const n = readLength(r, flexible, true);
    if (n < 0) return f.nullable ? null : malformed(`${f.name}: null in a non-nullable array`);
    if (n > r.remaining) malformed(`${f.name}: array of ${n} elements in ${r.remaining} bytes`);
    const out: unknown[] = new Array<unknown>(n);
    const items = f.items!;
    for (let i = 0; i < n; i++) {
      out[i] = typeof items === 'string' ? readPrimitive(r, items, flexible, false, f.name) : readStruct(r, items);
    }
    return out;
  }
  if (f.kind === 'struct') return readStruct(r, f.struct!);
  return readPrimitive(r, f.kind, flexible, f.nullable, f.name);
}

/** Reads a TAGGED_FIELDS block into `into`, skipping unknown tags. */
export function readTaggedFields(r: ByteReader, tagged: readonly FieldPlan[], into: Record<string, unknown>): void {
  const count = r.uvarint();
  let lastTag = -1;
  for (let i = 0; i < count; i++) {
    const tag = r.uvarint();
    const size = r.uvarint();
    if (tag <= lastTag) malformed(`tagged fields out of order (${tag} after ${lastTag})`);
    lastTag = tag;
    const payload = r.bytes(size);
    const f = tagged.find((t) => t.tag === tag);
    if (f === undefined) continue; // unknown tags are skipped, as the spec requires
    const sub = new ByteReader(payload);
    into[f.name] = readField(sub, f, true);
  }
}

export function readStruct(r: ByteReader, plan: StructPlan): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  let ri = 0;
  for (const f of plan.all) {
    if (plan.regular[ri] === f) {
      o[f.name] = readField(r, f, plan.flexible);
      ri++;
    } else {
      o[f.name] = f.makeDefault();
    }
  }
  if (plan.flexible) readTaggedFields(r, plan.tagged, o);
  return o;
}

/** Decodes one message body at `version` from the reader's position. */
export function decodeMessage<T = Record<string, unknown>>(spec: MessageSpec, version: number, r: ByteReader): T {
  return readStruct(r, planFor(spec, version)) as T;
}

// ---------------------------------------------------------------- encoding

function cannotEncode(what: string): never {
  throw new KafkaError('GALE_ERR_KAFKA_ENCODE', what);
}

function writeLength(w: ByteWriter, n: number, flexible: boolean, wide: boolean): void {
  if (flexible) w.uvarint(n + 1);
  else if (wide) w.int32(n);
  else w.int16(n);
}

function writeUuid(w: ByteWriter, v: string): void {
  const hex = v.replace(/-/g, '');
  if (hex.length !== 32) cannotEncode(`not a uuid: ${v}`);
  w.bytes(Buffer.from(hex, 'hex'));
}

function writePrimitive(kw: KafkaWriter, t: PrimitiveType, v: unknown, flexible: boolean, f: FieldPlan): void {
  const w = kw.out;
  if (v === null) {
    if (!f.nullable) cannotEncode(`${f.name} is not nullable at this version`);
    if (t === 'string') writeLength(w, -1, flexible, false);
    else writeLength(w, -1, flexible, true);
    return;
  }
  switch (t) {
    case 'bool':
      w.bool(v as boolean);
      return;
    case 'int8':
      w.int8(v as number);
      return;
    case 'int16':
      w.int16(v as number);
      return;
    case 'uint16':
      w.uint16(v as number);
      return;
    case 'int32':
      w.int32(v as number);
      return;
    case 'uint32':
      w.uint32(v as number);
      return;
    case 'int64':
      w.int64(v as bigint);
      return;
    case 'float64':
      w.float64(v as number);
      return;
    case 'uuid':
      writeUuid(w, v as string);
      return;
    case 'string': {
      const s = v as string;
      writeLength(w, Buffer.byteLength(s, 'utf8'), flexible, false);
      w.utf8(s);
      return;
    }
    case 'bytes':
    case 'records': {
      if (Array.isArray(v)) {
        const parts = v as readonly Uint8Array[];
        let n = 0;
        for (const p of parts) n += p.length;
        writeLength(w, n, flexible, true);
        for (const p of parts) kw.raw(p);
        return;
      }
      const b = v as Uint8Array;
      writeLength(w, b.length, flexible, true);
      kw.raw(b);
      return;
    }
  }
}

function writeField(kw: KafkaWriter, f: FieldPlan, value: unknown, flexible: boolean): void {
  const v = value === undefined ? f.makeDefault() : value;
  if (f.kind === 'array') {
    if (v === null) {
      if (!f.nullable) cannotEncode(`${f.name} is not nullable at this version`);
      writeLength(kw.out, -1, flexible, true);
      return;
    }
    const arr = v as readonly unknown[];
    writeLength(kw.out, arr.length, flexible, true);
    const items = f.items!;
    for (const el of arr) {
      if (typeof items === 'string') writePrimitive(kw, items, el, flexible, f);
      else writeStruct(kw, items, el as Record<string, unknown>);
    }
    return;
  }
  if (f.kind === 'struct') {
    writeStruct(kw, f.struct!, (v ?? {}) as Record<string, unknown>);
    return;
  }
  writePrimitive(kw, f.kind, v, flexible, f);
}

function isDefault(f: FieldPlan, v: unknown): boolean {
  if (v === undefined) return true;
  const d = f.makeDefault();
  if (v === d) return true;
  if (Array.isArray(v)) return v.length === 0 && Array.isArray(d);
  if (f.kind === 'struct' && v !== null && typeof v === 'object') {
    const a = new KafkaWriter(64);
    const b = new KafkaWriter(64);
    writeStruct(a, f.struct!, v as Record<string, unknown>);
    writeStruct(b, f.struct!, d as Record<string, unknown>);
    return a.toBuffer().equals(b.toBuffer());
  }
  if (v instanceof Uint8Array && d instanceof Uint8Array) return v.length === 0 && d.length === 0;
  return false;
}

/** Writes a TAGGED_FIELDS block: only fields whose value differs from the default. */
export function writeTaggedFields(kw: KafkaWriter, tagged: readonly FieldPlan[], o: Record<string, unknown>): void {
  const present = tagged.filter((f) => !isDefault(f, o[f.name]));
  kw.out.uvarint(present.length);
  for (const f of present) {
    const sub = new KafkaWriter(64);
    writeField(sub, f, o[f.name], true);
    const body = sub.toBuffer();
    kw.out.uvarint(f.tag!);
    kw.out.uvarint(body.length);
    kw.out.bytes(body);
  }
}

export function writeStruct(kw: KafkaWriter, plan: StructPlan, o: Record<string, unknown>): void {
  for (const f of plan.regular) writeField(kw, f, o[f.name], plan.flexible);
  if (plan.flexible) writeTaggedFields(kw, plan.tagged, o);
}

/** Encodes one message body at `version` onto the writer. */
export function encodeMessage(spec: MessageSpec, version: number, value: object, kw: KafkaWriter): void {
  writeStruct(kw, planFor(spec, version), value as Record<string, unknown>);
}

/** Convenience for tests and small messages: the encoded body as one Buffer. */
export function encodeToBuffer(spec: MessageSpec, version: number, value: object): Buffer {
  const kw = new KafkaWriter();
  encodeMessage(spec, version, value, kw);
  return kw.toBuffer();
}

/** Every field of a message at its default (what a decoder yields for an empty struct). */
export function defaultMessage(spec: MessageSpec, version: number): Record<string, unknown> {
  return defaultsOf(planFor(spec, version));
}
