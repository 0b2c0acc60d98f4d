import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { aclAllows, digestId, fixupAcl, Perms, redactDigests, type Acl, type Id } from '../../../src/coord/acl.js';

const world: Acl = { perms: Perms.READ, id: { scheme: 'world', id: 'anyone' } };

describe('ACLs', () => {
  it('digest ids are user:base64(sha1(user:password)) over the whole credential', () => {
    const expected = createHash('sha1').update('alice:pw:with:colons').digest('base64');
    expect(digestId('alice:pw:with:colons')).toBe(`alice:${expected}`);
  });

  it('grants by permission bit and matching id', () => {
    const alice: Id = { scheme: 'digest', id: digestId('alice:pw') };
    const acl: Acl[] = [world, { perms: Perms.ALL, id: alice }];
    expect(aclAllows(acl, Perms.READ, [])).toBe(true);
    expect(aclAllows(acl, Perms.WRITE, [])).toBe(false);
    expect(aclAllows(acl, Perms.WRITE, [alice])).toBe(true);
    expect(aclAllows(acl, Perms.WRITE, [{ scheme: 'super', id: 'root' }])).toBe(true);
    expect(aclAllows([], Perms.ADMIN, [])).toBe(true);
  });

  it('matches ip ACLs by prefix, including IPv4-mapped peers', () => {
    const acl: Acl[] = [{ perms: Perms.ALL, id: { scheme: 'ip', id: '10.1.0.0/16' } }];
    expect(aclAllows(acl, Perms.READ, [{ scheme: 'ip', id: '10.1.200.3' }])).toBe(true);
    expect(aclAllows(acl, Perms.READ, [{ scheme: 'ip', id: '::ffff:10.1.2.3' }])).toBe(true);
    expect(aclAllows(acl, Perms.READ, [{ scheme: 'ip', id: '10.2.0.1' }])).toBe(false);
    expect(aclAllows([{ perms: 31, id: { scheme: 'ip', id: '10.1.2.3' } }], 1, [{ scheme: 'ip', id: '10.1.2.3' }])).toBe(true);
  });

  it('expands auth to the authenticated ids and refuses malformed lists', () => {
    const ids: Id[] = [{ scheme: 'ip', id: '127.0.0.1' }, { scheme: 'digest', id: 'bob:xyz' }];
    const out = fixupAcl('/p', [{ perms: Perms.ALL, id: { scheme: 'auth', id: '' } }, world, world], ids);
    expect(out).toEqual([{ perms: Perms.ALL, id: { scheme: 'digest', id: 'bob:xyz' } }, world]);
    const bad: Acl[][] = [
      [],
      [{ perms: 31, id: { scheme: 'auth', id: '' } }],
      [{ perms: 31, id: { scheme: 'digest', id: 'nocolon' } }],
      [{ perms: 31, id: { scheme: 'ip', id: '1.2.3' } }],
      [{ perms: 31, id: { scheme: 'ip', id: '1.2.3.4/33' } }],
      [{ perms: 31, id: { scheme: 'kerberos', id: 'x' } }],
    ];
    for (const acl of bad) expect(() => fixupAcl('/p', acl, [{ scheme: 'ip', id: '127.0.0.1' }])).toThrow(/INVALIDACL/);
  });

  it('redacts digest passwords for readers without ADMIN', () => {
    expect(redactDigests([{ perms: 1, id: { scheme: 'digest', id: 'bob:secret' } }, world])).toEqual([
      { perms: 1, id: { scheme: 'digest', id: 'bob:x' } },
      world,
    ]);
  });
});
