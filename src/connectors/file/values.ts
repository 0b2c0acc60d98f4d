/**
 * Turning what a file holds into typed values, and back. Input accepts the
 * forms a person or another tool is likely to write: numbers or numeric
 * text for numbers, true/false (or 1/0) for bools, ISO-8601 strings or epoch
 * milliseconds for timestamps. Output writes timestamps as ISO-8601 UTC with
 * milliseconds; non-finite doubles become NULL.
 */
import { formatTimestampIso, parseTimestamp } from '../../sql/functions/index.js';
import type { FieldType, Value } from '../../sql/types.js';

const INTEGER = /^\s*[+-]?\d+\s*$/;
const NUMBER = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

export class BadValue extends Error {}

/** A JSON (or CSV text) value as a value of `type`; throws BadValue with a reason. */
export function coerce(v: unknown, type: FieldType): Value {
  if (v === null || v === undefined) return null;
  switch (type) {
    case 'string':
      if (typeof v === 'string') return v;
      if (typeof v === 'number' || typeof v === 'boolean') return String(v);
      return JSON.stringify(v);
    case 'int':
    case 'long': {
      let n: number;
      if (typeof v === 'number') n = v;
      else if (typeof v === 'string' && INTEGER.test(v)) n = Number(v);
      else throw new BadValue(`${show(v)} is not ${type === 'int' ? 'an int' : 'a long'}`);
      if (!Number.isInteger(n)) throw new BadValue(`${show(v)} is not an integer`);
      if (type === 'int' ? n < -2147483648 || n > 2147483647 : !Number.isSafeInteger(n)) {
        throw new BadValue(`${show(v)} does not fit in ${type}`);
      }
      return n;
    }
    case 'double':
      if (typeof v === 'number') return v;
      if (typeof v === 'string' && NUMBER.test(v)) return Number(v);
      if (typeof v === 'string' && /^\s*[+-]?(nan|inf(inity)?)\s*$/i.test(v)) return Number(v.trim().replace(/^([+-]?)inf$/i, '$1Infinity'));
      throw new BadValue(`${show(v)} is not a double`);
    case 'bool':
      if (typeof v === 'boolean') return v;
      if (v === 1 || v === 0) return v === 1;
      if (typeof v === 'string') {
        const s = v.trim().toLowerCase();
        if (s === 'true' || s === '1') return true;
        if (s === 'false' || s === '0') return false;
      }
      throw new BadValue(`${show(v)} is not a bool`);
    case 'timestamp': {
      if (typeof v === 'number') {
        if (!Number.isFinite(v)) throw new BadValue(`${show(v)} is not a timestamp`);
        return Math.trunc(v);
      }
      if (typeof v === 'string') {
        if (INTEGER.test(v)) return Number(v);
        const ms = parseTimestamp(v);
        if (ms !== undefined) return ms;
      }
      throw new BadValue(`${show(v)} is not a timestamp (ISO-8601 or epoch ms)`);
    }
  }
}

function show(v: unknown): string {
  const s = typeof v === 'string' ? JSON.stringify(v) : String(JSON.stringify(v));
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/** A value as JSON text. */
export function jsonValue(v: Value, type: FieldType): string {
  if (v === null) return 'null';
  if (type === 'timestamp' && typeof v === 'number') return `"${formatTimestampIso(v)}"`;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  return v ? 'true' : 'false';
}

/** A value as a CSV field (NULL is empty; an empty string is written as ""). */
export function csvValue(v: Value, type: FieldType): string {
  if (v === null) return '';
  if (type === 'timestamp' && typeof v === 'number') return formatTimestampIso(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v === '' || /[",\r\n]/.test(v) || v !== v.trim()) return `"${v.replace(/"/g, '""')}"`;
  return v;
}
