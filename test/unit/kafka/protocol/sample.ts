/**
 * Deterministic sample messages for codec tests: walks a compiled plan and
 * fills every field present at that version with a varied non-default value
 * (nulls where nullable, tagged fields set so tag blocks are exercised).
 * Fields absent at the version hold their defaults, which is exactly what the
 * decoder must produce for them.
 */
import type { FieldPlan, StructPlan } from '../../../../src/kafka/protocol/codec.js';
import type { PrimitiveType } from '../../../../src/kafka/protocol/spec.js';

export class Rng {
  constructor(private s: number) {}
  next(): number {
    // xorshift32: reproducible across runs
    let x = this.s;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.s = x >>> 0;
    return this.s;
  }
  int(n: number): number {
    return this.next() % n;
  }
}

function uuid(rng: Rng): string {
  const h = Array.from({ length: 16 }, () => rng.int(256).toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function primitive(t: PrimitiveType, rng: Rng): unknown {
  switch (t) {
    case 'bool':
      return rng.int(2) === 1;
    case 'int8':
      return rng.int(256) - 128;
    case 'int16':
      return rng.int(65536) - 32768;
    case 'uint16':
      return rng.int(65536);
    case 'int32':
      return (rng.next() | 0);
    case 'uint32':
      return rng.next();
    case 'int64':
      return (BigInt(rng.next()) << 32n | BigInt(rng.next())) - (1n << 63n);
    case 'float64':
      return rng.next() / 7;
    case 'uuid':
      return uuid(rng);
    case 'string':
      return ['', 'topic-a', 'ünïcødé', 'x'.repeat(rng.int(300))][rng.int(4)]!;
    case 'bytes':
    case 'records':
      return Buffer.from(Array.from({ length: rng.int(5000) }, () => rng.int(256)));
  }
}

function value(f: FieldPlan, rng: Rng, depth: number): unknown {
  if (f.nullable && rng.int(4) === 0) return null;
  if (f.kind === 'array') {
    const n = depth > 3 ? 0 : 1 + rng.int(3);
    const items = f.items!;
    return Array.from({ length: n }, () => (typeof items === 'string' ? primitive(items, rng) : sampleStruct(items, rng, depth + 1)));
  }
  if (f.kind === 'struct') return sampleStruct(f.struct!, rng, depth + 1);
  return primitive(f.kind, rng);
}

export function sampleStruct(plan: StructPlan, rng: Rng, depth = 0): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const f of plan.all) {
    const onWire = plan.regular.includes(f) || plan.tagged.includes(f);
    o[f.name] = onWire ? value(f, rng, depth) : f.makeDefault();
  }
  return o;
}
