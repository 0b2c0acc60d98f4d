/** Join: two windowed streams, tuple join or SQL JOIN (runtime/bolts/join.ts). */
import type { JoinType } from '../../sql/ast/index.js';
import type { ResolvedWindow, TExpr } from '../../sql/checked/index.js';
import type { Field } from '../../sql/types.js';
import { JoinBolt, type JoinSpec, type JoinWindow } from '../../runtime/bolts/join.js';
import { fieldPart, makeJoinKeyFn, makeKeyFn } from '../../runtime/keys.js';
import { compileExpr, compilePredicate } from '../compile/expr.js';
import { equiPairs, inputsEnv } from '../compile/env.js';
import type { PlanContext } from '../context.js';
import { exprText } from '../explain-expr.js';
import type { BoltNode, Partitioning } from './node.js';
import { windowText } from './window-aggregate.js';

export interface JoinSideInfo {
  readonly fields: readonly Field[];
  /** query inputs on this side, with where each starts in this side's rows */
  readonly offsets: ReadonlyMap<number, number>;
  readonly window: ResolvedWindow | undefined;
  readonly eventTime: number | undefined;
}

function joinWindow(w: ResolvedWindow | undefined): JoinWindow {
  if (w === undefined) return { kind: 'unbounded' };
  switch (w.dimension) {
    case 'tuples':
      return { kind: 'tuples', size: w.size, advance: w.advance, partitionBy: makeKeyFn(w.partitionBy.map((f) => fieldPart(f.index))) };
    case 'time':
      return { kind: 'time', size: w.size, advance: w.advance, offset: w.offset };
    case 'field':
      return { kind: 'field', size: w.size, advance: w.advance, offset: w.offset, field: w.field!.index };
  }
}

export function joinNode(o: {
  id: string;
  query: string;
  joinType: JoinType;
  left: JoinSideInfo;
  right: JoinSideInfo;
  condition: TExpr | undefined;
  aliases: readonly { alias: string }[];
  ctx: PlanContext;
}): BoltNode {
  const { left, right, ctx } = o;
  const combined = new Map<number, number>(left.offsets);
  for (const [i, off] of right.offsets) combined.set(i, off + left.fields.length);
  const pairs = equiPairs(o.condition, new Set(left.offsets.keys()), new Set(right.offsets.keys()));
  const lenv = inputsEnv(ctx, left.offsets);
  const renv = inputsEnv(ctx, right.offsets);
  const lkey = pairs.map((p) => compileExpr(p.a, lenv));
  const rkey = pairs.map((p) => compileExpr(p.b, renv));
  const condition = o.condition === undefined ? undefined : compilePredicate(o.condition, inputsEnv(ctx, combined));
  const fieldWindowOnEventTime = (s: JoinSideInfo): boolean =>
    s.window?.dimension === 'field' && s.window.field?.index === s.eventTime;
  const spec: JoinSpec = {
    left: {
      width: left.fields.length,
      window: joinWindow(left.window),
      ...(pairs.length > 0 ? { key: makeJoinKeyFn(lkey) } : {}),
      outer: o.joinType === 'left' || o.joinType === 'full',
    },
    right: {
      width: right.fields.length,
      window: joinWindow(right.window),
      ...(pairs.length > 0 ? { key: makeJoinKeyFn(rkey) } : {}),
      outer: o.joinType === 'right' || o.joinType === 'full',
    },
    ...(condition === undefined ? {} : { condition }),
    project: (r) => r,
    watermarkDriven: fieldWindowOnEventTime(left) && fieldWindowOnEventTime(right),
  };
  const columnPos = (e: TExpr, offsets: ReadonlyMap<number, number>): number | undefined =>
    e.kind === 'Column' ? offsets.get(e.input)! + e.field : undefined;
  const lf = pairs.map((p) => columnPos(p.a, left.offsets));
  const rf = pairs.map((p) => columnPos(p.b, right.offsets));
  const tuples = left.window?.dimension === 'tuples' || right.window?.dimension === 'tuples';
  const partitioning: Partitioning =
    pairs.length > 0 && !tuples && lf.every((x) => x !== undefined) && rf.every((x) => x !== undefined)
      ? { kind: 'keyed', fields: [lf as number[], rf as number[]] }
      : { kind: 'single' };
  const side = (s: JoinSideInfo): string => (s.window === undefined ? '(no window)' : windowText(s.window));
  return {
    kind: 'Join',
    id: o.id,
    query: o.query,
    fields: [...left.fields, ...right.fields],
    inputs: [],
    describe: `${o.joinType.toUpperCase()} ${side(left)} × ${side(right)}${o.condition === undefined ? '' : ` ON ${exprText(o.condition, o.aliases)}`}${pairs.length > 0 ? ` (hash on ${pairs.map((p) => exprText(p.a, o.aliases)).join(', ')})` : ''}`,
    orderSensitive: tuples,
    partitioning,
    create: () => new JoinBolt(spec),
  };
}
