/** CST → AST for INSERT / REPLACE / UPDATE / DELETE (grammar/rules/dml.ts). */
import type * as cst from '../../../grammar/generated/cst.js';
import type { Assignment, Delete, InsertSelect, InsertValues, Name, ReplaceSelect, Returning, SourceSpan, Update } from '../ast/index.js';
import type { BuildContext } from './context.js';
import { buildName, first, nodeLoc } from './context.js';
import { buildExpr } from './expr.js';
import { buildSelect, buildSelectList, buildSourceRef } from './query.js';

function columns(ctx: BuildContext, n: cst.ColumnListCstNode[] | undefined): { columns?: Name[] } {
  return n === undefined ? {} : { columns: first(n).children.name.map((x) => buildName(ctx, x)) };
}

function assignments(ctx: BuildContext, ns: cst.AssignmentCstNode[]): Assignment[] {
  return ns.map((a) => ({
    kind: 'Assignment',
    column: buildName(ctx, first(a.children.name)),
    value: buildExpr(ctx, first(a.children.expression)),
    loc: nodeLoc(ctx, a),
  }));
}

function returning(ctx: BuildContext, ns: cst.ReturningClauseCstNode[] | undefined): { returning?: Returning } {
  if (ns === undefined) return {};
  const r = first(ns);
  const into = r.children.name === undefined ? undefined : buildName(ctx, first(r.children.name));
  return {
    returning: {
      kind: 'Returning',
      items: buildSelectList(ctx, first(r.children.selectList)),
      ...(into === undefined ? {} : { into }),
      loc: nodeLoc(ctx, r),
    },
  };
}

export function buildInsert(ctx: BuildContext, n: cst.InsertStatementCstNode, loc: SourceSpan): InsertSelect | InsertValues {
  const c = n.children;
  const target = buildName(ctx, first(c.name));
  if (c.Values !== undefined) {
    return {
      kind: 'InsertValues',
      target,
      ...columns(ctx, c.columnList),
      rows: (c.valuesRow ?? []).map((r) => r.children.expression.map((e) => buildExpr(ctx, e))),
      loc,
    };
  }
  const dup = c.onDuplicateClause === undefined ? {} : { onDuplicate: assignments(ctx, first(c.onDuplicateClause).children.assignment) };
  return {
    kind: 'InsertSelect',
    target,
    ...columns(ctx, c.columnList),
    query: buildSelect(ctx, first(c.selectQuery)),
    ...dup,
    ...returning(ctx, c.returningClause),
    loc,
  };
}

export function buildReplace(ctx: BuildContext, n: cst.ReplaceStatementCstNode, loc: SourceSpan): ReplaceSelect {
  const c = n.children;
  return {
    kind: 'ReplaceSelect',
    target: buildName(ctx, first(c.name)),
    ...columns(ctx, c.columnList),
    query: buildSelect(ctx, first(c.selectQuery)),
    ...returning(ctx, c.returningClause),
    loc,
  };
}

export function buildUpdate(ctx: BuildContext, n: cst.UpdateStatementCstNode, loc: SourceSpan): Update {
  const c = n.children;
  const where = c.expression === undefined ? undefined : buildExpr(ctx, first(c.expression));
  return {
    kind: 'Update',
    table: buildName(ctx, first(c.name)),
    using: buildSourceRef(ctx, first(c.sourceRef)),
    assignments: assignments(ctx, c.assignment),
    ...(where === undefined ? {} : { where }),
    ...returning(ctx, c.returningClause),
    loc,
  };
}

export function buildDelete(ctx: BuildContext, n: cst.DeleteStatementCstNode, loc: SourceSpan): Delete {
  const c = n.children;
  const where = c.expression === undefined ? undefined : buildExpr(ctx, first(c.expression));
  return {
    kind: 'Delete',
    table: buildName(ctx, first(c.name)),
    using: buildSourceRef(ctx, first(c.sourceRef)),
    ...(where === undefined ? {} : { where }),
    ...returning(ctx, c.returningClause),
    loc,
  };
}
