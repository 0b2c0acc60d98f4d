/** The XOR acker: a tree completes when every batch id went in twice; a tree not complete in time fails. */
import { describe, expect, it } from 'vitest';
import { Acker } from '../../../src/runtime/acker.js';
import { VirtualClock } from '../../../src/runtime/clock.js';

describe('Acker', () => {
  it('completes a tree once every emitted batch is acked, in any order, and counts pending per task', () => {
    const acker = new Acker(new VirtualClock(0), 1000);
    const done: string[] = [];
    const root = 1;
    const first = Acker.newId();
    acker.init(root, first, { task: 3, onComplete: () => done.push('ok'), onFail: () => done.push('fail') });
    const children = [Acker.newId(), Acker.newId(), Acker.newId()];
    for (const c of children) acker.xor(root, c); // emitted
    acker.xor(root, first); // the spout's own batch acked
    expect(acker.pending(3)).toBe(1);
    acker.xor(root, children[2]!);
    acker.xor(root, children[0]!);
    expect(done).toEqual([]);
    acker.xor(root, children[1]!);
    expect(done).toEqual(['ok']);
    expect(acker.pending(3)).toBe(0);
  });

  it('fails a tree that is not complete within the timeout (the spout replays it)', () => {
    const clock = new VirtualClock(0);
    const acker = new Acker(clock, 1000);
    const done: string[] = [];
    acker.init(7, Acker.newId(), { task: 0, onComplete: () => done.push('ok'), onFail: () => done.push('fail') });
    clock.advanceTo(999);
    expect(acker.expire()).toBe(0);
    clock.advanceTo(1000);
    expect(acker.expire()).toBe(1);
    expect(done).toEqual(['fail']);
    expect(acker.size).toBe(0);
  });
});
