/**
 * Pattern: FROM PATTERN ... WITHIN ... (runtime/bolts/pattern.ts). The
 * pattern is expanded into paths: THEN concatenates, OR gives alternatives,
 * AND both interleavings; NOT x is a guard step. A path that would start
 * with a guard is dropped (there is nothing before it to guard).
 */
import type { CheckedPattern, CheckedQuery, CheckedWithin } from '../../sql/checked/index.js';
import { PatternBolt, type PatternSpec, type PatternStep } from '../../runtime/bolts/pattern.js';
import { fieldPart, type KeyFn } from '../../runtime/keys.js';
import { compilePredicate, compileProjection } from '../compile/expr.js';
import { conjuncts, inputsEnv, inputsOf } from '../compile/env.js';
import type { PlanContext } from '../context.js';
import { PlanError } from '../errors.js';
import { exprText } from '../explain-expr.js';
import type { BoltNode, Partitioning } from './node.js';

export function expandPattern(p: CheckedPattern): PatternStep[][] {
  switch (p.kind) {
    case 'Source':
      return [[{ input: p.input, negated: false }]];
    case 'Not': {
      if (p.operand.kind !== 'Source') throw new PlanError('GALE_ERR_PLAN_UNSUPPORTED', 'NOT applies to one pattern template (NOT A), not to a group');
      return [[{ input: p.operand.input, negated: true }]];
    }
    case 'Binary': {
      const l = expandPattern(p.left);
      const r = expandPattern(p.right);
      if (p.op === 'or') return [...l, ...r];
      const out: PatternStep[][] = [];
      for (const a of l) for (const b of r) out.push(...(p.op === 'then' ? [[...a, ...b]] : interleavings(a, b)));
      return out;
    }
  }
}

function interleavings(a: PatternStep[], b: PatternStep[]): PatternStep[][] {
  if (a.length === 0) return [b];
  if (b.length === 0) return [a];
  return [
    ...interleavings(a.slice(1), b).map((x) => [a[0]!, ...x]),
    ...interleavings(a, b.slice(1)).map((x) => [b[0]!, ...x]),
  ];
}

function patternText(p: CheckedPattern, aliases: readonly { alias: string }[]): string {
  switch (p.kind) {
    case 'Source':
      return aliases[p.input]?.alias ?? `$${p.input}`;
    case 'Not':
      return `NOT ${patternText(p.operand, aliases)}`;
    case 'Binary':
      return `(${patternText(p.left, aliases)} ${p.op.toUpperCase()} ${patternText(p.right, aliases)})`;
  }
}

/** The streams a pattern reads, one port each, in order of first use. */
export function patternStreams(q: CheckedQuery): string[] {
  return [...new Set(q.inputs.map((i) => i.name))];
}

export function patternNode(o: {
  id: string;
  query: string;
  q: CheckedQuery;
  pattern: CheckedPattern;
  within: CheckedWithin;
  /** event-time field of each input's stream */
  eventTimes: readonly (number | undefined)[];
  ctx: PlanContext;
  /** emit each match as the templates' rows side by side (for an aggregate over the matches) instead of the SELECT list */
  raw?: boolean;
}): BoltNode {
  const { q, ctx } = o;
  const widths = q.inputs.map((i) => i.fields.length);
  const offsets: number[] = [];
  let w = 0;
  for (const n of widths) {
    offsets.push(w);
    w += n;
  }
  const env = inputsEnv(ctx, offsets);
  const conds = conjuncts(q.where);
  const paths = expandPattern(o.pattern).filter((p) => p.length > 0 && !p[0]!.negated);
  if (paths.length === 0) throw new PlanError('GALE_ERR_PLAN_UNSUPPORTED', 'the pattern has no way to start (every alternative starts with NOT)', q.ast.loc);
  // a key shared by every input through WHERE equalities lets the state split per key (and run on several tasks)
  const keys = sharedKey(conds, q.inputs.length);
  const within: PatternSpec['within'] =
    o.within.kind === 'time'
      ? { kind: 'time', ms: o.within.ms }
      : {
          kind: 'field',
          amount: o.within.amount,
          fields: o.within.fields.map((f) => f.index),
          watermarkDriven: o.within.fields.every((f, i) => f.index === o.eventTimes[i]),
        };
  // one port per distinct stream, in order of first use
  const streams = [...new Set(q.inputs.map((i) => i.name))];
  const portInputs = streams.map((s) => q.inputs.flatMap((inp, i) => (inp.name === s ? [i] : [])));
  const spec: PatternSpec = {
    widths,
    portInputs,
    paths,
    within,
    conjuncts: conds.map((c) => ({ inputs: [...inputsOf(c)], test: compilePredicate(c, env) })),
    ...(keys === undefined ? {} : { partitionKeys: keys.map((f) => fieldPart(f) as KeyFn) }),
    project: o.raw === true
      ? (r) => r
      : compileProjection(
          q.columns.map((c) => c.expr),
          env,
        ),
  };
  // keyed only when every template of a stream keys it by the same field
  const portKeys = keys === undefined ? undefined : portInputs.map((ins) => [...new Set(ins.map((i) => keys[i]!))]);
  const partitioning: Partitioning =
    portKeys === undefined || portKeys.some((k) => k.length !== 1) ? { kind: 'single' } : { kind: 'keyed', fields: portKeys };
  const withinText = o.within.kind === 'time' ? `${o.within.ms / 1000} TIME` : `${o.within.amount} ON ${o.within.name}`;
  return {
    kind: 'Pattern',
    id: o.id,
    query: o.query,
    fields: o.raw === true ? q.inputs.flatMap((i) => i.fields.map((f) => ({ ...f, name: `${i.alias}.${f.name}` }))) : q.output,
    inputs: [],
    describe: `PATTERN ${patternText(o.pattern, q.inputs)} WITHIN ${withinText}${q.where === undefined ? '' : ` WHERE ${exprText(q.where, q.inputs)}`}${keys === undefined ? '' : ' (state per key)'}`,
    orderSensitive: true,
    partitioning,
    create: () => new PatternBolt(spec),
  };
}

/** For each input, the field that WHERE equalities make equal across all inputs; undefined if there is none. */
function sharedKey(conds: ReturnType<typeof conjuncts>, n: number): number[] | undefined {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let p = parent.get(x) ?? x;
    if (p !== x) {
      p = find(p);
      parent.set(x, p);
    }
    return p;
  };
  for (const c of conds) {
    if (c.kind !== 'Comparison' || c.op !== '=' || c.left.kind !== 'Column' || c.right.kind !== 'Column') continue;
    if (c.left.input === c.right.input) continue;
    parent.set(find(`${c.left.input}:${c.left.field}`), find(`${c.right.input}:${c.right.field}`));
  }
  const classes = new Map<string, Map<number, number>>();
  for (const k of parent.keys()) {
    const [i, f] = k.split(':').map(Number) as [number, number];
    const root = find(k);
    const m = classes.get(root) ?? new Map<number, number>();
    if (!m.has(i)) m.set(i, f);
    classes.set(root, m);
  }
  for (const m of classes.values()) {
    if (m.size === n) return Array.from({ length: n }, (_, i) => m.get(i)!);
  }
  return undefined;
}
