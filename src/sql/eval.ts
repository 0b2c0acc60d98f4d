/**
 * A reference interpreter for checked expressions. The checker uses it to
 * fold constants (window sizes, DEFAULT values, LIMIT); tests use it to pin
 * the semantics the runtime's compiled expressions must match. Aggregates and
 * window bounds are read from the environment (the runtime computes them).
 */
import type { TExpr } from './checked/index.js';
import { SqlRuntimeError } from './errors.js';
import { BUILTIN_FUNCTIONS } from './functions/index.js';
import { castValue } from './functions/convert.js';
import { and3, arithmetic, comparison, concat, inList, like, negate, not3, or3 } from './functions/operators.js';
import type { FunctionContext } from './functions/types.js';
import type { Value } from './types.js';

export interface EvalEnv {
  /** the current row of each input, by input index */
  readonly rows?: readonly (readonly Value[])[];
  readonly variables?: ReadonlyMap<string, Value>;
  /** aggregate results by slot */
  readonly aggregates?: readonly Value[];
  readonly windowStart?: Value;
  readonly windowEnd?: Value;
  readonly context?: FunctionContext;
}

const SYSTEM_CLOCK: FunctionContext = { now: () => Date.now() };

function missing(what: string): never {
  throw new SqlRuntimeError('GALE_ERR_SQL_RUNTIME_BAD_ARGUMENT', `${what} is not available here`);
}

/** Evaluate an expression over one environment. Runtime errors are thrown as SqlRuntimeError. */
export function evaluate(e: TExpr, env: EvalEnv = {}): Value {
  switch (e.kind) {
    case 'Literal':
      return e.value;
    case 'Column': {
      const row = env.rows?.[e.input];
      if (row === undefined) return missing(`column ${e.name}`);
      return row[e.field] ?? null;
    }
    case 'Variable': {
      const v = env.variables?.get(e.name);
      return v === undefined ? missing(`variable ${e.name}`) : v;
    }
    case 'Call': {
      const f = BUILTIN_FUNCTIONS.get(e.fn);
      if (f === undefined || f.kind !== 'scalar') return missing(`function ${e.fn}`);
      return f.impl(env.context ?? SYSTEM_CLOCK, ...e.args.map((a) => evaluate(a, env)));
    }
    case 'Aggregate': {
      const v = env.aggregates?.[e.slot];
      return v === undefined ? missing(`aggregate ${e.fn}`) : v;
    }
    case 'WindowBound': {
      const v = e.bound === 'start' ? env.windowStart : env.windowEnd;
      return v === undefined ? missing(`window_${e.bound}()`) : v;
    }
    case 'Unary':
      return e.op === 'not' ? not3(evaluate(e.operand, env)) : negate(e.type)(evaluate(e.operand, env));
    case 'Arithmetic':
      return arithmetic(e.op, e.type)(evaluate(e.left, env), evaluate(e.right, env));
    case 'Comparison':
      return comparison(e.op)(evaluate(e.left, env), evaluate(e.right, env));
    case 'Logical': {
      const l = evaluate(e.left, env);
      if (e.op === 'and' && l === false) return false;
      if (e.op === 'or' && l === true) return true;
      const r = evaluate(e.right, env);
      return e.op === 'and' ? and3(l, r) : or3(l, r);
    }
    case 'Concat':
      return concat(e.left.type, e.right.type)(evaluate(e.left, env), evaluate(e.right, env));
    case 'IsNull': {
      const isNull = evaluate(e.operand, env) === null;
      return e.negated ? !isNull : isNull;
    }
    case 'InList': {
      const r = inList(evaluate(e.operand, env), e.list.map((x) => evaluate(x, env)));
      return e.negated ? not3(r) : r;
    }
    case 'Between': {
      const x = evaluate(e.operand, env);
      const r = and3(comparison('>=')(x, evaluate(e.low, env)), comparison('<=')(x, evaluate(e.high, env)));
      return e.negated ? not3(r) : r;
    }
    case 'Like': {
      const r = like(evaluate(e.operand, env), evaluate(e.pattern, env));
      return e.negated ? not3(r) : r;
    }
    case 'Case': {
      for (const w of e.whens) if (evaluate(w.when, env) === true) return evaluate(w.then, env);
      return e.else === undefined ? null : evaluate(e.else, env);
    }
    case 'Cast':
      return castValue(evaluate(e.operand, env), e.operand.type, e.type);
  }
}

/** Whether an expression has a value without any row, aggregate or window (variables must be constants). */
export function isConstant(e: TExpr, constants: ReadonlySet<string>): boolean {
  switch (e.kind) {
    case 'Literal':
      return true;
    case 'Column':
    case 'Aggregate':
    case 'WindowBound':
      return false;
    case 'Variable':
      return constants.has(e.name);
    case 'Call': {
      const f = BUILTIN_FUNCTIONS.get(e.fn);
      return f?.kind === 'scalar' && f.volatile !== true && e.args.every((a) => isConstant(a, constants));
    }
    case 'Unary':
    case 'IsNull':
    case 'Cast':
      return isConstant(e.operand, constants);
    case 'Arithmetic':
    case 'Comparison':
    case 'Logical':
    case 'Concat':
      return isConstant(e.left, constants) && isConstant(e.right, constants);
    case 'InList':
      return isConstant(e.operand, constants) && e.list.every((x) => isConstant(x, constants));
    case 'Between':
      return isConstant(e.operand, constants) && isConstant(e.low, constants) && isConstant(e.high, constants);
    case 'Like':
      return isConstant(e.operand, constants) && isConstant(e.pattern, constants);
    case 'Case':
      return (
        e.whens.every((w) => isConstant(w.when, constants) && isConstant(w.then, constants)) &&
        (e.else === undefined || isConstant(e.else, constants))
      );
  }
}
