/** What WindowAggregate and Aggregate share: aggregate calls, key parts, HAVING, projection and ORDER BY. */
import type { CheckedQuery, TExpr } from '../../sql/checked/index.js';
import { evaluate } from '../../sql/eval.js';
import type { Value } from '../../sql/types.js';
import { createAggregate } from '../../runtime/aggregates/index.js';
import type { AggregateCall } from '../../runtime/aggregates/aggregate-set.js';
import type { KeyPart } from '../../runtime/keys.js';
import type { Row } from '../../runtime/message.js';
import { compileExpr, compilePredicate, compileProjection } from '../compile/expr.js';
import { aggregateEnv, inputsEnv, singleInputEnv } from '../compile/env.js';
import type { PlanContext } from '../context.js';
import { exprText } from '../explain-expr.js';

export interface AggregateParts {
  readonly keyParts: KeyPart[];
  readonly calls: AggregateCall[];
  readonly having?: (r: Row) => boolean;
  readonly project: (r: Row) => Row;
  readonly order?: (a: Row, b: Row) => number;
  /** key fields that are plain input columns (for a fields grouping) */
  readonly columnKeys: number[];
  readonly orderSensitive: boolean;
  readonly text: string;
}

/**
 * `offsets[i]`: where input i's fields start in the rows the aggregate reads
 * (one input: [0]; after a join: the combined row's layout).
 */
export function aggregateParts(
  q: CheckedQuery,
  keys: readonly TExpr[],
  ctx: PlanContext,
  offsets: readonly number[] = [0],
): AggregateParts {
  const input = offsets.length === 1 ? singleInputEnv(ctx) : inputsEnv(ctx, offsets);
  const at = (k: { input: number; field: number }): number => offsets[k.input]! + k.field;
  const keyParts = keys.map((k) => (k.kind === 'Column' ? fieldOf(at(k)) : compileExpr(k, input)));
  const calls: AggregateCall[] = q.aggregates.map((a) => {
    const constants: Value[] = a.args.map((x) => (x.kind === 'Literal' ? x.value : tryConstant(x)));
    const agg = createAggregate(a.fn, a.args[0]?.type, constants);
    return a.star || a.args.length === 0 ? { agg } : { agg, arg: compileExpr(a.args[0]!, input) };
  });
  const { env, rewrite } = aggregateEnv(ctx, keys, q.aggregates.length);
  const columns = q.columns.map((c) => rewrite(c.expr));
  const project = compileProjection(columns, env);
  const having = q.having === undefined ? undefined : compilePredicate(rewrite(q.having), env);
  let order: ((a: Row, b: Row) => number) | undefined;
  if (q.orderBy.length > 0) {
    // sort keys are computed from the aggregate row, so any grouped or aggregated expression can order
    const items = q.orderBy.map((o) => ({ key: compileExpr(rewrite(o.expr), env), desc: o.descending }));
    order = (a, b) => {
      for (const { key, desc } of items) {
        const c = compareNullsLast(key(a), key(b), desc);
        if (c !== 0) return c;
      }
      return 0;
    };
  }
  const columnKeys = keys.filter((k) => k.kind === 'Column').map((k) => at(k as { input: number; field: number }));
  const text = [
    keys.length > 0 ? `key ${keys.map((k) => exprText(k)).join(', ')}` : 'one group',
    q.aggregates.length > 0 ? q.aggregates.map((a) => exprText(a)).join(', ') : '',
    q.having === undefined ? '' : `HAVING ${exprText(q.having)}`,
    q.orderBy.length > 0 ? `ORDER BY ${q.orderBy.map((o) => `${exprText(o.expr)}${o.descending ? ' DESC' : ''}`).join(', ')}` : '',
    q.limit === undefined ? '' : `LIMIT ${q.limit}`,
  ]
    .filter((s) => s !== '')
    .join('; ');
  return {
    keyParts,
    calls,
    ...(having === undefined ? {} : { having }),
    project,
    ...(order === undefined ? {} : { order }),
    columnKeys,
    orderSensitive: q.aggregates.some((a) => a.fn === 'firstval' || a.fn === 'lastval'),
    text,
  };
}

function fieldOf(i: number): KeyPart {
  return (r) => r[i] ?? null;
}

function tryConstant(e: TExpr): Value {
  try {
    return evaluate(e);
  } catch {
    return null;
  }
}

/** SQL ordering with NULLs last (ascending and descending, as DuckDB does by default). */
export function compareNullsLast(a: Value, b: Value, desc: boolean): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const c = a < b ? -1 : a > b ? 1 : 0;
  return desc ? -c : c;
}
