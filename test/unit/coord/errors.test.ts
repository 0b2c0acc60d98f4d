import { describe, expect, it } from 'vitest';
import { codeForKeeper, coordError, coordErrors, keeperName, type CoordErrorCode } from '../../../src/coord/errors.js';

describe('coordinator error codes', () => {
  it('are documented, ZooKeeper-named and mapped to a KeeperException number', () => {
    for (const [code, e] of Object.entries(coordErrors)) {
      expect(code).toMatch(/^GALE_ERR_COORD_[A-Z_]+$/);
      expect(e.about.length).toBeGreaterThan(10);
      expect(e.name).toMatch(/^[A-Z]+$/);
      expect(e.keeper).toBeLessThan(0);
    }
  });

  it('translate both ways by table', () => {
    for (const code of Object.keys(coordErrors) as CoordErrorCode[]) {
      const err = coordError(code, '/p');
      expect(codeForKeeper(err.keeper)).toSatisfy((c: CoordErrorCode) => coordErrors[c].keeper === err.keeper);
      expect(err.message).toContain('/p');
    }
    expect(keeperName(-101)).toBe('NONODE');
    expect(keeperName(0)).toBe('OK');
    expect(codeForKeeper(-999)).toBe('GALE_ERR_COORD_SYSTEM_ERROR');
  });
});
