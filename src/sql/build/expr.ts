/** CST → AST for expressions (grammar/rules/expressions.ts). */
import type { IToken } from 'chevrotain';
import type * as cst from '../../../grammar/generated/cst.js';
import { DoubleLiteral, LongLiteral } from '../../../grammar/tokens.js';
import type { BinaryOp, Expr, IntervalUnit, Literal, TypeRef, WhenClause } from '../ast/index.js';
import type { BuildContext } from './context.js';
import { buildName, cover, first, nodeLoc, report, stringValue, tokenLoc } from './context.js';

const INT_MAX = 2147483647;

export function buildExpr(ctx: BuildContext, n: cst.ExpressionCstNode): Expr {
  return buildOr(ctx, first(n.children.orExpression));
}

function foldLeft<N>(
  operands: readonly N[],
  ops: readonly IToken[],
  build: (n: N) => Expr,
  opOf: (t: IToken) => BinaryOp,
): Expr {
  let acc = build(operands[0] as N);
  for (let i = 1; i < operands.length; i++) {
    const right = build(operands[i] as N);
    acc = { kind: 'Binary', op: opOf(ops[i - 1] as IToken), left: acc, right, loc: cover(acc.loc, right.loc) };
  }
  return acc;
}

function buildOr(ctx: BuildContext, n: cst.OrExpressionCstNode): Expr {
  return foldLeft(n.children.andExpression, n.children.Or ?? [], (x) => buildAnd(ctx, x), () => 'or');
}

function buildAnd(ctx: BuildContext, n: cst.AndExpressionCstNode): Expr {
  return foldLeft(n.children.notExpression, n.children.And ?? [], (x) => buildNot(ctx, x), () => 'and');
}

function buildNot(ctx: BuildContext, n: cst.NotExpressionCstNode): Expr {
  const c = n.children;
  if (c.Not !== undefined) {
    const operand = buildNot(ctx, first(c.notExpression));
    return { kind: 'Unary', op: 'not', operand, loc: cover(tokenLoc(ctx, first(c.Not)), operand.loc) };
  }
  return buildPredicate(ctx, first(c.predicate));
}

const COMPARISON: Record<string, BinaryOp> = { '=': '=', '<>': '<>', '!=': '<>', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };

function buildPredicate(ctx: BuildContext, n: cst.PredicateCstNode): Expr {
  const c = n.children;
  const operand = buildConcat(ctx, first(c.concatExpression));
  const loc = nodeLoc(ctx, n);
  if (c.ComparisonOperator !== undefined) {
    const right = buildConcat(ctx, c.concatExpression[1]!);
    return { kind: 'Binary', op: COMPARISON[first(c.ComparisonOperator).image] ?? '=', left: operand, right, loc: cover(operand.loc, right.loc) };
  }
  const negated = c.Not !== undefined;
  if (c.Is !== undefined) return { kind: 'IsNull', operand, negated, loc: { ...operand.loc, end: loc.end } };
  if (c.In !== undefined) {
    const list = (c.expression ?? []).map((e) => buildExpr(ctx, e));
    return { kind: 'InList', operand, list, negated, loc: { ...operand.loc, end: loc.end } };
  }
  if (c.Between !== undefined) {
    const low = buildConcat(ctx, c.concatExpression[1]!);
    const high = buildConcat(ctx, c.concatExpression[2]!);
    return { kind: 'Between', operand, low, high, negated, loc: cover(operand.loc, high.loc) };
  }
  if (c.Like !== undefined) {
    const pattern = buildConcat(ctx, c.concatExpression[1]!);
    return { kind: 'Like', operand, pattern, negated, loc: cover(operand.loc, pattern.loc) };
  }
  return operand;
}

function buildConcat(ctx: BuildContext, n: cst.ConcatExpressionCstNode): Expr {
  return foldLeft(n.children.additiveExpression, n.children.Concat ?? [], (x) => buildAdditive(ctx, x), () => '||');
}

export function buildAdditive(ctx: BuildContext, n: cst.AdditiveExpressionCstNode): Expr {
  return foldLeft(
    n.children.multiplicativeExpression,
    n.children.AdditiveOperator ?? [],
    (x) => buildMultiplicative(ctx, x),
    (t) => (t.image === '-' ? '-' : '+'),
  );
}

function buildMultiplicative(ctx: BuildContext, n: cst.MultiplicativeExpressionCstNode): Expr {
  return foldLeft(
    n.children.unaryExpression,
    n.children.MultiplicativeOperator ?? [],
    (x) => buildUnary(ctx, x),
    (t) => (t.image === '*' ? '*' : t.image === '/' ? '/' : '%'),
  );
}

function buildUnary(ctx: BuildContext, n: cst.UnaryExpressionCstNode): Expr {
  const c = n.children;
  if (c.AdditiveOperator !== undefined) {
    const op = first(c.AdditiveOperator);
    const operand = buildUnary(ctx, first(c.unaryExpression));
    return { kind: 'Unary', op: op.image === '-' ? '-' : '+', operand, loc: cover(tokenLoc(ctx, op), operand.loc) };
  }
  return buildPrimary(ctx, first(c.primaryExpression));
}

function buildPrimary(ctx: BuildContext, n: cst.PrimaryExpressionCstNode): Expr {
  const c = n.children;
  if (c.literal !== undefined) return buildLiteral(ctx, first(c.literal));
  if (c.timestampLiteral !== undefined) {
    const t = first(c.timestampLiteral);
    return { kind: 'TimestampLiteral', text: stringValue(first(t.children.StringLiteral)), loc: nodeLoc(ctx, t) };
  }
  if (c.intervalLiteral !== undefined) return buildInterval(ctx, first(c.intervalLiteral));
  if (c.caseExpression !== undefined) return buildCase(ctx, first(c.caseExpression));
  if (c.castExpression !== undefined) {
    const k = first(c.castExpression);
    return {
      kind: 'Cast',
      operand: buildExpr(ctx, first(k.children.expression)),
      type: buildType(ctx, first(k.children.typeName)),
      loc: nodeLoc(ctx, k),
    };
  }
  if (c.ifExpression !== undefined) {
    const k = first(c.ifExpression);
    const [cond, then, els] = k.children.expression.map((e) => buildExpr(ctx, e));
    return { kind: 'If', cond: cond!, then: then!, else: els!, loc: nodeLoc(ctx, k) };
  }
  if (c.extractExpression !== undefined) {
    const k = first(c.extractExpression);
    return {
      kind: 'Extract',
      field: buildName(ctx, first(k.children.name)).name.toLowerCase(),
      operand: buildExpr(ctx, first(k.children.expression)),
      loc: nodeLoc(ctx, k),
    };
  }
  if (c.parenExpression !== undefined) return buildExpr(ctx, first(first(c.parenExpression).children.expression));
  return buildNameExpression(ctx, first(c.nameExpression));
}

function buildNameExpression(ctx: BuildContext, n: cst.NameExpressionCstNode): Expr {
  const c = n.children;
  const loc = nodeLoc(ctx, n);
  const head = buildName(ctx, first(c.name));
  if (c.LParen !== undefined) {
    const args = (c.expression ?? []).map((e) => buildExpr(ctx, e));
    return { kind: 'Call', name: head, args, star: c.Star !== undefined, loc };
  }
  if (c.Dot !== undefined) {
    if (c.Star !== undefined) {
      report(ctx, 'GALE_ERR_SQL_UNEXPECTED_TOKEN', `${head.name}.* is only allowed as an item of a SELECT or RETURNING list`, loc);
      return { kind: 'ColumnRef', qualifier: head, name: { kind: 'Name', name: '*', loc: tokenLoc(ctx, first(c.Star)) }, loc };
    }
    return { kind: 'ColumnRef', qualifier: head, name: buildName(ctx, c.name[1]!), loc };
  }
  return { kind: 'ColumnRef', name: head, loc };
}

/** Whether an expression CST is exactly `x.*` (then its qualifier token), looking through the precedence chain. */
export function qualifiedStar(n: cst.ExpressionCstNode): cst.NameCstNode | undefined {
  const or = first(n.children.orExpression).children;
  if (or.andExpression.length !== 1) return undefined;
  const and = first(or.andExpression).children;
  if (and.notExpression.length !== 1) return undefined;
  const pred = first(and.notExpression).children.predicate?.[0]?.children;
  if (pred === undefined || pred.concatExpression.length !== 1 || pred.ComparisonOperator || pred.Is || pred.In || pred.Between || pred.Like) {
    return undefined;
  }
  const concat = first(pred.concatExpression).children;
  if (concat.additiveExpression.length !== 1) return undefined;
  const add = first(concat.additiveExpression).children;
  if (add.multiplicativeExpression.length !== 1) return undefined;
  const mul = first(add.multiplicativeExpression).children;
  if (mul.unaryExpression.length !== 1) return undefined;
  const prim = first(mul.unaryExpression).children.primaryExpression?.[0]?.children.nameExpression?.[0]?.children;
  if (prim?.Dot !== undefined && prim.Star !== undefined) return prim.name[0];
  return undefined;
}

export function buildLiteral(ctx: BuildContext, n: cst.LiteralCstNode): Literal {
  const c = n.children;
  const loc = nodeLoc(ctx, n);
  if (c.StringLiteral !== undefined) return { kind: 'Literal', type: 'string', value: stringValue(first(c.StringLiteral)), loc };
  if (c.True !== undefined) return { kind: 'Literal', type: 'bool', value: true, loc };
  if (c.False !== undefined) return { kind: 'Literal', type: 'bool', value: false, loc };
  if (c.Null !== undefined) return { kind: 'Literal', type: 'null', value: null, loc };
  return numberLiteral(first(c.NumberLiteral), loc, false);
}

/** A number token as a literal (negated for `-n` in option values). */
export function numberLiteral(tok: IToken, loc: Literal['loc'], negate: boolean): Literal {
  const sign = negate ? -1 : 1;
  if (tok.tokenType === DoubleLiteral) return { kind: 'Literal', type: 'double', value: sign * Number(tok.image), loc };
  if (tok.tokenType === LongLiteral) return { kind: 'Literal', type: 'long', value: sign * Number(tok.image.slice(0, -1)), loc };
  const v = Number(tok.image);
  return { kind: 'Literal', type: v > INT_MAX ? 'long' : 'int', value: sign * v, loc };
}

const UNITS: Record<string, IntervalUnit> = { Second: 'second', Minute: 'minute', Hour: 'hour', Day: 'day' };

function buildInterval(ctx: BuildContext, n: cst.IntervalLiteralCstNode): Expr {
  const c = n.children;
  let text: string;
  if (c.StringLiteral !== undefined) {
    text = stringValue(first(c.StringLiteral));
  } else {
    const s = first(c.signedNumber).children;
    text = (s.AdditiveOperator?.[0]?.image === '-' ? '-' : '') + first(s.NumberLiteral).image;
  }
  const unit = UNITS[first(c.IntervalUnit).tokenType.name] ?? 'second';
  return { kind: 'IntervalLiteral', text, unit, loc: nodeLoc(ctx, n) };
}

function buildCase(ctx: BuildContext, n: cst.CaseExpressionCstNode): Expr {
  const c = n.children;
  const exprs = c.expression.map((e) => buildExpr(ctx, e));
  const whenCount = c.When.length;
  const hasElse = c.Else !== undefined;
  const hasOperand = exprs.length - 2 * whenCount - (hasElse ? 1 : 0) === 1;
  let i = hasOperand ? 1 : 0;
  const whens: WhenClause[] = [];
  for (let w = 0; w < whenCount; w++) {
    const when = exprs[i++]!;
    const then = exprs[i++]!;
    whens.push({ kind: 'When', when, then, loc: cover(tokenLoc(ctx, c.When[w]!), then.loc) });
  }
  const operand = hasOperand ? exprs[0] : undefined;
  const els = hasElse ? exprs[i] : undefined;
  return {
    kind: 'Case',
    ...(operand === undefined ? {} : { operand }),
    whens,
    ...(els === undefined ? {} : { else: els }),
    loc: nodeLoc(ctx, n),
  };
}

export function buildType(ctx: BuildContext, n: cst.TypeNameCstNode): TypeRef {
  const name = buildName(ctx, first(n.children.name));
  return { kind: 'TypeRef', name: name.name.toLowerCase(), loc: name.loc };
}
