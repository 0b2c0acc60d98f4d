/**
 * ACLs as ZooKeeper defines them: a list of (perms, scheme:id). Schemes:
 * `world:anyone`, `auth` (expanded at create/setACL time to the session's
 * authenticated ids), `digest:user:base64(sha1(user:password))` and
 * `ip:a.b.c.d[/bits]` (IPv4, as ZooKeeper 3.8's provider).
 *
 * Every session carries `ip:<its address>`; `addAuth digest user:password`
 * adds `digest:user:<hash>`. `super` ids pass every check.
 */
import { createHash } from 'node:crypto';
import { coordError } from './errors.js';

export interface Id {
  readonly scheme: string;
  readonly id: string;
}

export interface Acl {
  readonly perms: number;
  readonly id: Id;
}

export const Perms = { READ: 1, WRITE: 2, CREATE: 4, DELETE: 8, ADMIN: 16, ALL: 31 } as const;

export const OPEN_ACL_UNSAFE: readonly Acl[] = [{ perms: Perms.ALL, id: { scheme: 'world', id: 'anyone' } }];
export const READ_ACL_UNSAFE: readonly Acl[] = [{ perms: Perms.READ, id: { scheme: 'world', id: 'anyone' } }];

/** `user:password` -> `user:base64(sha1(user:password))` (DigestAuthenticationProvider.generateDigest). */
export function digestId(userPassword: string): string {
  const user = userPassword.split(':', 1)[0] ?? '';
  return `${user}:${createHash('sha1').update(userPassword, 'utf8').digest('base64')}`;
}

function v4Bytes(addr: string): number[] | undefined {
  const parts = addr.split('.');
  if (parts.length !== 4) return undefined;
  const out: number[] = [];
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return undefined;
    const v = Number(p);
    if (v > 255) return undefined;
    out.push(v);
  }
  return out;
}

/** Node reports IPv4 peers on dual-stack sockets as `::ffff:a.b.c.d`. */
export function normalizeAddress(addr: string): string {
  return addr.startsWith('::ffff:') ? addr.slice(7) : addr;
}

function parseIpExpr(expr: string): { bytes: number[]; bits: number } | undefined {
  const slash = expr.indexOf('/');
  const bytes = v4Bytes(slash < 0 ? expr : expr.slice(0, slash));
  if (bytes === undefined) return undefined;
  let bits = 32;
  if (slash >= 0) {
    const b = expr.slice(slash + 1);
    if (!/^\d+$/.test(b)) return undefined;
    bits = Number(b);
    if (bits > 32) return undefined;
  }
  return { bytes, bits };
}

function ipMatches(remote: string, expr: string): boolean {
  const acl = parseIpExpr(expr);
  const addr = v4Bytes(normalizeAddress(remote));
  if (acl === undefined || addr === undefined) return false;
  for (let i = 0; i < 4; i++) {
    const keep = Math.max(0, Math.min(8, acl.bits - i * 8));
    const mask = keep === 0 ? 0 : (0xff << (8 - keep)) & 0xff;
    if ((acl.bytes[i]! & mask) !== (addr[i]! & mask)) return false;
  }
  return true;
}

interface SchemeRules {
  /** may this id appear in an ACL? */
  valid(id: string): boolean;
  /** does an authenticated id match the ACL's id expression? */
  matches(authId: string, aclId: string): boolean;
  /** does `auth` in an ACL expand to ids of this scheme? */
  authenticated: boolean;
}

const schemes: Readonly<Record<string, SchemeRules>> = {
  digest: { valid: (id) => id.split(':').length === 2, matches: (a, b) => a === b, authenticated: true },
  ip: { valid: (id) => parseIpExpr(id) !== undefined, matches: ipMatches, authenticated: false },
  super: { valid: () => true, matches: (a, b) => a === b, authenticated: true },
};

export function isKnownAuthScheme(scheme: string): boolean {
  return scheme === 'digest' || scheme === 'ip';
}

/**
 * Validates and expands an ACL list for create/setACL (PrepRequestProcessor.fixupACL):
 * duplicates removed, `auth` replaced by the session's authenticated ids,
 * INVALIDACL for an empty list, unknown scheme or malformed id.
 */
export function fixupAcl(path: string, acls: readonly Acl[], authIds: readonly Id[]): Acl[] {
  const uniq: Acl[] = [];
  for (const a of acls) {
    if (!uniq.some((u) => u.perms === a.perms && u.id.scheme === a.id.scheme && u.id.id === a.id.id)) uniq.push(a);
  }
  if (uniq.length === 0) throw coordError('GALE_ERR_COORD_INVALID_ACL', path);
  const out: Acl[] = [];
  for (const a of uniq) {
    if (a.id.scheme === 'world' && a.id.id === 'anyone') {
      out.push(a);
    } else if (a.id.scheme === 'auth') {
      let any = false;
      for (const cid of authIds) {
        if (schemes[cid.scheme]?.authenticated === true) {
          any = true;
          out.push({ perms: a.perms, id: cid });
        }
      }
      if (!any) throw coordError('GALE_ERR_COORD_INVALID_ACL', path);
    } else {
      const rules = schemes[a.id.scheme];
      if (rules === undefined || a.id.scheme === 'super' || !rules.valid(a.id.id)) {
        throw coordError('GALE_ERR_COORD_INVALID_ACL', path);
      }
      out.push(a);
    }
  }
  return out;
}

/** Does the ACL grant `perm` to a session with these ids? (ZooKeeperServer.checkACL) */
export function aclAllows(acl: readonly Acl[], perm: number, authIds: readonly Id[]): boolean {
  if (acl.length === 0) return true;
  for (const id of authIds) if (id.scheme === 'super') return true;
  for (const a of acl) {
    if ((a.perms & perm) === 0) continue;
    if (a.id.scheme === 'world' && a.id.id === 'anyone') return true;
    const rules = schemes[a.id.scheme];
    if (rules === undefined) continue;
    for (const id of authIds) {
      if (id.scheme === a.id.scheme && rules.matches(id.id, a.id.id)) return true;
    }
  }
  return false;
}

export function checkAcl(acl: readonly Acl[], perm: number, authIds: readonly Id[], path: string): void {
  if (!aclAllows(acl, perm, authIds)) throw coordError('GALE_ERR_COORD_NO_AUTH', path);
}

/** getACL without ADMIN shows digest ids as `user:x` (ZOOKEEPER-1392). */
export function redactDigests(acl: readonly Acl[]): Acl[] {
  return acl.map((a) =>
    a.id.scheme === 'digest' ? { perms: a.perms, id: { scheme: 'digest', id: a.id.id.replace(/:.*/s, ':x') } } : a,
  );
}
