/**
 * Version ranges as the Kafka message specs write them: `"3+"`, `"0-7"`,
 * `"5"`, or `"none"`. Parsed once when a codec plan is compiled, never per
 * message.
 */
export type Versions = 'none' | `${number}+` | `${number}-${number}` | `${number}`;

export interface VersionRange {
  readonly min: number;
  /** inclusive; Infinity for `n+` */
  readonly max: number;
}

const NONE: VersionRange = { min: 1, max: 0 };

export function parseVersions(v: Versions): VersionRange {
  if (v === 'none') return NONE;
  if (v.endsWith('+')) return { min: Number(v.slice(0, -1)), max: Infinity };
  const dash = v.indexOf('-');
  if (dash > 0) return { min: Number(v.slice(0, dash)), max: Number(v.slice(dash + 1)) };
  const n = Number(v);
  return { min: n, max: n };
}

export function inVersions(v: Versions | undefined, version: number): boolean {
  if (v === undefined) return false;
  const r = parseVersions(v);
  return version >= r.min && version <= r.max;
}
