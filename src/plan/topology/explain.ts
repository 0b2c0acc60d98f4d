/**
 * EXPLAIN output: each query's topology as readable text (component, kind,
 * parallelism, inputs with their grouping, what it computes), as Graphviz
 * DOT, or as a Mermaid flowchart.
 */
import type { Grouping } from '../../runtime/groupings.js';
import type { ComponentView, QueryView, Topology } from './topology.js';

export type ExplainFormat = 'text' | 'dot' | 'mermaid';

/** `→` for edges that keep rows where they are, `⤨` for edges that move them. */
export function groupingText(g: Grouping): string {
  switch (g.kind) {
    case 'fields':
      return `fields(${g.names.join(', ')}) ⤨`;
    case 'shuffle':
      return 'shuffle ⤨';
    case 'local-or-shuffle':
      return 'local-or-shuffle →';
    case 'all':
      return 'all ⤨';
    case 'global':
      return 'global →';
  }
}

function where(q: QueryView): string {
  return q.loc === undefined ? '' : `  (${q.loc.file ?? '<input>'}:${q.loc.line})`;
}

function textOf(t: Topology): string {
  const out: string[] = [];
  for (const q of t.queries) {
    out.push(`Query ${q.name} → ${q.target}${where(q)}`);
    const w = Math.max(...q.components.map((c) => c.id.length), 4);
    for (const c of q.components) {
      const role = c.owner === q.name || c.role === 'spout' ? c.role : 'from';
      out.push(`  ${role.padEnd(5)} ${c.id.padEnd(w)}  ${c.kind.padEnd(15)} x${c.parallelism}`);
      for (const i of c.inputs) out.push(`        ${''.padEnd(w)}  ← ${i.from}${i.port > 0 || c.inputs.some((x) => x.port > 0) ? ` [port ${i.port}]` : ''} (${groupingText(i.grouping)})`);
      if (c.describe !== '') out.push(`        ${''.padEnd(w)}  ${c.describe}`);
    }
    out.push('');
  }
  return out.join('\n');
}

const dotId = (s: string): string => JSON.stringify(s);

function dotOf(t: Topology): string {
  const out = ['digraph gale {', '  rankdir=LR;', '  node [shape=box, fontname="Helvetica", fontsize=10];'];
  const seen = new Set<string>();
  for (const q of t.queries) {
    out.push(`  subgraph ${dotId(`cluster_${q.name}`)} {`, `    label=${dotId(`${q.name} → ${q.target}`)};`);
    for (const c of q.components) {
      if (c.owner !== q.name || seen.has(c.id)) continue;
      seen.add(c.id);
      out.push(`    ${dotId(c.id)} [label=${dotId(`${c.id}\\n${c.kind} x${c.parallelism}`)}];`);
    }
    out.push('  }');
  }
  for (const q of t.queries) {
    for (const c of q.components) {
      if (c.role === 'spout' && !seen.has(c.id)) {
        seen.add(c.id);
        out.push(`  ${dotId(c.id)} [shape=cds, label=${dotId(`${c.id}\\n${c.describe}\\nx${c.parallelism}`)}];`);
      }
    }
  }
  const edges = new Set<string>();
  for (const q of t.queries) {
    for (const c of q.components) {
      if (c.owner !== q.name) continue;
      for (const i of c.inputs) edges.add(`  ${dotId(i.from)} -> ${dotId(c.id)} [label=${dotId(groupingText(i.grouping))}];`);
    }
  }
  out.push(...edges, '}');
  return `${out.join('\n')}\n`;
}

function mermaidOf(t: Topology): string {
  const ids = new Map<string, string>();
  const id = (s: string): string => {
    let v = ids.get(s);
    if (v === undefined) {
      v = `n${ids.size}`;
      ids.set(s, v);
    }
    return v;
  };
  const label = (c: ComponentView): string => `"${`${c.id}<br/>${c.kind} x${c.parallelism}`.replace(/"/g, '#quot;')}"`;
  const out = ['flowchart LR'];
  const seen = new Set<string>();
  for (const q of t.queries) {
    for (const c of q.components) {
      if (c.role !== 'spout' || seen.has(c.id)) continue;
      seen.add(c.id);
      out.push(`  ${id(c.id)}[(${label(c)})]`);
    }
  }
  for (const q of t.queries) {
    out.push(`  subgraph ${q.name}["${q.name} → ${q.target.replace(/"/g, '#quot;')}"]`);
    for (const c of q.components) {
      if (c.owner !== q.name || seen.has(c.id)) continue;
      seen.add(c.id);
      out.push(`    ${id(c.id)}[${label(c)}]`);
    }
    out.push('  end');
  }
  for (const q of t.queries) {
    for (const c of q.components) {
      if (c.owner !== q.name) continue;
      for (const i of c.inputs) {
        const arrow = i.grouping.kind === 'global' || i.grouping.kind === 'local-or-shuffle' ? '-->' : '-.->';
        out.push(`  ${id(i.from)} ${arrow}|"${groupingText(i.grouping)}"| ${id(c.id)}`);
      }
    }
  }
  return `${out.join('\n')}\n`;
}

export function explain(t: Topology, format: ExplainFormat = 'text'): string {
  switch (format) {
    case 'text':
      return textOf(t);
    case 'dot':
      return dotOf(t);
    case 'mermaid':
      return mermaidOf(t);
  }
}
