/**
 * What a node's ephemeralOwner field encodes (ZooKeeper's EphemeralType with
 * extended types enabled):
 *   0                          persistent ("void")
 *   0x8000000000000000         container
 *   0xFF00_00XX_XXXX_XXXX      TTL node, the low 40 bits are the TTL in ms
 *   anything else              the id of the session owning an ephemeral
 * Stored as a signed int64, as on the wire.
 */
export type EphemeralKind = 'void' | 'normal' | 'container' | 'ttl';

export const CONTAINER_OWNER = -0x8000000000000000n;
const EXTENDED_MASK = -0x100000000000000n; // 0xff00000000000000 as int64
const RESERVED_MASK = 0x00ffff0000000000n;
/** largest TTL ZooKeeper accepts (40 bits of milliseconds, about 34 years) */
export const MAX_TTL = 0xffffffffffn;

export function ephemeralKind(owner: bigint): EphemeralKind {
  if (owner === 0n) return 'void';
  if (owner === CONTAINER_OWNER) return 'container';
  if ((owner & EXTENDED_MASK) === EXTENDED_MASK && (owner & RESERVED_MASK) === 0n) return 'ttl';
  return 'normal';
}

export function ttlOwner(ttl: bigint): bigint {
  return EXTENDED_MASK | ttl;
}

export function ttlOf(owner: bigint): bigint {
  return owner & MAX_TTL;
}

export function isValidTtl(ttl: bigint): boolean {
  return ttl > 0n && ttl <= MAX_TTL;
}
