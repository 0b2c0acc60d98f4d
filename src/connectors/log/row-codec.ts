/**
 * Rows ⇄ record values for a stream bound to a topic, in the stream's
 * FORMAT (the same text forms the file connector reads and writes, so a
 * query over a topic and the same query over a file agree):
 *
 *   json    one JSON object per record; fields by name (exact, then ignoring
 *           case); a missing field is NULL
 *   csv     one CSV line per record, fields in declaration order (no header)
 *   string  the whole value is the stream's single field
 *
 * A record that does not fit throws BadRecord with the reason; the log
 * spout sends it to the dead-letter topic and carries on.
 *
 * Record keys use the bytes a Kafka client's serializer would produce for
 * the KEY field(s) (runtime/key-bytes.ts: string → UTF-8, int → 4 bytes,
 * long → 8 bytes ...), so murmur2 over them picks the partition a Kafka
 * producer keyed by the same value picks.
 */
import type { StreamFormat } from '../../sql/catalog.js';
import type { Field, FieldType, Value } from '../../sql/types.js';
import type { Row } from '../../runtime/message.js';
import { KeyBytesEncoder } from '../../runtime/key-bytes.js';
import { CsvParser, type CsvRecord } from '../file/csv.js';
import { csvEncoder, jsonLineEncoder } from '../file/file-sink.js';
import { Layout } from '../../runtime/layout.js';
import { BadValue, coerce } from '../file/values.js';

/** A record that does not parse by the stream's schema and format. */
export class BadRecord extends Error {
  override readonly name = 'BadRecord';
}

export interface RowDecoder {
  /** The row a record value (as text) holds. Throws BadRecord. */
  decode(value: string | null): Row;
  /** the single KEY field a record key fills when the value leaves it NULL, or -1 */
  readonly keyField: number;
  /** a record key as the key field's value */
  keyValue(key: Buffer): Value;
}

export type RowEncoder = (row: Row) => string;

export function rowDecoder(format: StreamFormat, fields: readonly Field[], keyFields: readonly number[] = []): RowDecoder {
  const decode = format === 'json' ? jsonDecoder(fields) : format === 'csv' ? csvDecoder(fields) : stringDecoder(fields);
  const keyField = keyFields.length === 1 && format !== 'string' ? keyFields[0]! : -1;
  const type = keyField < 0 ? 'string' : fields[keyField]!.type;
  return { decode, keyField, keyValue: (key) => keyValue(key, type) };
}

export function rowEncoder(format: StreamFormat, fields: readonly Field[]): RowEncoder {
  const layout = new Layout(fields);
  switch (format) {
    case 'json':
      return jsonLineEncoder(layout);
    case 'csv':
      return csvEncoder(layout);
    case 'string': {
      checkStringFormat(fields);
      return (row) => {
        const v = row[0] ?? null;
        return v === null ? '' : String(v);
      };
    }
  }
}

/** FORMAT string carries exactly one field, of type string. */
export function checkStringFormat(fields: readonly Field[]): void {
  if (fields.length !== 1 || fields[0]!.type !== 'string') {
    throw new BadRecord(`FORMAT string needs a stream with exactly one string field (this one has ${fields.map((f) => `${f.name} ${f.type}`).join(', ')})`);
  }
}

/**
 * Record keys for rows, by the KEY fields: `encode` puts the key's bytes in
 * `bytes` (for the partitioner, no copy); `stored` gives what the record
 * holds — the string itself for a single string key (its UTF-8 bytes are the
 * key), else a copy of the bytes.
 */
export class RecordKeyEncoder {
  private readonly enc: KeyBytesEncoder | undefined;
  private readonly stringField: number;

  constructor(fields: readonly Field[], keyFields: readonly number[]) {
    this.enc = keyFields.length === 0 ? undefined : new KeyBytesEncoder(keyFields, keyFields.map((i) => fields[i]!.type));
    this.stringField = keyFields.length === 1 && fields[keyFields[0]!]!.type === 'string' ? keyFields[0]! : -1;
  }

  get keyed(): boolean {
    return this.enc !== undefined;
  }

  /** Encodes the row's key; its length, or -1 for no key (no KEY, or a NULL key field). */
  encode(row: Row): number {
    return this.enc === undefined ? -1 : this.enc.encode(row);
  }

  /** the bytes of the last `encode` (valid up to its length, until the next call) */
  get bytes(): Buffer {
    return this.enc!.bytes;
  }

  /** The key to store for the row last encoded with length `len` (≥ 0). */
  stored(row: Row, len: number): string | Buffer {
    if (this.stringField >= 0) return row[this.stringField] as string;
    return Buffer.from(this.enc!.bytes.subarray(0, len));
  }

  /** Convenience: the key as stored, or null. */
  key(row: Row): string | Buffer | null {
    const len = this.encode(row);
    return len < 0 ? null : this.stored(row, len);
  }
}

function keyValue(key: Buffer, type: FieldType): Value {
  switch (type) {
    case 'string':
      return key.toString('utf8');
    case 'int':
      return key.length === 4 ? key.readInt32BE(0) : null;
    case 'long':
    case 'timestamp':
      return key.length === 8 ? Number(key.readBigInt64BE(0)) : null;
    case 'double':
      return key.length === 8 ? key.readDoubleBE(0) : null;
    case 'bool':
      return key.length === 1 ? key[0] !== 0 : null;
  }
}

function jsonDecoder(fields: readonly Field[]): (value: string | null) => Row {
  const names = fields.map((f) => f.name);
  const types = fields.map((f) => f.type);
  const n = names.length;
  return (value) => {
    if (value === null) throw new BadRecord('the record has no value (a tombstone)');
    let obj: unknown;
    try {
      obj = JSON.parse(value);
    } catch (err) {
      throw new BadRecord(`not valid JSON (${err instanceof Error ? err.message : String(err)})`);
    }
    if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) throw new BadRecord('a JSON record must be an object');
    const o = obj as Record<string, unknown>;
    const row = new Array<Value>(n);
    for (let i = 0; i < n; i++) {
      const name = names[i]!;
      let v = o[name];
      if (v === undefined) v = lookupIgnoringCase(o, name);
      const t = types[i]!;
      // the common cases inline; everything else (text numbers, ISO timestamps, errors) through coerce
      if (t === 'string' ? typeof v === 'string' : (t === 'long' || t === 'double') && typeof v === 'number' && (t === 'double' || Number.isSafeInteger(v))) {
        row[i] = v as Value;
      } else {
        row[i] = field(v, t, name);
      }
    }
    return row;
  };
}

function csvDecoder(fields: readonly Field[]): (value: string | null) => Row {
  const types = fields.map((f) => f.type);
  const out: CsvRecord[] = [];
  return (value) => {
    if (value === null) throw new BadRecord('the record has no value (a tombstone)');
    out.length = 0;
    const parser = new CsvParser();
    parser.push(value, out);
    parser.end(out);
    if (out.length !== 1) throw new BadRecord(out.length === 0 ? 'an empty CSV record' : 'a CSV record must be one line');
    const cells = out[0]!.fields;
    if (cells.length !== types.length) throw new BadRecord(`expected ${types.length} CSV fields, found ${cells.length}`);
    const row = new Array<Value>(types.length);
    for (let i = 0; i < types.length; i++) {
      const c = cells[i]!;
      row[i] = c.text === '' && !c.quoted ? null : field(c.text, types[i]!, fields[i]!.name);
    }
    return row;
  };
}

function stringDecoder(fields: readonly Field[]): (value: string | null) => Row {
  checkStringFormat(fields);
  return (value) => [value];
}

function field(v: unknown, type: FieldType, name: string): Value {
  try {
    return coerce(v, type);
  } catch (err) {
    if (err instanceof BadValue) throw new BadRecord(`field ${name}: ${err.message}`);
    throw err;
  }
}

function lookupIgnoringCase(o: Record<string, unknown>, name: string): unknown {
  const want = name.toLowerCase();
  for (const k of Object.keys(o)) if (k.toLowerCase() === want) return o[k];
  return undefined;
}
