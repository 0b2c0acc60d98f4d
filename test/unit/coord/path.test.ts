import { describe, expect, it } from 'vitest';
import { basename, isSpecialPath, isValidPath, parentOf, validatePath } from '../../../src/coord/path.js';

describe('znode paths', () => {
  it('accepts what ZooKeeper accepts', () => {
    for (const p of ['/', '/a', '/a/b', '/a.b', '/a/..b', '/a/b..', '/ünïcode', '/with space', '/x/.y']) {
      expect(isValidPath(p), p).toBe(true);
    }
  });

  it('refuses relative, trailing-slash, empty-segment, dot and control-character paths', () => {
    for (const p of ['', 'a', 'a/b', '/a/', '//a', '/a//b', '/.', '/..', '/a/.', '/a/../b', '/a\0b', '/a\u0001', '/a\u007f', '/a\ud800', '/a\ufff0']) {
      expect(isValidPath(p), JSON.stringify(p)).toBe(false);
    }
  });

  it('lets a sequential create end in a slash (the suffix is appended first)', () => {
    expect(() => validatePath('/q/', true)).not.toThrow();
    expect(() => validatePath('/q/')).toThrow(/BADARGUMENTS/);
  });

  it('splits parents and names', () => {
    expect(parentOf('/a')).toBe('/');
    expect(parentOf('/a/b/c')).toBe('/a/b');
    expect(basename('/a/b/c')).toBe('c');
    expect(isSpecialPath('/zookeeper/config')).toBe(true);
    expect(isSpecialPath('/zookeeper2')).toBe(false);
  });
});
