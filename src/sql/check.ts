/**
 * The semantic checker: one statement at a time against the catalog (which
 * each declaration, and each INTO of a new stream, extends). Everything the
 * grammar deliberately accepts but the dialect forbids is rejected here, with
 * a code and the exact span.
 */
import type { Statement } from './ast/index.js';
import { copyCatalog } from './catalog.js';
import type { CheckedStatement } from './checked/index.js';
import type { CheckContext } from './check/context.js';
import { report } from './check/context.js';
import { checkCreateSchema, checkCreateStream, checkCreateTable, checkCreateWindow } from './check/ddl.js';
import { checkInsertSelect, checkInsertValues, checkUpdateOrDelete } from './check/dml.js';
import { checkSelect } from './check/query.js';
import { checkDeclare, checkDescribe, checkShow } from './check/session.js';
import { checkUnion } from './check/union.js';

export type { CheckContext } from './check/context.js';

/** Check one statement; undefined when it has errors (reported to ctx.errors). */
export function checkStatement(ctx: CheckContext, s: Statement): CheckedStatement | undefined {
  const before = ctx.errors.length + ctx.suppressed.count;
  const checked = dispatch(ctx, s);
  return ctx.errors.length + ctx.suppressed.count > before ? undefined : checked;
}

function dispatch(ctx: CheckContext, s: Statement): CheckedStatement | undefined {
  switch (s.kind) {
    case 'CreateSchema':
      return checkCreateSchema(ctx, s);
    case 'CreateStream':
      return checkCreateStream(ctx, s);
    case 'CreateWindow':
      return checkCreateWindow(ctx, s);
    case 'CreateTable':
      return checkCreateTable(ctx, s);
    case 'Select':
      return checkSelect(ctx, s);
    case 'Union':
      return checkUnion(ctx, s);
    case 'InsertSelect':
    case 'ReplaceSelect':
      return checkInsertSelect(ctx, s);
    case 'Update':
    case 'Delete':
      return checkUpdateOrDelete(ctx, s);
    case 'InsertValues':
      return checkInsertValues(ctx, s);
    case 'Declare':
      return checkDeclare(ctx, s);
    case 'Explain': {
      if (s.statement.kind === 'Explain') {
        report(ctx, 'GALE_ERR_SQL_BAD_STATEMENT', 'EXPLAIN EXPLAIN is not a statement', s.statement.loc);
        return undefined;
      }
      // explaining a statement must not declare anything
      const inner = checkStatement({ ...ctx, catalog: copyCatalog(ctx.catalog) }, s.statement);
      return inner === undefined ? undefined : { kind: 'Explain', ast: s, statement: inner };
    }
    case 'Show':
      return checkShow(ctx, s);
    case 'Describe':
      return checkDescribe(ctx, s);
    case 'Terminate':
      return { kind: 'Terminate', ast: s, query: s.query.name };
    case 'SetProperty':
      return { kind: 'SetProperty', ast: s, property: s.property, value: s.value };
    case 'RunScript':
      return { kind: 'RunScript', ast: s, path: s.path };
  }
}
