/** CST → AST for one statement: dispatches to the family builders; also DECLARE and the interactive statements. */
import type * as cst from '../../../grammar/generated/cst.js';
import type { Statement } from '../ast/index.js';
import type { BuildContext } from './context.js';
import { buildName, first, nameFromToken, nodeLoc, stringValue } from './context.js';
import { buildCreate, buildOptionValue } from './ddl.js';
import { buildDelete, buildInsert, buildReplace, buildUpdate } from './dml.js';
import { buildExpr, buildType } from './expr.js';
import { buildSelect, buildUnion } from './query.js';

export function buildStatement(ctx: BuildContext, n: cst.StatementCstNode): Statement {
  const c = n.children;
  const loc = nodeLoc(ctx, n);
  if (c.createStatement !== undefined) return buildCreate(ctx, first(c.createStatement));
  if (c.selectStatement !== undefined) return buildSelect(ctx, first(first(c.selectStatement).children.selectQuery));
  if (c.unionStatement !== undefined) return buildUnion(ctx, first(c.unionStatement), loc);
  if (c.insertStatement !== undefined) return buildInsert(ctx, first(c.insertStatement), loc);
  if (c.replaceStatement !== undefined) return buildReplace(ctx, first(c.replaceStatement), loc);
  if (c.updateStatement !== undefined) return buildUpdate(ctx, first(c.updateStatement), loc);
  if (c.deleteStatement !== undefined) return buildDelete(ctx, first(c.deleteStatement), loc);
  if (c.declareStatement !== undefined) {
    const d = first(c.declareStatement).children;
    const updateFrom = d.selectQuery === undefined ? undefined : buildSelect(ctx, first(d.selectQuery));
    return {
      kind: 'Declare',
      name: buildName(ctx, first(d.name)),
      type: buildType(ctx, first(d.typeName)),
      default: buildExpr(ctx, first(d.expression)),
      ...(updateFrom === undefined ? {} : { updateFrom }),
      loc,
    };
  }
  if (c.explainStatement !== undefined) {
    return { kind: 'Explain', statement: buildStatement(ctx, first(first(c.explainStatement).children.statement)), loc };
  }
  if (c.showStatement !== undefined) {
    return { kind: 'Show', what: buildName(ctx, first(first(c.showStatement).children.name)).name.toLowerCase(), loc };
  }
  if (c.describeStatement !== undefined) {
    return { kind: 'Describe', name: buildName(ctx, first(first(c.describeStatement).children.name)), loc };
  }
  if (c.terminateStatement !== undefined) {
    const t = first(c.terminateStatement).children;
    const query =
      t.name !== undefined
        ? buildName(ctx, first(t.name))
        : t.StringLiteral !== undefined
          ? nameFromToken(ctx, first(t.StringLiteral), stringValue(first(t.StringLiteral)))
          : nameFromToken(ctx, first(t.IntegerLiteral), first(t.IntegerLiteral).image);
    return { kind: 'Terminate', query, loc };
  }
  if (c.setStatement !== undefined) {
    const s = first(c.setStatement).children;
    const v = buildOptionValue(ctx, first(s.optionValue));
    return {
      kind: 'SetProperty',
      property: stringValue(first(s.StringLiteral)),
      value: v.kind === 'OptionWord' ? v.word : String(v.value),
      loc,
    };
  }
  const r = first(first(c.runScriptStatement).children.StringLiteral);
  return { kind: 'RunScript', path: stringValue(r), loc };
}
