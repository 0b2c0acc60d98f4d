/**
 * Transcribes Kafka's JSON message definitions into our spec format (spec.ts),
 * cut at the highest version Gale offers. This is how the files in
 * src/kafka/apis/<api>/spec.ts were first written; after that they are ours
 * and edited by hand (widen `validVersions`, add fields) — re-run it only to
 * compare against a newer Kafka.
 *
 *   npx tsx src/kafka/protocol/transcribe.ts <kafka>/clients/src/main/resources/common/message \
 *     <ApiName> <maxVersion> <out.ts> [<commit>]
 *
 * It reads `<ApiName>Request.json` and `<ApiName>Response.json`, strips the
 * `//` comments, resolves `commonStructs`, drops fields that only exist above
 * the max version, and prints a wire-grammar comment followed by the data.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface JsonField {
  name: string;
  type: string;
  versions: string;
  nullableVersions?: string;
  default?: string | number | boolean;
  tag?: number;
  taggedVersions?: string;
  fields?: JsonField[];
}

interface JsonMessage {
  apiKey: number;
  type: string;
  name: string;
  validVersions: string;
  flexibleVersions: string;
  fields: JsonField[];
  commonStructs?: { name: string; versions: string; fields: JsonField[] }[];
}

const PRIMITIVES = new Set(['bool', 'int8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'float64', 'uuid', 'string', 'bytes', 'records']);

function stripComments(text: string): string {
  return text
    .split('\n')
    .map((l) => (l.trimStart().startsWith('//') ? '' : l))
    .join('\n');
}

function minOf(v: string): number {
  if (v === 'none') return Infinity;
  return Number(v.replace('+', '').split('-')[0]);
}

function camel(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function literalDefault(type: string, d: string | number | boolean): string {
  const s = String(d);
  if (s === 'null') return 'null';
  if (type === 'bool') return s === 'true' ? 'true' : 'false';
  if (type === 'int64') return `${BigInt(s)}n`;
  if (type === 'string') return JSON.stringify(s);
  if (type === 'float64') return String(Number(s));
  return String(Number(s));
}

interface Ctx {
  readonly max: number;
  readonly common: Map<string, JsonField[]>;
}

function fieldsOf(f: JsonField, elem: string, ctx: Ctx): JsonField[] {
  const inline = f.fields ?? ctx.common.get(elem);
  if (inline === undefined) throw new Error(`no fields for struct ${elem}`);
  return inline;
}

function emitFields(fields: JsonField[], ctx: Ctx, indent: string, grammar: string[], gIndent: string): string {
  const out: string[] = [];
  for (const f of fields) {
    if (minOf(f.versions) > ctx.max) continue;
    const isArray = f.type.startsWith('[]');
    const elem = isArray ? f.type.slice(2) : f.type;
    const parts = [`name: '${camel(f.name)}'`];
    let g = `${gIndent}${f.name}: ${f.type} [${f.versions}]`;
    if (f.nullableVersions !== undefined) g += ` null ${f.nullableVersions}`;
    if (f.tag !== undefined) g += ` tag ${f.tag}`;
    if (f.default !== undefined) g += ` default ${String(f.default)}`;
    grammar.push(g); // parent before its children
    let nested = '';
    if (isArray && PRIMITIVES.has(elem)) {
      parts.push(`type: 'array'`, `items: '${elem}'`);
    } else if (isArray) {
      const inner = emitFields(fieldsOf(f, elem, ctx), ctx, `${indent}    `, grammar, `${gIndent}  `);
      parts.push(`type: 'array'`, `struct: '${elem}'`);
      nested = `items: [\n${inner}${indent}  ]`;
    } else if (PRIMITIVES.has(elem)) {
      parts.push(`type: '${elem}'`);
    } else {
      const inner = emitFields(fieldsOf(f, elem, ctx), ctx, `${indent}    `, grammar, `${gIndent}  `);
      parts.push(`type: 'struct'`, `struct: '${elem}'`);
      nested = `fields: [\n${inner}${indent}  ]`;
    }
    parts.push(`versions: '${f.versions}'`);
    if (f.nullableVersions !== undefined) parts.push(`nullableVersions: '${f.nullableVersions}'`);
    if (f.tag !== undefined) parts.push(`tag: ${f.tag}`, `taggedVersions: '${f.taggedVersions ?? f.versions}'`);
    if (f.default !== undefined && !isArray && PRIMITIVES.has(elem)) {
      parts.push(`default: ${literalDefault(elem, f.default)}`);
    }
    out.push(nested === '' ? `${indent}{ ${parts.join(', ')} },\n` : `${indent}{ ${parts.join(', ')}, ${nested} },\n`);
  }
  return out.join('');
}

function transcribeMessage(m: JsonMessage, max: number, varName: string, grammar: string[]): string {
  const common = new Map((m.commonStructs ?? []).map((c) => [c.name, c.fields]));
  const ctx: Ctx = { max, common };
  const valid = `${minOf(m.validVersions)}-${max}`;
  const flex = minOf(m.flexibleVersions) > max ? 'none' : m.flexibleVersions;
  grammar.push(`${m.name} (versions ${valid}, flexible ${flex})`);
  const body = emitFields(m.fields, ctx, '    ', grammar, '  ');
  return (
    `export const ${varName} = {\n` +
    `  name: '${m.name}',\n  apiKey: ${m.apiKey},\n  type: '${m.type}',\n` +
    `  validVersions: '${valid}',\n  flexibleVersions: '${flex}',\n` +
    `  fields: [\n${body}  ],\n} as const satisfies MessageSpec;\n`
  );
}

export function transcribeApi(opts: { dir: string; api: string; max: number; commit: string }): string {
  const read = (n: string): JsonMessage => JSON.parse(stripComments(readFileSync(join(opts.dir, `${n}.json`), 'utf8'))) as JsonMessage;
  const req = read(`${opts.api}Request`);
  const res = read(`${opts.api}Response`);
  const base = camel(opts.api);
  const grammar: string[] = [];
  const reqTs = transcribeMessage(req, opts.max, `${base}Request`, grammar);
  grammar.push('');
  const resTs = transcribeMessage(res, opts.max, `${base}Response`, grammar);
  const header =
    `/**\n * ${opts.api} (api key ${req.apiKey}), versions ${minOf(req.validVersions)}-${opts.max}.\n` +
    ` * Transcribed from apache/kafka clients/src/main/resources/common/message/\n` +
    ` * ${opts.api}Request.json and ${opts.api}Response.json @${opts.commit} by\n` +
    ` * src/kafka/protocol/transcribe.ts, then maintained by hand.\n *\n` +
    grammar.map((l) => (l === '' ? ' *' : ` *   ${l}`)).join('\n') +
    `\n */\n`;
  return (
    header +
    `import type { ApiSpec, MessageSpec } from '../../protocol/spec.js';\n\n` +
    reqTs +
    '\n' +
    resTs +
    `\nexport const ${base}Api = {\n  apiKey: ${req.apiKey},\n  name: '${opts.api}',\n` +
    `  request: ${base}Request,\n  response: ${base}Response,\n} as const satisfies ApiSpec;\n`
  );
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/.*\//, ''));
if (invokedDirectly) {
  const [dir, api, max, out, commit] = process.argv.slice(2);
  if (dir === undefined || api === undefined || max === undefined || out === undefined) {
    process.stderr.write('usage: transcribe.ts <message-dir> <ApiName> <maxVersion> <out.ts> [commit]\n');
    process.exit(2);
  }
  writeFileSync(out, transcribeApi({ dir, api, max: Number(max), commit: commit ?? 'unknown' }));
}
