/** Checked expressions printed back as SQL-like text, for EXPLAIN lines. */
import type { TExpr } from '../sql/checked/index.js';
import type { QueryInput } from '../sql/checked/index.js';

export function exprText(e: TExpr, inputs: readonly Pick<QueryInput, 'alias'>[] = []): string {
  const t = (x: TExpr): string => exprText(x, inputs);
  switch (e.kind) {
    case 'Literal':
      return e.value === null ? 'NULL' : typeof e.value === 'string' ? `'${e.value.replace(/'/g, "''")}'` : String(e.value);
    case 'Column':
      return inputs.length > 1 ? `${inputs[e.input]?.alias ?? `$${e.input}`}.${e.name}` : e.name;
    case 'Variable':
      return e.name;
    case 'Call':
      return `${e.fn}(${e.args.map(t).join(', ')})`;
    case 'Aggregate':
      return `${e.fn}(${e.star ? '*' : e.args.map(t).join(', ')})`;
    case 'WindowBound':
      return e.bound === 'start' ? 'window_start()' : 'window_end()';
    case 'Unary':
      return e.op === 'not' ? `NOT ${t(e.operand)}` : `-${t(e.operand)}`;
    case 'Arithmetic':
    case 'Comparison':
      return `(${t(e.left)} ${e.op} ${t(e.right)})`;
    case 'Logical':
      return `(${t(e.left)} ${e.op.toUpperCase()} ${t(e.right)})`;
    case 'Concat':
      return `(${t(e.left)} || ${t(e.right)})`;
    case 'IsNull':
      return `${t(e.operand)} IS ${e.negated ? 'NOT ' : ''}NULL`;
    case 'InList':
      return `${t(e.operand)} ${e.negated ? 'NOT ' : ''}IN (${e.list.map(t).join(', ')})`;
    case 'Between':
      return `${t(e.operand)} ${e.negated ? 'NOT ' : ''}BETWEEN ${t(e.low)} AND ${t(e.high)}`;
    case 'Like':
      return `${t(e.operand)} ${e.negated ? 'NOT ' : ''}LIKE ${t(e.pattern)}`;
    case 'Case':
      return `CASE ${e.whens.map((w) => `WHEN ${t(w.when)} THEN ${t(w.then)}`).join(' ')}${e.else === undefined ? '' : ` ELSE ${t(e.else)}`} END`;
    case 'Cast':
      return `CAST(${t(e.operand)} AS ${e.type})`;
  }
}
