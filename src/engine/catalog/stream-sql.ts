/**
 * A stream definition back as the CREATE STREAM that declares it. The
 * catalog keeps streams a query declared implicitly (`INTO s` of a new s),
 * or gave a schema to (`CREATE STREAM s;` then `INTO s`), as this explicit
 * statement, so they outlive the query that made them.
 */
import type { StreamDef } from '../../sql/catalog.js';
import { formatName, formatString } from '../../sql/format.js';

function value(v: string | number | boolean): string {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return formatString(v);
}

export function createStreamSql(def: StreamDef): string {
  const dir = def.direction === 'input' ? 'INPUT ' : def.direction === 'output' ? 'OUTPUT ' : '';
  let sql = `CREATE ${dir}STREAM ${formatName(def.name)}`;
  if (def.fields !== undefined) sql += ` (${def.fields.map((f) => `${formatName(f.name)} ${f.type}`).join(', ')})`;
  const b = def.binding;
  const opts: string[] = [];
  if (b.topic !== undefined) opts.push(`TOPIC = ${value(b.topic)}`);
  if (b.partitions !== undefined) opts.push(`PARTITIONS = ${b.partitions}`);
  if (b.key !== undefined && b.key.length > 0) opts.push(`KEY = ${value(b.key.join(','))}`);
  if (b.format !== undefined) opts.push(`FORMAT = ${b.format}`);
  if (b.timestamp !== undefined) opts.push(`TIMESTAMP = ${value(b.timestamp)}`);
  if (b.file !== undefined) opts.push(`FILE = ${value(b.file)}`);
  if (b.generator !== undefined) opts.push(`GENERATOR = ${value(b.generator)}`);
  if (b.idleTimeoutMs !== undefined) opts.push(`IDLE_TIMEOUT = ${b.idleTimeoutMs / 1000}`);
  for (const [k, v] of Object.entries(b.generatorOptions)) opts.push(`${formatString(k)} = ${value(v)}`);
  if (opts.length > 0) sql += ` WITH (${opts.join(', ')})`;
  return `${sql};`;
}
