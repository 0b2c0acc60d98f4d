/**
 * SHOW and DESCRIBE: the catalog, the running queries and the log's topics
 * as tables (columns + rows) a front end prints as it likes.
 */
import type { StatementResult } from '../api.js';
import type { Log } from '../../log/log.js';
import type { Catalog, StreamDef } from '../../sql/catalog.js';
import { streams, tables } from '../../sql/catalog.js';
import type { CheckedDescribe, ShowTarget } from '../../sql/checked/index.js';
import { formatExpr, formatWindowSpec } from '../../sql/format.js';
import { isTopicStream, topicOf } from '../bindings/topic-binding.js';

/** A running query as SHOW QUERIES lists it. */
export interface QueryRow {
  readonly id: string;
  readonly kind: 'persistent' | 'push';
  readonly state: string;
  readonly sink: string;
  readonly eventsIn: number;
  readonly rowsOut: number;
  readonly sql: string;
}

export interface ShowContext {
  readonly catalog: Catalog;
  readonly queries: readonly QueryRow[];
  readonly log: Log;
  readonly statement: string;
}

type Table = Extract<StatementResult, { kind: 'table' }>;

function table(statement: string, columns: string[], rows: unknown[][]): Table {
  return { kind: 'table', statement, columns, rows };
}

function where(def: StreamDef): string {
  const b = def.binding;
  if (b.file !== undefined) return `file ${b.file}`;
  if (b.generator !== undefined) return `generator ${b.generator}`;
  return `topic ${topicOf(def)}`;
}

function fieldsText(fields: readonly { name: string; type: string }[] | undefined): string {
  return fields === undefined ? '(schema from its first INTO)' : fields.map((f) => `${f.name} ${f.type}`).join(', ');
}

export async function show(what: ShowTarget, ctx: ShowContext): Promise<Table> {
  const c = ctx.catalog;
  switch (what) {
    case 'streams':
      return table(
        ctx.statement,
        ['name', 'direction', 'source', 'format', 'key', 'timestamp', 'fields'],
        streams(c)
          .sort((a, b) => a.name.localeCompare(b.name))
          .map((s) => [
            s.name,
            s.direction,
            where(s),
            s.binding.format ?? (isTopicStream(s) ? 'json' : ''),
            (s.binding.key ?? []).join(', '),
            s.eventTime?.name ?? '',
            fieldsText(s.fields),
          ]),
      );
    case 'tables':
      return table(
        ctx.statement,
        ['name', 'primary key', 'index', 'fields'],
        tables(c).map((t) => [t.name, t.primaryKey.map((k) => k.name).join(', '), t.index, fieldsText(t.fields)]),
      );
    case 'queries':
      return table(
        ctx.statement,
        ['id', 'kind', 'state', 'sink', 'events in', 'rows out', 'sql'],
        ctx.queries.map((q) => [q.id, q.kind, q.state, q.sink, q.eventsIn, q.rowsOut, q.sql]),
      );
    case 'topics': {
      const names = (await ctx.log.listTopics()).filter((n) => !n.startsWith('__')).sort();
      const rows: unknown[][] = [];
      for (const n of names) {
        const d = await ctx.log.describeTopic(n);
        if (d === undefined) continue;
        let records = 0n;
        for (let p = 0; p < d.partitions; p++) {
          const o = await ctx.log.offsets({ topic: n, partition: p });
          records += o.highWatermark - o.logStart;
        }
        const usedBy = streams(c)
          .filter((s) => isTopicStream(s) && topicOf(s) === n)
          .map((s) => s.name);
        rows.push([n, d.partitions, Number(records), usedBy.join(', ')]);
      }
      return table(ctx.statement, ['name', 'partitions', 'records', 'streams'], rows);
    }
    case 'windows':
      return table(
        ctx.statement,
        ['name', 'definition'],
        [...c.windows.values()].map((w) => [w.name, formatWindowSpec(w.spec)]),
      );
    case 'schemas':
      return table(ctx.statement, ['name', 'fields'], [...c.schemas.values()].map((s) => [s.name, fieldsText(s.fields)]));
    case 'variables':
      return table(
        ctx.statement,
        ['name', 'type', 'value', 'constant'],
        [...c.variables.values()].map((v) => [v.name, v.type, v.initial, v.constant]),
      );
    case 'functions':
      return table(
        ctx.statement,
        ['name', 'category', 'signatures'],
        [...c.functions.values()]
          .sort((a, b) => a.name.localeCompare(b.name))
          .map((f) => [f.name, f.category, f.signatures.join('; ')]),
      );
  }
}

export function describe(d: CheckedDescribe, ctx: ShowContext): Table {
  const c = ctx.catalog;
  const { kind, name } = d.target;
  switch (kind) {
    case 'stream': {
      const s = c.relations.get(name) as StreamDef;
      const key = new Set(s.binding.key ?? []);
      return table(
        ctx.statement,
        ['field', 'type', 'note'],
        (s.fields ?? []).map((f) => [
          f.name,
          f.type,
          [key.has(f.name) ? 'key' : '', s.eventTime?.name === f.name ? 'event time' : ''].filter((x) => x !== '').join(', '),
        ]),
      );
    }
    case 'table': {
      const t = tables(c).find((x) => x.name === name)!;
      const pk = new Set(t.primaryKey.map((k) => k.name));
      return table(ctx.statement, ['field', 'type', 'note'], t.fields.map((f) => [f.name, f.type, pk.has(f.name) ? 'primary key' : '']));
    }
    case 'schema':
      return table(ctx.statement, ['field', 'type'], (c.schemas.get(name)?.fields ?? []).map((f) => [f.name, f.type]));
    case 'window': {
      const w = c.windows.get(name)!;
      const s = w.spec;
      return table(
        ctx.statement,
        ['property', 'value'],
        [
          ['size', formatExpr(s.size)],
          ['advance', s.advance === undefined ? formatExpr(s.size) : formatExpr(s.advance)],
          ['dimension', s.dimension.kind === 'OnField' ? `ON ${s.dimension.field.name}` : s.dimension.kind.toUpperCase()],
          ['partition by', s.partitionBy.map((p) => p.name).join(', ')],
        ],
      );
    }
    case 'variable': {
      const v = c.variables.get(name)!;
      return table(ctx.statement, ['name', 'type', 'value', 'constant'], [[v.name, v.type, v.initial, v.constant]]);
    }
  }
}
