/** `a UNION b [UNION c] [INTO s]`: inputs with the same field names and compatible types. */
import type { Union } from '../ast/index.js';
import type { StreamDef } from '../catalog.js';
import type { CheckedUnion, IntoTarget } from '../checked/index.js';
import { commonType } from '../types.js';
import type { Field, FieldType } from '../types.js';
import type { CheckContext } from './context.js';
import { listNames, report, reportUnknown, suggestion } from './context.js';
import { bindInto } from './query.js';

export function checkUnion(ctx: CheckContext, u: Union): CheckedUnion | undefined {
  const streams: StreamDef[] = [];
  for (const n of u.inputs) {
    const rel = ctx.catalog.relations.get(n.name);
    if (rel === undefined) {
      reportUnknown(ctx, 'GALE_ERR_SQL_UNKNOWN_STREAM', n.name, `unknown stream '${n.name}'${suggestion(n.name, ctx.catalog.relations.keys())}`, n.loc);
      return undefined;
    }
    if (rel.kind !== 'stream') {
      report(ctx, 'GALE_ERR_SQL_NOT_A_STREAM', `UNION merges streams; '${n.name}' is a table`, n.loc);
      return undefined;
    }
    if (rel.fields === undefined) {
      report(ctx, 'GALE_ERR_SQL_NO_SCHEMA', `stream '${n.name}' has no schema yet`, n.loc);
      return undefined;
    }
    streams.push(rel);
  }
  const first = streams[0]!;
  const output: Field[] = first.fields!.map((f) => ({ ...f }));
  for (let i = 1; i < streams.length; i++) {
    const s = streams[i]!;
    const fields = s.fields!;
    const names = (fs: readonly Field[]): string => listNames(fs.map((f) => f.name));
    if (fields.length !== output.length || output.some((f) => !fields.some((g) => g.name === f.name))) {
      report(ctx, 'GALE_ERR_SQL_SCHEMA_MISMATCH', `UNION inputs need the same field names: ${first.name} has (${names(output)}), ${s.name} has (${names(fields)})`, u.inputs[i]!.loc);
      return undefined;
    }
    for (const f of output) {
      const g = fields.find((x) => x.name === f.name)!;
      const t = commonType(f.type, g.type);
      if (t === undefined || t === 'null') {
        report(ctx, 'GALE_ERR_SQL_SCHEMA_MISMATCH', `UNION field '${f.name}' is ${f.type} in ${first.name} but ${g.type} in ${s.name}`, u.inputs[i]!.loc);
        return undefined;
      }
      (f as { type: FieldType }).type = t;
    }
  }
  const inputs = streams.map((s) => ({ stream: s.name, mapping: output.map((f) => s.fields!.findIndex((g) => g.name === f.name)) }));
  let into: IntoTarget | undefined;
  let out = output;
  if (u.into !== undefined) {
    if (streams.some((s) => s.name === u.into!.name)) {
      report(ctx, 'GALE_ERR_SQL_BAD_STATEMENT', `UNION cannot write INTO '${u.into.name}', one of its inputs`, u.into.loc);
      return undefined;
    }
    const columns = output.map((f, i) => ({ ...f, expr: { kind: 'Column' as const, input: 0, field: i, name: f.name, type: f.type, loc: u.loc } }));
    const bound = bindInto(ctx, u.into, columns);
    if (bound === undefined) return undefined;
    into = bound.target;
    // the target's field order wins: remap each input to it
    out = bound.columns.map((c) => ({ name: c.name, type: c.type }));
    for (const inp of inputs) {
      const s = streams.find((x) => x.name === inp.stream)!;
      (inp as { mapping: number[] }).mapping = out.map((f) => s.fields!.findIndex((g) => g.name === f.name));
    }
  }
  return { kind: 'Union', ast: u, inputs, output: out, ...(into === undefined ? {} : { into }) };
}
