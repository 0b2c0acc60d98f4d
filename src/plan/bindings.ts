/**
 * Where streams come from and go to in `gale run`: FILE (JSON lines or CSV),
 * GENERATOR (built-in data), INSERT ... VALUES (constant rows), and the
 * terminal for outputs with no FILE. Topics are the engine's (gale serve).
 */
import { existsSync } from 'node:fs';
import { extname, isAbsolute, resolve } from 'node:path';
import type { StreamDef } from '../sql/catalog.js';
import type { Field } from '../sql/types.js';
import { FileSource, type FileFormat } from '../connectors/file/file-source.js';
import { fileSink, stdoutSink } from '../connectors/file/file-sink.js';
import { GENERATORS, GENERATOR_DEFAULTS, GeneratorSource } from '../connectors/generator/index.js';
import type { RowSink } from '../runtime/bolts/sink.js';
import { Layout } from '../runtime/layout.js';
import type { Row } from '../runtime/message.js';
import type { Source, SourceReader } from '../runtime/spouts/source.js';
import { parseTimestamp } from '../sql/functions/index.js';
import type { PlanContext } from './context.js';
import { PlanError } from './errors.js';

function formatOf(def: StreamDef, path: string): FileFormat {
  const f = def.binding.format;
  if (f === 'csv' || f === 'json' || f === 'string') return f;
  return extname(path).toLowerCase() === '.csv' ? 'csv' : 'json';
}

function paths(def: StreamDef): string[] {
  return def.binding
    .file!.split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

function resolveInput(p: string, ctx: PlanContext, def: StreamDef): string {
  if (isAbsolute(p)) {
    if (!existsSync(p) && ctx.options.requireInputFiles !== false) throw new PlanError('GALE_ERR_PLAN_FILE_NOT_FOUND', `stream ${def.name}: input file ${p} does not exist`, def.loc);
    return p;
  }
  const a = resolve(ctx.options.baseDir, p);
  if (existsSync(a)) return a;
  const b = resolve(ctx.options.cwd ?? process.cwd(), p);
  if (existsSync(b)) return b;
  if (ctx.options.requireInputFiles === false) return a;
  throw new PlanError('GALE_ERR_PLAN_FILE_NOT_FOUND', `stream ${def.name}: input file ${p} does not exist (looked in ${ctx.options.baseDir})`, def.loc);
}

function numberOption(def: StreamDef, key: string): number | undefined {
  const v = def.binding.generatorOptions[key];
  if (v === undefined) return undefined;
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isFinite(n) || n < 0) throw new PlanError('GALE_ERR_PLAN_BAD_OPTION', `stream ${def.name}: ${key.toUpperCase()} must be a non-negative number`, def.loc);
  return n;
}

/** The source of an input stream. */
export function sourceFor(def: StreamDef, ctx: PlanContext): Source {
  const fields = def.fields ?? [];
  const layout = new Layout(fields);
  const ts = def.eventTime?.index;
  const b = def.binding;
  if (b.generator !== undefined) {
    const kind = GENERATORS.get(b.generator.toLowerCase());
    if (kind === undefined) {
      throw new PlanError(
        'GALE_ERR_PLAN_UNKNOWN_GENERATOR',
        `stream ${def.name}: no generator named '${b.generator}' (there are ${[...GENERATORS.keys()].join(', ')})`,
        def.loc,
      );
    }
    const base = b.generatorOptions['base.time'];
    const baseTime = typeof base === 'string' ? parseTimestamp(base) : typeof base === 'number' ? base : undefined;
    const events = ctx.options.events ?? numberOption(def, 'events');
    const rate = ctx.options.rate ?? numberOption(def, 'rate');
    try {
      return new GeneratorSource({
        kind,
        layout,
        params: {
          seed: numberOption(def, 'seed') ?? GENERATOR_DEFAULTS.seed,
          eventRate: numberOption(def, 'event.rate') ?? GENERATOR_DEFAULTS.eventRate,
          baseTime: baseTime ?? GENERATOR_DEFAULTS.baseTime,
        },
        ...(events === undefined ? {} : { events: Math.floor(events) }),
        ...(rate === undefined || rate === 0 ? {} : { rate }),
        ...(ts === undefined ? {} : { timestampField: ts }),
        ...(b.idleTimeoutMs === undefined ? {} : { idleTimeoutMs: b.idleTimeoutMs }),
      });
    } catch (err) {
      if (err instanceof Error && 'code' in err && err.code === 'GALE_ERR_PLAN_GENERATOR_FIELD') {
        throw new PlanError('GALE_ERR_PLAN_GENERATOR_FIELD', `stream ${def.name}: ${err.message}`, def.loc);
      }
      throw err;
    }
  }
  if (b.file !== undefined) {
    const shown = paths(def);
    const resolved = shown.map((p) => resolveInput(p, ctx, def));
    return new FileSource({
      paths: resolved,
      displayPaths: shown,
      format: formatOf(def, resolved[0] ?? ''),
      layout,
      ...(ts === undefined ? {} : { timestampField: ts }),
    });
  }
  if (ctx.options.topics !== undefined) return ctx.options.topics.source(def);
  throw new PlanError(
    'GALE_ERR_PLAN_NO_BINDING',
    `stream ${def.name} is read but has no FILE or GENERATOR binding, and no statement writes it (topics need the engine: gale serve)`,
    def.loc,
  );
}

/** A sink for a stream's rows: its FILE, or the terminal. */
export function sinkFor(o: {
  stream: string;
  def: StreamDef | undefined;
  fields: readonly Field[];
  labelled: boolean;
  ctx: PlanContext;
}): { sink: () => RowSink; text: string } {
  const layout = new Layout(o.fields);
  const override = o.ctx.options.sinkOverride;
  if (override !== undefined) return { sink: () => override(o.stream, layout), text: 'sink override' };
  const file = o.def?.binding.file;
  if (file !== undefined) {
    const path = isAbsolute(file) ? file : resolve(o.ctx.options.baseDir, file);
    const format = formatOf(o.def!, path);
    return { sink: () => fileSink({ path, shown: file, format, layout }), text: `file ${file} (${format})` };
  }
  const topics = o.ctx.options.topics;
  const def = o.def;
  if (topics !== undefined && def !== undefined && def.binding.generator === undefined) {
    return { sink: () => topics.sink(def, layout), text: topics.describe(def) };
  }
  const terminal = o.ctx.options.terminal;
  if (terminal !== undefined) return { sink: () => terminal(o.stream, layout, o.labelled), text: 'terminal' };
  return {
    sink: () => stdoutSink({ layout, ...(o.labelled ? { label: o.stream } : {}) }),
    text: 'stdout (JSON lines)',
  };
}

/** INSERT INTO s VALUES (...): a bounded source of constant rows. */
export class ValuesSource implements Source {
  readonly partitions = 1;
  readonly bounded = true;
  readonly layout: Layout;
  readonly timestampField?: number;
  readonly description: string;

  constructor(
    fields: readonly Field[],
    private readonly rows: Row[],
    timestampField: number | undefined,
  ) {
    this.layout = new Layout(fields);
    if (timestampField !== undefined) this.timestampField = timestampField;
    this.description = `VALUES (${rows.length} row${rows.length === 1 ? '' : 's'})`;
  }

  open(): SourceReader {
    let done = false;
    return {
      next: () => {
        if (done) return null;
        done = true;
        return { rows: this.rows };
      },
      close: () => undefined,
    };
  }
}
