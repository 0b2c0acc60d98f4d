import { describe, expect, it } from 'vitest';
import type { WatchEvent } from '../../../src/coord/coordinator.js';
import { fireNodeEvent, WatchManager, type WatchSink } from '../../../src/coord/watches.js';

function sink(): WatchSink & { got: string[] } {
  const got: string[] = [];
  return { got, deliver: (e: WatchEvent) => got.push(`${e.type}:${e.path}`) };
}

describe('watch manager', () => {
  it('standard watches fire once; persistent ones keep firing', () => {
    const m = new WatchManager();
    const a = sink();
    const b = sink();
    m.addData('/x', a);
    m.addPersistent('/x', b, false);
    fireNodeEvent(m, 'data-changed', '/x');
    fireNodeEvent(m, 'data-changed', '/x');
    expect(a.got).toEqual(['data-changed:/x']);
    expect(b.got).toEqual(['data-changed:/x', 'data-changed:/x']);
  });

  it('delete fires NodeDeleted once per watcher across data and child tables, then the parent child watch', () => {
    const m = new WatchManager();
    const a = sink();
    m.addData('/p/c', a);
    m.addChild('/p/c', a);
    m.addChild('/p', a);
    fireNodeEvent(m, 'deleted', '/p/c');
    expect(a.got).toEqual(['deleted:/p/c', 'children-changed:/p']);
    expect(m.count()).toBe(0);
  });

  it('recursive watches see the subtree but not child-list changes; non-recursive ones ignore descendants', () => {
    const m = new WatchManager();
    const rec = sink();
    const per = sink();
    m.addPersistent('/r', rec, true);
    m.addPersistent('/r', per, false);
    fireNodeEvent(m, 'created', '/r/a');
    fireNodeEvent(m, 'data-changed', '/r/a');
    fireNodeEvent(m, 'created', '/r/a/b');
    expect(rec.got).toEqual(['created:/r/a', 'data-changed:/r/a', 'created:/r/a/b']);
    expect(per.got).toEqual(['children-changed:/r']);
    expect(m.contains('/r/a/b', 'any', rec)).toBe(true);
    expect(m.contains('/r/a/b', 'any', per)).toBe(false);
  });

  it('a standard watch on a persistently watched path makes it one-shot again (3.8 behaviour)', () => {
    const m = new WatchManager();
    const a = sink();
    m.addPersistent('/y', a, false);
    m.addData('/y', a);
    fireNodeEvent(m, 'data-changed', '/y');
    fireNodeEvent(m, 'data-changed', '/y');
    expect(a.got).toEqual(['data-changed:/y']);
  });

  it('removes by type and by watcher, and summarizes like wchs', () => {
    const m = new WatchManager();
    const a = sink();
    const b = sink();
    m.addData('/1', a);
    m.addChild('/1', a);
    m.addData('/2', b);
    expect(m.summary()).toEqual({ watchers: 2, paths: 2, total: 2 });
    expect(m.remove('/1', 'data', a)).toBe(true);
    expect(m.remove('/1', 'data', a)).toBe(false);
    expect(m.contains('/1', 'children', a)).toBe(true);
    m.removeWatcher(a);
    expect(m.contains('/1', 'any', a)).toBe(false);
    expect(m.count()).toBe(1);
  });
});
