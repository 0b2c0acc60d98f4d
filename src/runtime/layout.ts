/**
 * A row layout: the ordered, typed fields of a stream as the runtime sees it.
 * Compiled once per stream/operator; hot paths use the positions, never names.
 */
import type { Field, FieldType } from '../sql/types.js';

export type { Field, FieldType };

export class Layout {
  readonly fields: readonly Field[];
  private readonly byName: Map<string, number>;

  constructor(fields: readonly Field[]) {
    this.fields = fields;
    this.byName = new Map();
    fields.forEach((f, i) => {
      const key = f.name.toLowerCase();
      if (!this.byName.has(key)) this.byName.set(key, i);
    });
  }

  get width(): number {
    return this.fields.length;
  }

  /** Position of a field (names are case-insensitive, as in SQL), or -1. */
  indexOf(name: string): number {
    return this.byName.get(name.toLowerCase()) ?? -1;
  }

  field(i: number): Field {
    const f = this.fields[i];
    if (f === undefined) throw new RangeError(`no field at position ${i}`);
    return f;
  }

  names(): string[] {
    return this.fields.map((f) => f.name);
  }

  concat(other: Layout): Layout {
    return new Layout([...this.fields, ...other.fields]);
  }
}

export function isNumericType(t: FieldType): boolean {
  return t === 'int' || t === 'long' || t === 'double' || t === 'timestamp';
}
