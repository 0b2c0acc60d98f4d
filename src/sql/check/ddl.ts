/** Declarations: CREATE SCHEMA / STREAM (with its WITH binding) / WINDOW / MEMORY TABLE. */
import type { SourceSpan } from '../../errors.js';
import type { CreateSchema, CreateStream, CreateTable, CreateWindow, FieldDecl, WithOption } from '../ast/index.js';
import type { StreamBinding, StreamDef, StreamFormat } from '../catalog.js';
import type { CheckedCreateSchema, CheckedCreateStream, CheckedCreateTable, CheckedCreateWindow } from '../checked/index.js';
import { isFieldType, isNumeric } from '../types.js';
import type { Field } from '../types.js';
import type { CheckContext } from './context.js';
import { listNames, report, reportUnknown, suggestion } from './context.js';
import { checkWindowDeclaration } from './window.js';

/** Fields from declarations: known types, no duplicate names (reported). */
export function checkFields(ctx: CheckContext, decls: readonly FieldDecl[], what: string): Field[] {
  const out: Field[] = [];
  for (const d of decls) {
    if (!isFieldType(d.type.name)) {
      report(ctx, 'GALE_ERR_SQL_UNKNOWN_TYPE', `unknown type '${d.type.name}' (types are bool, int, long, double, string, timestamp)`, d.type.loc);
      continue;
    }
    if (out.some((f) => f.name === d.name.name)) {
      report(ctx, 'GALE_ERR_SQL_DUPLICATE_FIELD', `${what} declares field '${d.name.name}' twice`, d.name.loc);
      continue;
    }
    out.push({ name: d.name.name, type: d.type.name });
  }
  return out;
}

export function checkCreateSchema(ctx: CheckContext, s: CreateSchema): CheckedCreateSchema {
  if (ctx.catalog.schemas.has(s.name.name)) {
    report(ctx, 'GALE_ERR_SQL_DUPLICATE_NAME', `schema '${s.name.name}' is already declared`, s.name.loc);
  }
  const schema = { name: s.name.name, fields: checkFields(ctx, s.fields, `schema ${s.name.name}`), loc: s.loc };
  if (!ctx.catalog.schemas.has(s.name.name)) ctx.catalog.schemas.set(schema.name, schema);
  return { kind: 'CreateSchema', ast: s, schema };
}

function relationTaken(ctx: CheckContext, name: string, loc: SourceSpan): boolean {
  const existing = ctx.catalog.relations.get(name);
  if (existing === undefined) return false;
  const how = existing.kind === 'table' ? 'a table' : existing.implicit ? 'a stream (declared by an earlier INTO)' : 'a stream';
  report(ctx, 'GALE_ERR_SQL_DUPLICATE_NAME', `'${name}' is already ${how}`, loc);
  return true;
}

export function checkCreateStream(ctx: CheckContext, s: CreateStream): CheckedCreateStream {
  const taken = relationTaken(ctx, s.name.name, s.name.loc);
  let fields: Field[] | undefined;
  if (s.schema?.kind === 'SchemaRef') {
    const schema = ctx.catalog.schemas.get(s.schema.name.name);
    if (schema === undefined) {
      reportUnknown(ctx, 'GALE_ERR_SQL_UNKNOWN_SCHEMA', s.schema.name.name, `unknown schema '${s.schema.name.name}'${suggestion(s.schema.name.name, ctx.catalog.schemas.keys())}`, s.schema.name.loc);
      fields = [];
    } else {
      fields = [...schema.fields];
    }
  } else if (s.schema?.kind === 'FieldList') {
    fields = checkFields(ctx, s.schema.fields, `stream ${s.name.name}`);
  } else if (s.direction === 'input') {
    report(ctx, 'GALE_ERR_SQL_NO_SCHEMA', `INPUT stream '${s.name.name}' needs a schema: (field type, ...) or a schema name`, s.name.loc);
  }
  const { binding, eventTime } = checkBinding(ctx, s, fields);
  const stream: StreamDef = {
    kind: 'stream',
    name: s.name.name,
    direction: s.direction,
    fields,
    binding,
    ...(eventTime === undefined ? {} : { eventTime }),
    implicit: false,
    loc: s.loc,
  };
  if (!taken) ctx.catalog.relations.set(stream.name, stream);
  return { kind: 'CreateStream', ast: s, stream };
}

const BINDING_KEYS = ['TOPIC', 'PARTITIONS', 'KEY', 'FORMAT', 'TIMESTAMP', 'FILE', 'GENERATOR', 'IDLE_TIMEOUT'] as const;
const FORMATS: readonly StreamFormat[] = ['json', 'csv', 'string'];

function optionText(o: WithOption): string | undefined {
  const v = o.value;
  if (v.kind === 'OptionWord') return v.word;
  return v.type === 'string' ? v.value : undefined;
}

function optionNumber(o: WithOption): number | undefined {
  const v = o.value;
  return v.kind === 'Literal' && typeof v.value === 'number' ? v.value : undefined;
}

function checkBinding(
  ctx: CheckContext,
  s: CreateStream,
  fields: Field[] | undefined,
): { binding: StreamBinding; eventTime?: { name: string; index: number } } {
  const seen = new Map<string, WithOption>();
  const generatorOptions: Record<string, string | number | boolean> = {};
  const out: { -readonly [K in keyof StreamBinding]: StreamBinding[K] } = { generatorOptions };
  let eventTime: { name: string; index: number } | undefined;
  const hasGenerator = s.with.some((o) => o.key.name.toUpperCase() === 'GENERATOR');
  const bad = (o: WithOption, message: string): void => report(ctx, 'GALE_ERR_SQL_BAD_OPTION', message, o.value.loc);
  const needField = (o: WithOption, name: string): number | undefined => {
    if (fields === undefined) {
      report(ctx, 'GALE_ERR_SQL_BAD_OPTION', `${o.key.name.toUpperCase()} names a field, so the stream needs a schema`, o.key.loc);
      return undefined;
    }
    const i = fields.findIndex((f) => f.name === name);
    if (i < 0) bad(o, `${o.key.name.toUpperCase()}: no field '${name}' in ${s.name.name} (fields: ${listNames(fields.map((f) => f.name))})${suggestion(name, fields.map((f) => f.name))}`);
    return i < 0 ? undefined : i;
  };
  for (const o of s.with) {
    const key = o.key.name.toUpperCase();
    if (seen.has(key)) {
      report(ctx, 'GALE_ERR_SQL_BAD_OPTION', `WITH key ${key} is given twice`, o.key.loc);
      continue;
    }
    seen.set(key, o);
    const text = optionText(o);
    const num = optionNumber(o);
    switch (key as (typeof BINDING_KEYS)[number]) {
      case 'TOPIC':
        if (text === undefined || text === '') bad(o, "TOPIC must be a topic name, e.g. TOPIC = 'bids'");
        else out.topic = text;
        break;
      case 'PARTITIONS':
        if (num === undefined || !Number.isInteger(num) || num < 1) bad(o, 'PARTITIONS must be a whole number ≥ 1');
        else out.partitions = num;
        break;
      case 'KEY': {
        if (text === undefined || text.trim() === '') {
          bad(o, "KEY must name the key field(s), e.g. KEY = 'auction' or KEY = 'a,b'");
          break;
        }
        const names = text.split(',').map((x) => x.trim());
        if (names.every((n) => needField(o, n) !== undefined)) out.key = names;
        break;
      }
      case 'FORMAT':
        if (text === undefined || !FORMATS.includes(text.toLowerCase() as StreamFormat)) bad(o, 'FORMAT must be json, csv or string');
        else {
          out.format = text.toLowerCase() as StreamFormat;
          if (out.format === 'string' && fields !== undefined && (fields.length !== 1 || fields[0]!.type !== 'string')) {
            bad(o, 'FORMAT = string needs a stream with exactly one string field');
          }
        }
        break;
      case 'TIMESTAMP': {
        if (text === undefined) {
          bad(o, "TIMESTAMP must name the event-time field, e.g. TIMESTAMP = 'ts'");
          break;
        }
        const i = needField(o, text);
        if (i === undefined) break;
        const t = fields![i]!.type;
        if (t !== 'timestamp' && !isNumeric(t)) bad(o, `TIMESTAMP field '${text}' must be a timestamp or a number, not ${t}`);
        else {
          out.timestamp = text;
          eventTime = { name: text, index: i };
        }
        break;
      }
      case 'FILE':
        if (text === undefined || text === '') bad(o, "FILE must be a path, e.g. FILE = 'data/bids.jsonl'");
        else out.file = text;
        break;
      case 'GENERATOR':
        if (text === undefined || text === '') bad(o, "GENERATOR must name a generator, e.g. GENERATOR = 'nexmark.bid'");
        else if (s.direction === 'output') bad(o, 'an OUTPUT stream cannot have a GENERATOR');
        else out.generator = text;
        break;
      case 'IDLE_TIMEOUT':
        if (num === undefined || num < 0) bad(o, 'IDLE_TIMEOUT must be a number of seconds ≥ 0');
        else out.idleTimeoutMs = Math.round(num * 1000);
        break;
      default:
        if (hasGenerator) {
          const v = o.value;
          generatorOptions[o.key.name.toLowerCase()] = v.kind === 'OptionWord' ? v.word : (v.value ?? '');
        } else {
          report(
            ctx,
            'GALE_ERR_SQL_BAD_OPTION',
            `unknown WITH key '${o.key.name}' (expected ${BINDING_KEYS.join(', ')}; other keys are options of a GENERATOR)${suggestion(key, BINDING_KEYS)}`,
            o.key.loc,
          );
        }
    }
  }
  const file = seen.get('FILE');
  if (file !== undefined && seen.has('TOPIC')) report(ctx, 'GALE_ERR_SQL_BAD_OPTION', 'a stream reads or writes either a FILE or a TOPIC, not both', file.key.loc);
  const gen = seen.get('GENERATOR');
  if (gen !== undefined && (seen.has('FILE') || seen.has('TOPIC'))) {
    report(ctx, 'GALE_ERR_SQL_BAD_OPTION', 'a GENERATOR stream has no FILE or TOPIC', gen.key.loc);
  }
  return { binding: out, ...(eventTime === undefined ? {} : { eventTime }) };
}

export function checkCreateWindow(ctx: CheckContext, w: CreateWindow): CheckedCreateWindow {
  const taken = ctx.catalog.windows.has(w.name.name);
  if (taken) report(ctx, 'GALE_ERR_SQL_DUPLICATE_NAME', `window '${w.name.name}' is already declared`, w.name.loc);
  const before = ctx.errors.length;
  checkWindowDeclaration(ctx, w.spec);
  const window = { name: w.name.name, spec: w.spec, loc: w.loc };
  if (!taken) {
    ctx.catalog.windows.set(window.name, window);
    if (ctx.errors.length > before) ctx.invalidWindows.add(window.name);
  }
  return { kind: 'CreateWindow', ast: w, window };
}

export function checkCreateTable(ctx: CheckContext, t: CreateTable): CheckedCreateTable {
  const taken = relationTaken(ctx, t.name.name, t.name.loc);
  const fields = checkFields(ctx, t.columns, `table ${t.name.name}`);
  const primaryKey: { name: string; index: number }[] = [];
  if (t.columns.length === 0) report(ctx, 'GALE_ERR_SQL_MISSING_PRIMARY_KEY', `table '${t.name.name}' needs columns`, t.name.loc);
  if (t.primaryKey === undefined) {
    report(ctx, 'GALE_ERR_SQL_MISSING_PRIMARY_KEY', `table '${t.name.name}' needs a PRIMARY KEY (column, ...) clause`, t.name.loc);
  } else {
    for (const c of t.primaryKey.columns) {
      const index = fields.findIndex((f) => f.name === c.name);
      if (index < 0) {
        report(ctx, 'GALE_ERR_SQL_BAD_PRIMARY_KEY', `PRIMARY KEY names '${c.name}', which is not a column of ${t.name.name}${suggestion(c.name, fields.map((f) => f.name))}`, c.loc);
      } else if (primaryKey.some((k) => k.name === c.name)) {
        report(ctx, 'GALE_ERR_SQL_BAD_PRIMARY_KEY', `PRIMARY KEY lists '${c.name}' twice`, c.loc);
      } else {
        primaryKey.push({ name: c.name, index });
      }
    }
  }
  const table = {
    kind: 'table' as const,
    name: t.name.name,
    fields,
    primaryKey,
    index: t.primaryKey?.using ?? 'hash',
    loc: t.loc,
  };
  if (!taken) ctx.catalog.relations.set(table.name, table);
  return { kind: 'CreateTable', ast: t, table };
}

