/** CST → AST for SELECT, FROM (sources, windows, joins, patterns) and UNION (grammar/rules/query.ts, pattern.ts). */
import type { IToken } from 'chevrotain';
import type * as cst from '../../../grammar/generated/cst.js';
import type {
  Expr,
  FromClause,
  FromItem,
  JoinType,
  Name,
  OrderItem,
  PatternExpr,
  Select,
  SelectItem,
  SourceRef,
  Union,
  WindowRef,
} from '../ast/index.js';
import type { BuildContext } from './context.js';
import { buildName, cover, first, nodeLoc, tokenLoc } from './context.js';
import { buildWindowSpec } from './ddl.js';
import { buildAdditive, buildExpr, qualifiedStar } from './expr.js';

/** Which clause an expression belongs to: the last clause keyword before it. */
function clauseOf(e: cst.ExpressionCstNode, keywords: readonly (readonly [string, IToken | undefined])[]): string {
  let clause = '';
  let at = -1;
  const start = e.location?.startOffset ?? 0;
  for (const [name, tok] of keywords) {
    if (tok !== undefined && tok.startOffset < start && tok.startOffset > at) {
      clause = name;
      at = tok.startOffset;
    }
  }
  return clause;
}

export function buildSelect(ctx: BuildContext, n: cst.SelectQueryCstNode): Select {
  const c = n.children;
  const keywords = [
    ['where', c.Where?.[0]],
    ['group', c.Group?.[0]],
    ['having', c.Having?.[0]],
    ['limit', c.Limit?.[0]],
  ] as const;
  let where: Expr | undefined;
  let having: Expr | undefined;
  let limit: Expr | undefined;
  const groupBy: Expr[] = [];
  for (const e of c.expression ?? []) {
    const built = buildExpr(ctx, e);
    switch (clauseOf(e, keywords)) {
      case 'where':
        where = built;
        break;
      case 'group':
        groupBy.push(built);
        break;
      case 'having':
        having = built;
        break;
      default:
        limit = built;
    }
  }
  const orderBy: OrderItem[] = (c.orderItem ?? []).map((o) => {
    const expr = buildExpr(ctx, first(o.children.expression));
    return { kind: 'OrderItem', expr, descending: o.children.Desc !== undefined, loc: nodeLoc(ctx, o) };
  });
  const into = c.name === undefined ? undefined : buildName(ctx, first(c.name));
  return {
    kind: 'Select',
    items: buildSelectList(ctx, first(c.selectList)),
    from: buildFrom(ctx, first(c.fromClause)),
    ...(where === undefined ? {} : { where }),
    groupBy,
    ...(having === undefined ? {} : { having }),
    orderBy,
    ...(limit === undefined ? {} : { limit }),
    ...(into === undefined ? {} : { into }),
    loc: nodeLoc(ctx, n),
  };
}

export function buildSelectList(ctx: BuildContext, n: cst.SelectListCstNode): SelectItem[] {
  return n.children.selectItem.map((item): SelectItem => {
    const c = item.children;
    const loc = nodeLoc(ctx, item);
    if (c.Star !== undefined) return { kind: 'Star', loc };
    const e = first(c.expression);
    const q = qualifiedStar(e);
    if (q !== undefined) return { kind: 'Star', qualifier: buildName(ctx, q), loc };
    const expr = buildExpr(ctx, e);
    const alias = c.alias === undefined ? undefined : buildName(ctx, first(first(c.alias).children.name));
    return { kind: 'ExprItem', expr, ...(alias === undefined ? {} : { alias }), loc };
  });
}

function buildFrom(ctx: BuildContext, n: cst.FromClauseCstNode): FromClause {
  const c = n.children;
  if (c.patternClause !== undefined) {
    const p = first(c.patternClause);
    const pc = p.children;
    const amount = buildAdditive(ctx, first(pc.additiveExpression));
    const loc = nodeLoc(ctx, p);
    const withinLoc = cover(tokenLoc(ctx, first(pc.Within)), loc);
    return {
      kind: 'FromPattern',
      pattern: buildPatternThen(ctx, first(pc.patternThen)),
      within:
        pc.Time !== undefined
          ? { kind: 'WithinTime', amount, loc: withinLoc }
          : { kind: 'WithinField', amount, field: buildName(ctx, first(pc.name)), loc: withinLoc },
      loc,
    };
  }
  return { kind: 'FromList', items: (c.fromItem ?? []).map((i) => buildFromItem(ctx, i)), loc: nodeLoc(ctx, n) };
}

function buildFromItem(ctx: BuildContext, n: cst.FromItemCstNode): FromItem {
  let acc: FromItem = buildSourceRef(ctx, first(n.children.sourceRef));
  for (const j of n.children.joinClause ?? []) {
    const c = j.children;
    const joinType: JoinType =
      c.Left !== undefined ? 'left' : c.Right !== undefined ? 'right' : c.Full !== undefined ? 'full' : 'inner';
    const right = buildSourceRef(ctx, first(c.sourceRef));
    const on = buildExpr(ctx, first(c.expression));
    acc = { kind: 'Join', joinType, left: acc, right, on, loc: cover(acc.loc, on.loc) };
  }
  return acc;
}

export function buildSourceRef(ctx: BuildContext, n: cst.SourceRefCstNode): SourceRef {
  const c = n.children;
  let window: WindowRef | undefined;
  if (c.windowRef !== undefined) {
    const w = first(c.windowRef);
    window =
      w.children.windowSpec !== undefined
        ? buildWindowSpec(ctx, first(w.children.windowSpec))
        : { kind: 'WindowName', name: buildName(ctx, first(w.children.name)), loc: nodeLoc(ctx, w) };
  }
  const alias = c.alias === undefined ? undefined : buildName(ctx, first(first(c.alias).children.name));
  return {
    kind: 'Source',
    name: buildName(ctx, first(c.name)),
    ...(window === undefined ? {} : { window }),
    ...(alias === undefined ? {} : { alias }),
    loc: nodeLoc(ctx, n),
  };
}

function foldPattern(
  parts: PatternExpr[],
  op: 'then' | 'and' | 'or',
): PatternExpr {
  let acc = parts[0]!;
  for (let i = 1; i < parts.length; i++) {
    const right = parts[i]!;
    acc = { kind: 'PatternBinary', op, left: acc, right, loc: cover(acc.loc, right.loc) };
  }
  return acc;
}

function buildPatternThen(ctx: BuildContext, n: cst.PatternThenCstNode): PatternExpr {
  return foldPattern(n.children.patternOr.map((o) => buildPatternOr(ctx, o)), 'then');
}

function buildPatternOr(ctx: BuildContext, n: cst.PatternOrCstNode): PatternExpr {
  return foldPattern(n.children.patternAnd.map((a) => buildPatternAnd(ctx, a)), 'or');
}

function buildPatternAnd(ctx: BuildContext, n: cst.PatternAndCstNode): PatternExpr {
  return foldPattern(n.children.patternUnary.map((u) => buildPatternUnary(ctx, u)), 'and');
}

function buildPatternUnary(ctx: BuildContext, n: cst.PatternUnaryCstNode): PatternExpr {
  const c = n.children;
  if (c.Not !== undefined) {
    const operand = buildPatternUnary(ctx, first(c.patternUnary));
    return { kind: 'PatternNot', operand, loc: cover(tokenLoc(ctx, first(c.Not)), operand.loc) };
  }
  const p = first(c.patternPrimary);
  const pc = p.children;
  if (pc.patternThen !== undefined) return buildPatternThen(ctx, first(pc.patternThen));
  const alias = pc.alias === undefined ? undefined : buildName(ctx, first(first(pc.alias).children.name));
  return {
    kind: 'PatternSource',
    stream: buildName(ctx, first(pc.name)),
    ...(alias === undefined ? {} : { alias }),
    loc: nodeLoc(ctx, p),
  };
}

export function buildUnion(ctx: BuildContext, n: cst.UnionStatementCstNode, loc: Union['loc']): Union {
  const names: Name[] = n.children.name.map((x) => buildName(ctx, x));
  const into = n.children.Into !== undefined ? names.pop() : undefined;
  return { kind: 'Union', inputs: names, ...(into === undefined ? {} : { into }), loc };
}
