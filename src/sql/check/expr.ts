/**
 * Typing of expressions: AST Expr → TExpr, resolving names (resolve.ts),
 * checking operand and argument types, collecting aggregates into slots and
 * enforcing where aggregates and window bounds may appear. An expression with
 * an error is reported once and replaced by a NULL literal, which mixes with
 * every type, so one mistake does not cascade into more messages.
 */
import type { SourceSpan } from '../../errors.js';
import type { Binary, BinaryOp, Expr } from '../ast/index.js';
import type { TAggregate, TExpr } from '../checked/index.js';
import { evaluate, isConstant } from '../eval.js';
import { SqlRuntimeError } from '../errors.js';
import { castAllowed } from '../functions/convert.js';
import { DATE_PART_FIELDS, parseTimestamp } from '../functions/time-text.js';
import type { Scope } from '../resolve.js';
import { resolveColumn } from '../resolve.js';
import { commonType, isFieldType, isIntegral, isNumeric, widerNumeric } from '../types.js';
import type { SqlType, Value } from '../types.js';
import { checkCall } from './call.js';
import type { CheckContext } from './context.js';
import { report } from './context.js';

export interface ExprEnv {
  readonly scope: Scope;
  /** set when aggregates are not allowed here: the reason, for the message */
  readonly noAggregates?: string;
  /** where aggregate calls are collected (their slot = index) */
  readonly aggregates?: TAggregate[];
  /** the type of window_start()/window_end() when they are allowed here */
  readonly windowBoundType?: SqlType;
  /** inside an aggregate's arguments */
  readonly inAggregate?: boolean;
  /** output columns by name (HAVING, ORDER BY): used for an unqualified name no input has */
  readonly outputAliases?: ReadonlyMap<string, TExpr>;
}

const INT_MIN = -2147483648;

const UNIT_MS = { second: 1000, minute: 60_000, hour: 3_600_000, day: 86_400_000 } as const;

export function nullLiteral(loc: SourceSpan): TExpr {
  return { kind: 'Literal', type: 'null', value: null, loc };
}

/** The constant names of the catalog (variables without UPDATE FROM). */
export function constantNames(ctx: CheckContext): Set<string> {
  const s = new Set<string>();
  for (const v of ctx.catalog.variables.values()) if (v.constant) s.add(v.name);
  return s;
}

/** The value of a constant expression, or undefined (reported) when it is not constant or fails to evaluate. */
export function foldConstant(ctx: CheckContext, e: TExpr, what: string): Value | undefined {
  if (!isConstant(e, constantNames(ctx))) {
    report(ctx, 'GALE_ERR_SQL_NOT_CONSTANT', `${what} must be a constant (no fields, aggregates or now())`, e.loc);
    return undefined;
  }
  const vars = new Map<string, Value>();
  for (const v of ctx.catalog.variables.values()) vars.set(v.name, v.initial);
  try {
    return evaluate(e, { variables: vars });
  } catch (err) {
    if (err instanceof SqlRuntimeError) {
      report(ctx, 'GALE_ERR_SQL_BAD_LITERAL', `${what}: ${err.message}`, e.loc);
      return undefined;
    }
    throw err;
  }
}

function typeName(t: SqlType): string {
  return t === 'null' ? 'NULL' : t;
}

export function checkExpr(ctx: CheckContext, env: ExprEnv, e: Expr): TExpr {
  switch (e.kind) {
    case 'Literal':
      if ((e.type === 'long' || e.type === 'int') && !Number.isSafeInteger(e.value)) {
        report(ctx, 'GALE_ERR_SQL_BAD_LITERAL', `integer literal out of range (longs are exact up to ±9007199254740991)`, e.loc);
        return nullLiteral(e.loc);
      }
      return { kind: 'Literal', type: e.type, value: e.value, loc: e.loc };
    case 'TimestampLiteral': {
      const ms = parseTimestamp(e.text);
      if (ms === undefined) {
        report(ctx, 'GALE_ERR_SQL_BAD_LITERAL', `not a valid timestamp: '${e.text}' (expected 'YYYY-MM-DD[ HH:MM[:SS[.fff]]][Z|±HH:MM]')`, e.loc);
        return nullLiteral(e.loc);
      }
      return { kind: 'Literal', type: 'timestamp', value: ms, loc: e.loc };
    }
    case 'IntervalLiteral': {
      const amount = /^\s*[+-]?(\d+\.?\d*|\.\d+)\s*$/.test(e.text) ? Number(e.text) : NaN;
      if (!Number.isFinite(amount)) {
        report(ctx, 'GALE_ERR_SQL_BAD_LITERAL', `not a valid interval amount: '${e.text}' (expected a number such as '10' or '1.5')`, e.loc);
        return nullLiteral(e.loc);
      }
      return { kind: 'Literal', type: 'long', value: Math.round(amount * UNIT_MS[e.unit]), loc: e.loc };
    }
    case 'ColumnRef': {
      const alias = e.qualifier === undefined ? env.outputAliases?.get(e.name.name) : undefined;
      if (alias !== undefined && !env.scope.inputs.some((i) => i.fields.some((f) => f.name === e.name.name))) {
        return { ...alias, loc: e.loc };
      }
      return resolveColumn(ctx, env.scope, e) ?? nullLiteral(e.loc);
    }
    case 'Call':
      return checkCall(ctx, env, e);
    case 'Extract': {
      const operand = checkExpr(ctx, env, e.operand);
      if (!(DATE_PART_FIELDS as readonly string[]).includes(e.field)) {
        report(ctx, 'GALE_ERR_SQL_WRONG_ARGUMENTS', `EXTRACT: unknown field '${e.field}' (one of ${DATE_PART_FIELDS.join(', ')})`, e.loc);
        return nullLiteral(e.loc);
      }
      if (operand.type !== 'timestamp' && operand.type !== 'null') {
        report(ctx, 'GALE_ERR_SQL_TYPE_MISMATCH', `EXTRACT needs a timestamp, not ${typeName(operand.type)}`, e.operand.loc);
        return nullLiteral(e.loc);
      }
      const field: TExpr = { kind: 'Literal', type: 'string', value: e.field, loc: e.loc };
      return { kind: 'Call', fn: 'date_part', args: [field, operand], type: 'long', loc: e.loc };
    }
    case 'Unary': {
      const operand = checkExpr(ctx, env, e.operand);
      if (e.op === 'not') {
        if (operand.type !== 'bool' && operand.type !== 'null') {
          report(ctx, 'GALE_ERR_SQL_TYPE_MISMATCH', `NOT needs a bool operand, not ${typeName(operand.type)}`, e.operand.loc);
          return nullLiteral(e.loc);
        }
        return { kind: 'Unary', op: 'not', operand, type: 'bool', loc: e.loc };
      }
      if (!isNumeric(operand.type) && operand.type !== 'null') {
        report(ctx, 'GALE_ERR_SQL_TYPE_MISMATCH', `unary ${e.op} needs a number, not ${typeName(operand.type)}`, e.operand.loc);
        return nullLiteral(e.loc);
      }
      if (e.op === '+') return operand;
      // fold -literal so that -2147483648 is an int and -5 a plain constant
      if (operand.kind === 'Literal' && typeof operand.value === 'number') {
        const v = -operand.value;
        // 2147483648 lexes as a long; negated it is the smallest int
        const type = operand.type === 'long' && v === INT_MIN ? 'int' : operand.type;
        return { kind: 'Literal', type, value: v, loc: e.loc };
      }
      return { kind: 'Unary', op: '-', operand, type: operand.type, loc: e.loc };
    }
    case 'Binary':
      return checkBinary(ctx, env, e.op, checkExpr(ctx, env, e.left), checkExpr(ctx, env, e.right), e);
    case 'IsNull':
      return { kind: 'IsNull', operand: checkExpr(ctx, env, e.operand), negated: e.negated, type: 'bool', loc: e.loc };
    case 'InList': {
      const operand = checkExpr(ctx, env, e.operand);
      let t: SqlType = operand.type;
      const list: TExpr[] = [];
      for (const item of e.list) {
        const ti = checkExpr(ctx, env, item);
        const c = comparable(t, ti.type);
        if (c === undefined) {
          report(ctx, 'GALE_ERR_SQL_TYPE_MISMATCH', `IN list item of type ${typeName(ti.type)} cannot be compared with ${typeName(t)}`, item.loc);
        } else {
          t = c;
        }
        list.push(ti);
      }
      return { kind: 'InList', operand, list, negated: e.negated, operandType: t, type: 'bool', loc: e.loc };
    }
    case 'Between': {
      const operand = checkExpr(ctx, env, e.operand);
      const low = checkExpr(ctx, env, e.low);
      const high = checkExpr(ctx, env, e.high);
      let t: SqlType | undefined = operand.type;
      for (const [side, ast] of [[low, e.low], [high, e.high]] as const) {
        const c: SqlType | undefined = t === undefined ? undefined : comparable(t, side.type);
        if (c === undefined) {
          report(ctx, 'GALE_ERR_SQL_TYPE_MISMATCH', `BETWEEN bound of type ${typeName(side.type)} cannot be compared with ${typeName(operand.type)}`, ast.loc);
          return nullLiteral(e.loc);
        }
        t = c;
      }
      return { kind: 'Between', operand, low, high, negated: e.negated, operandType: t ?? 'null', type: 'bool', loc: e.loc };
    }
    case 'Like': {
      const operand = checkExpr(ctx, env, e.operand);
      const pattern = checkExpr(ctx, env, e.pattern);
      for (const [side, ast] of [[operand, e.operand], [pattern, e.pattern]] as const) {
        if (side.type !== 'string' && side.type !== 'null') {
          report(ctx, 'GALE_ERR_SQL_TYPE_MISMATCH', `LIKE needs strings, not ${typeName(side.type)}`, ast.loc);
          return nullLiteral(e.loc);
        }
      }
      return { kind: 'Like', operand, pattern, negated: e.negated, type: 'bool', loc: e.loc };
    }
    case 'Case': {
      const operand = e.operand === undefined ? undefined : checkExpr(ctx, env, e.operand);
      const whens: { when: TExpr; then: TExpr }[] = [];
      let t: SqlType = 'null';
      for (const w of e.whens) {
        let cond = checkExpr(ctx, env, w.when);
        if (operand !== undefined) {
          const c = comparable(operand.type, cond.type);
          if (c === undefined) {
            report(ctx, 'GALE_ERR_SQL_TYPE_MISMATCH', `WHEN value of type ${typeName(cond.type)} cannot be compared with ${typeName(operand.type)}`, w.when.loc);
          }
          cond = { kind: 'Comparison', op: '=', left: operand, right: cond, operandType: c ?? 'null', type: 'bool', loc: w.when.loc };
        } else if (cond.type !== 'bool' && cond.type !== 'null') {
          report(ctx, 'GALE_ERR_SQL_TYPE_MISMATCH', `WHEN condition must be bool, not ${typeName(cond.type)}`, w.when.loc);
        }
        const then = checkExpr(ctx, env, w.then);
        t = branchType(ctx, t, then, w.then.loc);
        whens.push({ when: cond, then });
      }
      const els = e.else === undefined ? undefined : checkExpr(ctx, env, e.else);
      if (els !== undefined && e.else !== undefined) t = branchType(ctx, t, els, e.else.loc);
      return { kind: 'Case', whens, ...(els === undefined ? {} : { else: els }), type: t, loc: e.loc };
    }
    case 'If': {
      const cond = checkExpr(ctx, env, e.cond);
      if (cond.type !== 'bool' && cond.type !== 'null') {
        report(ctx, 'GALE_ERR_SQL_TYPE_MISMATCH', `IF condition must be bool, not ${typeName(cond.type)}`, e.cond.loc);
      }
      const then = checkExpr(ctx, env, e.then);
      const els = checkExpr(ctx, env, e.else);
      const t = branchType(ctx, then.type, els, e.else.loc);
      return { kind: 'Case', whens: [{ when: cond, then }], else: els, type: t, loc: e.loc };
    }
    case 'Cast': {
      const operand = checkExpr(ctx, env, e.operand);
      if (!isFieldType(e.type.name)) {
        report(ctx, 'GALE_ERR_SQL_UNKNOWN_TYPE', `unknown type '${e.type.name}' (types are bool, int, long, double, string, timestamp)`, e.type.loc);
        return nullLiteral(e.loc);
      }
      return castTo(ctx, operand, e.type.name, e.loc);
    }
  }
}

export function castTo(ctx: CheckContext, operand: TExpr, to: SqlType & string, loc: SourceSpan): TExpr {
  if (to === 'null' || !isFieldType(to)) return nullLiteral(loc);
  if (!castAllowed(operand.type, to)) {
    report(ctx, 'GALE_ERR_SQL_TYPE_MISMATCH', `cannot convert ${typeName(operand.type)} to ${to}`, loc);
    return nullLiteral(loc);
  }
  return { kind: 'Cast', operand, type: to, loc };
}

function branchType(ctx: CheckContext, t: SqlType, branch: TExpr, loc: SourceSpan): SqlType {
  const c = commonType(t, branch.type);
  if (c === undefined) {
    report(ctx, 'GALE_ERR_SQL_TYPE_MISMATCH', `this branch has type ${typeName(branch.type)} but an earlier one has ${typeName(t)}`, loc);
    return t;
  }
  return c;
}

/** The type two values are compared at, or undefined. Timestamps compare with integral epoch ms. */
function comparable(a: SqlType, b: SqlType): SqlType | undefined {
  const c = commonType(a, b);
  if (c !== undefined) return c;
  if ((a === 'timestamp' && isIntegral(b)) || (b === 'timestamp' && isIntegral(a))) return 'timestamp';
  return undefined;
}

function checkBinary(ctx: CheckContext, _env: ExprEnv, op: BinaryOp, left: TExpr, right: TExpr, e: Binary): TExpr {
  const lt = left.type;
  const rt = right.type;
  const loc = e.loc;
  const mismatch = (msg: string): TExpr => {
    report(ctx, 'GALE_ERR_SQL_TYPE_MISMATCH', msg, loc);
    return nullLiteral(loc);
  };
  switch (op) {
    case 'and':
    case 'or': {
      for (const [side, ast] of [[left, e.left], [right, e.right]] as const) {
        if (side.type !== 'bool' && side.type !== 'null') {
          report(ctx, 'GALE_ERR_SQL_TYPE_MISMATCH', `${op.toUpperCase()} needs bool operands, not ${typeName(side.type)}`, ast.loc);
          return nullLiteral(loc);
        }
      }
      return { kind: 'Logical', op, left, right, type: 'bool', loc };
    }
    case '||':
      return { kind: 'Concat', left, right, type: 'string', loc };
    case '=':
    case '<>':
    case '<':
    case '<=':
    case '>':
    case '>=': {
      const t = comparable(lt, rt);
      if (t === undefined) {
        const text = [left, right].find((x) => x.kind === 'Literal' && x.type === 'string');
        const hint =
          (lt === 'timestamp' || rt === 'timestamp') && text !== undefined
            ? `; write a timestamp literal as TIMESTAMP '${String((text as { value: unknown }).value)}'`
            : '';
        return mismatch(`cannot compare ${typeName(lt)} with ${typeName(rt)} (${op})${hint}`);
      }
      return { kind: 'Comparison', op, left, right, operandType: t, type: 'bool', loc };
    }
    default: {
      const t = arithmeticType(op, lt, rt);
      if (t === undefined) {
        const hint =
          op === '+' && (lt === 'string' || rt === 'string')
            ? '; use || to concatenate strings'
            : lt === 'timestamp' || rt === 'timestamp'
              ? "; a timestamp takes + or - of an int or long number of milliseconds (ts + INTERVAL '5' SECOND), and ts - ts gives milliseconds"
              : '';
        return mismatch(`operator ${op} cannot take ${typeName(lt)} and ${typeName(rt)}${hint}`);
      }
      return { kind: 'Arithmetic', op, left, right, type: t, loc };
    }
  }
}

function arithmeticType(op: string, l: SqlType, r: SqlType): SqlType | undefined {
  if (l === 'null' && r === 'null') return 'null';
  if ((isNumeric(l) || l === 'null') && (isNumeric(r) || r === 'null')) {
    if (l === 'null') return r;
    if (r === 'null') return l;
    return widerNumeric(l as 'int', r as 'int');
  }
  const lInt = isIntegral(l) || l === 'null';
  const rInt = isIntegral(r) || r === 'null';
  if (op === '+' && ((l === 'timestamp' && rInt) || (r === 'timestamp' && lInt))) return 'timestamp';
  if (op === '-' && l === 'timestamp' && rInt) return 'timestamp';
  if (op === '-' && l === 'timestamp' && r === 'timestamp') return 'long';
  if (op === '-' && l === 'timestamp' && r === 'null') return 'timestamp';
  return undefined;
}

/** True when the AST expression contains an aggregate call (by the catalog's functions). */
export function containsAggregate(ctx: CheckContext, e: Expr): boolean {
  switch (e.kind) {
    case 'Call':
      return ctx.catalog.functions.get(e.name.name.toLowerCase())?.kind === 'aggregate' || e.args.some((a) => containsAggregate(ctx, a));
    case 'Unary':
    case 'IsNull':
    case 'Cast':
    case 'Extract':
      return containsAggregate(ctx, e.operand);
    case 'Binary':
      return containsAggregate(ctx, e.left) || containsAggregate(ctx, e.right);
    case 'InList':
      return containsAggregate(ctx, e.operand) || e.list.some((x) => containsAggregate(ctx, x));
    case 'Between':
      return [e.operand, e.low, e.high].some((x) => containsAggregate(ctx, x));
    case 'Like':
      return containsAggregate(ctx, e.operand) || containsAggregate(ctx, e.pattern);
    case 'Case':
      return (
        (e.operand !== undefined && containsAggregate(ctx, e.operand)) ||
        e.whens.some((w) => containsAggregate(ctx, w.when) || containsAggregate(ctx, w.then)) ||
        (e.else !== undefined && containsAggregate(ctx, e.else))
      );
    case 'If':
      return [e.cond, e.then, e.else].some((x) => containsAggregate(ctx, x));
    default:
      return false;
  }
}

/** True when the AST contains an INTERVAL literal (a window amount then is in ms, not seconds). */
export function containsInterval(e: Expr): boolean {
  switch (e.kind) {
    case 'IntervalLiteral':
      return true;
    case 'Unary':
      return containsInterval(e.operand);
    case 'Binary':
      return containsInterval(e.left) || containsInterval(e.right);
    default:
      return false;
  }
}
