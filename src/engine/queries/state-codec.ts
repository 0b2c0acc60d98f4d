/**
 * Bolt states (what `RunHandle.snapshot()` returns) ⇄ bytes, for checkpoints.
 * The states are plain data — arrays, plain objects, numbers (including
 * ±Infinity and NaN), strings, booleans, null — plus the one symbol the
 * aggregates use for "no value yet" (EMPTY, in firstval/lastval). V8's
 * structured serializer handles everything but the symbol, which is swapped
 * for a tagged object on the way out and back on the way in.
 */
import { deserialize, serialize } from 'node:v8';
import { EMPTY } from '../../runtime/aggregates/aggregate.js';

const EMPTY_TAG = '\u0000gale:empty';

function out(v: unknown): unknown {
  if (v === EMPTY) return { [EMPTY_TAG]: 1 };
  if (Array.isArray(v)) return v.map(out);
  if (v !== null && typeof v === 'object') {
    if (v instanceof Map) return new Map([...v].map(([k, x]) => [out(k), out(x)]));
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) o[k] = out(x);
    return o;
  }
  if (typeof v === 'symbol' || typeof v === 'function') throw new TypeError(`a ${typeof v} cannot be checkpointed`);
  return v;
}

function back(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(back);
  if (v !== null && typeof v === 'object') {
    if (v instanceof Map) return new Map([...v].map(([k, x]) => [back(k), back(x)]));
    const o = v as Record<string, unknown>;
    if (o[EMPTY_TAG] === 1) return EMPTY;
    const r: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(o)) r[k] = back(x);
    return r;
  }
  return v;
}

export type BoltStates = Map<string, unknown[]>;

export function encodeStates(states: BoltStates): Buffer {
  return serialize(out(states));
}

export function decodeStates(bytes: Uint8Array): BoltStates {
  const v = back(deserialize(bytes));
  if (!(v instanceof Map)) throw new TypeError('not a checkpointed state');
  return v as BoltStates;
}
