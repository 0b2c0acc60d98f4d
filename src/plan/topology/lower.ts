/**
 * Logical plan → topology. Each logical node becomes one component:
 *  - parallelism: 1 for what must see everything (global aggregates, sinks,
 *    tables, ORDER BY) and for keyed components whose output order matters
 *    downstream (a TUPLES window, firstval/lastval, a pattern); else the
 *    --parallelism option (default 1). A spout has one task per partition.
 *  - groupings: keyed components get a fields grouping on their key; single
 *    ones a global grouping; stateless ones local-or-shuffle (same
 *    parallelism on both sides) or shuffle.
 */
import type { Grouping } from '../../runtime/groupings.js';
import type { BoltComponent, SpoutComponent } from '../../runtime/run.js';
import type { BoltNode, LogicalNode } from '../logical/node.js';
import type { Program } from '../script.js';
import type { ComponentView, QueryView, Topology } from './topology.js';

export function lower(program: Program): Topology {
  const P = Math.max(1, Math.floor(program.ctx.options.parallelism ?? 1));
  const bolts: BoltNode[] = program.queries.flatMap((q) => q.nodes);
  const consumers = new Map<LogicalNode, BoltNode[]>();
  for (const b of bolts) {
    for (const i of b.inputs) {
      const list = consumers.get(i.node) ?? [];
      list.push(b);
      consumers.set(i.node, list);
    }
  }
  const memo = new Map<LogicalNode, boolean>();
  const feedsOrderSensitive = (n: LogicalNode, seen = new Set<LogicalNode>()): boolean => {
    const m = memo.get(n);
    if (m !== undefined) return m;
    if (seen.has(n)) return false;
    seen.add(n);
    const r = (consumers.get(n) ?? []).some((c) => c.orderSensitive || feedsOrderSensitive(c, seen));
    memo.set(n, r);
    return r;
  };
  const parallelism = new Map<LogicalNode, number>();
  for (const s of program.spouts) parallelism.set(s, s.source.partitions);
  for (const b of bolts) {
    const single = b.partitioning.kind === 'single';
    const keyedOrder = b.partitioning.kind === 'keyed' && feedsOrderSensitive(b);
    parallelism.set(b, single || keyedOrder ? 1 : P);
  }
  const grouping = (b: BoltNode, from: LogicalNode, port: number): Grouping => {
    const part = b.partitioning;
    if (part.kind === 'single') return { kind: 'global' };
    if (part.kind === 'keyed') {
      const fields = part.fields[port] ?? [];
      return { kind: 'fields', fields, names: fields.map((f) => from.fields[f]?.name ?? `$${f}`), types: fields.map((f) => from.fields[f]?.type ?? 'string') };
    }
    return parallelism.get(from) === parallelism.get(b) ? { kind: 'local-or-shuffle' } : { kind: 'shuffle' };
  };

  const views = new Map<LogicalNode, ComponentView>();
  for (const s of program.spouts) {
    views.set(s, { id: s.id, role: 'spout', kind: 'Scan', parallelism: s.source.partitions, inputs: [], describe: s.describe, owner: s.query });
  }
  const boltComponents: BoltComponent[] = [];
  for (const q of program.queries) {
    for (const b of q.nodes) {
      const inputs = b.inputs.map((i) => ({ from: i.node.id, grouping: grouping(b, i.node, i.port), port: i.port }));
      views.set(b, { id: b.id, role: 'bolt', kind: b.kind, parallelism: parallelism.get(b)!, inputs, describe: b.describe, owner: q.name });
      boltComponents.push({ id: b.id, query: q.name, parallelism: parallelism.get(b)!, inputs, create: () => b.create() });
    }
  }
  const spoutComponents: SpoutComponent[] = program.spouts.map((s) => ({ id: s.id, source: s.source }));
  const queries: QueryView[] = program.queries.map((q) => {
    const own = q.nodes.map((n) => views.get(n)!);
    const upstream: ComponentView[] = [];
    for (const n of q.nodes) {
      for (const i of n.inputs) {
        if (q.nodes.includes(i.node as BoltNode)) continue;
        const v = views.get(i.node)!;
        if (!upstream.includes(v)) upstream.push(v);
      }
    }
    const spouts = program.spouts.filter((sp) => sp.query === q.name).map((sp) => views.get(sp)!);
    return { name: q.name, target: q.target, loc: q.loc, components: [...spouts, ...upstream.filter((u) => !spouts.includes(u)), ...own] };
  });
  return { spouts: spoutComponents, bolts: boltComponents, queries };
}
