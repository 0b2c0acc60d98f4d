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
  /** The row a record value holds; `key` fills a NULL key field (single-field keys). Throws BadRecord. */
  decode(value: Buffer | null, key: Buffer | null): Row;
}

export type RowEncoder = (row: Row) => string;

export function rowDecoder(format: StreamFormat, fields: readonly Field[], keyFields: readonly number[] = []): RowDecoder {
  const keyFill = keyFiller(fields, keyFields);
  switch (format) {
    case 'json':
      return jsonDecoder(fields, keyFill);
    case 'csv':
      return csvDecoder(fields, keyFill);
    case 'string':
      return stringDecoder(fields);
  }
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

/** Record key bytes for rows, by the KEY fields (null when a key field is NULL or there is no KEY). */
export class RecordKeyEncoder {
  private readonly enc: KeyBytesEncoder | undefined;

  constructor(fields: readonly Field[], keyFields: readonly number[]) {
    this.enc = keyFields.length === 0 ? undefined : new KeyBytesEncoder(keyFields, keyFields.map((i) => fields[i]!.type));
  }

  get keyed(): boolean {
    return this.enc !== undefined;
  }

  /** A fresh Buffer with the key's bytes, or null. */
  key(row: Row): Buffer | null {
    if (this.enc === undefined) return null;
    const n = this.enc.encode(row);
    return n < 0 ? null : Buffer.from(this.enc.bytes.subarray(0, n));
  }
}

type KeyFill = ((row: Row, key: Buffer | null) => void) | undefined;

/** Reads a record key back into the KEY field when the value left it out (single-field keys only). */
function keyFiller(fields: readonly Field[], keyFields: readonly number[]): KeyFill {
  if (keyFields.length !== 1) return undefined;
  const at = keyFields[0]!;
  const type = fields[at]!.type;
  return (row, key) => {
    if (row[at] !== null || key === null) return;
    row[at] = keyValue(key, type);
  };
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

function jsonDecoder(fields: readonly Field[], keyFill: KeyFill): RowDecoder {
  const names = fields.map((f) => f.name);
  const types = fields.map((f) => f.type);
  const n = names.length;
  return {
    decode(value, key) {
      if (value === null) throw new BadRecord('the record has no value (a tombstone)');
      let obj: unknown;
      try {
        obj = JSON.parse(value.toString('utf8'));
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
        row[i] = field(v, types[i]!, name);
      }
      keyFill?.(row, key);
      return row;
    },
  };
}

function csvDecoder(fields: readonly Field[], keyFill: KeyFill): RowDecoder {
  const types = fields.map((f) => f.type);
  const out: CsvRecord[] = [];
  return {
    decode(value, key) {
      if (value === null) throw new BadRecord('the record has no value (a tombstone)');
      out.length = 0;
      const parser = new CsvParser();
      parser.push(value.toString('utf8'), out);
      parser.end(out);
      if (out.length !== 1) throw new BadRecord(out.length === 0 ? 'an empty CSV record' : 'a CSV record must be one line');
      const cells = out[0]!.fields;
      if (cells.length !== types.length) throw new BadRecord(`expected ${types.length} CSV fields, found ${cells.length}`);
      const row = new Array<Value>(types.length);
      for (let i = 0; i < types.length; i++) {
        const c = cells[i]!;
        row[i] = c.text === '' && !c.quoted ? null : field(c.text, types[i]!, fields[i]!.name);
      }
      keyFill?.(row, key);
      return row;
    },
  };
}

function stringDecoder(fields: readonly Field[]): RowDecoder {
  checkStringFormat(fields);
  return {
    decode(value) {
      return [value === null ? null : value.toString('utf8')];
    },
  };
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
