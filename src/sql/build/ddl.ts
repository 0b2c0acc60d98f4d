/** CST → AST for declarations and window specifications (grammar/rules/ddl.ts). */
import type * as cst from '../../../grammar/generated/cst.js';
import type {
  CreateSchema,
  CreateStream,
  CreateTable,
  CreateWindow,
  FieldDecl,
  OptionValue,
  PrimaryKey,
  SourceSpan,
  StreamSchema,
  WindowDimension,
  WindowSpec,
  WithOption,
} from '../ast/index.js';
import type { BuildContext } from './context.js';
import { buildName, first, nodeLoc, report, stringValue, tokenLoc } from './context.js';
import { buildAdditive, buildType, numberLiteral } from './expr.js';

export type CreateStatementAst = CreateSchema | CreateStream | CreateWindow | CreateTable;

export function buildCreate(ctx: BuildContext, n: cst.CreateStatementCstNode): CreateStatementAst {
  const c = n.children;
  const loc = nodeLoc(ctx, n);
  if (c.createSchema !== undefined) {
    const s = first(c.createSchema).children;
    return {
      kind: 'CreateSchema',
      name: buildName(ctx, first(s.name)),
      fields: buildFieldList(ctx, first(s.fieldList)),
      loc,
    };
  }
  if (c.createStream !== undefined) return buildCreateStream(ctx, first(c.createStream), loc);
  if (c.createWindow !== undefined) {
    const w = first(c.createWindow).children;
    return { kind: 'CreateWindow', name: buildName(ctx, first(w.name)), spec: buildWindowSpec(ctx, first(w.windowSpec)), loc };
  }
  return buildCreateTable(ctx, first(c.createTable), loc);
}

function buildCreateStream(ctx: BuildContext, n: cst.CreateStreamCstNode, loc: SourceSpan): CreateStream {
  const c = n.children;
  let schema: StreamSchema | undefined;
  if (c.streamSchema !== undefined) {
    const s = first(c.streamSchema);
    const sc = s.children;
    schema =
      sc.fieldList !== undefined
        ? { kind: 'FieldList', fields: buildFieldList(ctx, first(sc.fieldList)), loc: nodeLoc(ctx, s) }
        : { kind: 'SchemaRef', name: buildName(ctx, first(sc.name)), loc: nodeLoc(ctx, s) };
  }
  const options = c.withClause === undefined ? [] : first(c.withClause).children.withOption.map((o) => buildWithOption(ctx, o));
  return {
    kind: 'CreateStream',
    direction: c.Input !== undefined ? 'input' : c.Output !== undefined ? 'output' : 'intermediate',
    name: buildName(ctx, first(c.name)),
    ...(schema === undefined ? {} : { schema }),
    with: options,
    loc,
  };
}

export function buildFieldList(ctx: BuildContext, n: cst.FieldListCstNode): FieldDecl[] {
  return n.children.fieldDecl.map((f) => buildFieldDecl(ctx, f));
}

function buildFieldDecl(ctx: BuildContext, n: cst.FieldDeclCstNode): FieldDecl {
  return {
    kind: 'FieldDecl',
    name: buildName(ctx, first(n.children.name)),
    type: buildType(ctx, first(n.children.typeName)),
    loc: nodeLoc(ctx, n),
  };
}

function buildWithOption(ctx: BuildContext, n: cst.WithOptionCstNode): WithOption {
  const c = n.children;
  const key =
    c.name !== undefined
      ? buildName(ctx, first(c.name))
      : { kind: 'Name' as const, name: stringValue(first(c.StringLiteral)), loc: tokenLoc(ctx, first(c.StringLiteral)) };
  return { kind: 'WithOption', key, value: buildOptionValue(ctx, first(c.optionValue)), loc: nodeLoc(ctx, n) };
}

export function buildOptionValue(ctx: BuildContext, n: cst.OptionValueCstNode): OptionValue {
  const c = n.children;
  const loc = nodeLoc(ctx, n);
  if (c.StringLiteral !== undefined) return { kind: 'Literal', type: 'string', value: stringValue(first(c.StringLiteral)), loc };
  if (c.True !== undefined) return { kind: 'Literal', type: 'bool', value: true, loc };
  if (c.False !== undefined) return { kind: 'Literal', type: 'bool', value: false, loc };
  if (c.signedNumber !== undefined) {
    const s = first(c.signedNumber).children;
    return numberLiteral(first(s.NumberLiteral), loc, s.AdditiveOperator?.[0]?.image === '-');
  }
  return { kind: 'OptionWord', word: buildName(ctx, first(c.name)).name, loc };
}

function buildCreateTable(ctx: BuildContext, n: cst.CreateTableCstNode, loc: SourceSpan): CreateTable {
  const c = n.children;
  const columns: FieldDecl[] = [];
  let primaryKey: PrimaryKey | undefined;
  for (const el of c.tableElement) {
    const e = el.children;
    if (e.fieldDecl !== undefined) {
      columns.push(buildFieldDecl(ctx, first(e.fieldDecl)));
      continue;
    }
    const pkNode = first(e.primaryKeyClause);
    const pk = pkNode.children;
    const pkLoc = nodeLoc(ctx, pkNode);
    if (primaryKey !== undefined) {
      report(ctx, 'GALE_ERR_SQL_DUPLICATE_CLAUSE', 'a table has one PRIMARY KEY clause (list several columns in it)', pkLoc);
      continue;
    }
    primaryKey = {
      kind: 'PrimaryKey',
      columns: pk.name.map((x) => buildName(ctx, x)),
      ...(pk.Hash !== undefined ? { using: 'hash' as const } : pk.Btree !== undefined ? { using: 'btree' as const } : {}),
      loc: pkLoc,
    };
  }
  return {
    kind: 'CreateTable',
    name: buildName(ctx, first(c.name)),
    columns,
    ...(primaryKey === undefined ? {} : { primaryKey }),
    loc,
  };
}

export function buildWindowSpec(ctx: BuildContext, n: cst.WindowSpecCstNode): WindowSpec {
  const c = n.children;
  const amounts = c.additiveExpression.map((e) => buildAdditive(ctx, e));
  let i = 0;
  const size = amounts[i++]!;
  const advance = c.Advance !== undefined ? amounts[i++] : undefined;
  const offset = c.Offset !== undefined ? amounts[i++] : undefined;
  const timeout = c.Timeout !== undefined ? amounts[i++] : undefined;
  const d = first(c.windowDimension);
  const dc = d.children;
  const dloc = nodeLoc(ctx, d);
  const dimension: WindowDimension =
    dc.Tuples !== undefined
      ? { kind: 'Tuples', loc: dloc }
      : dc.Time !== undefined
        ? { kind: 'Time', loc: dloc }
        : { kind: 'OnField', field: buildName(ctx, first(dc.name)), loc: dloc };
  return {
    kind: 'WindowSpec',
    size,
    ...(advance === undefined ? {} : { advance }),
    dimension,
    partitionBy: (c.name ?? []).map((x) => buildName(ctx, x)),
    ...(offset === undefined ? {} : { offset }),
    ...(timeout === undefined ? {} : { timeout }),
    loc: nodeLoc(ctx, n),
  };
}
