/**
 * Name resolution: which input and field an (optionally qualified) column
 * name refers to, or which DECLAREd variable. Lookup is exact (names are
 * case-sensitive); a near miss is suggested in the error.
 */
import type { SourceSpan } from '../errors.js';
import type { ColumnRef } from './ast/index.js';
import type { QueryInput, TExpr } from './checked/index.js';
import type { CheckContext } from './check/context.js';
import { listNames, report, suggestion } from './check/context.js';

/** The inputs names resolve against, and whether unqualified names may see each input. */
export interface Scope {
  readonly inputs: readonly QueryInput[];
  /** per input: false = only `alias.f` reaches it (ON DUPLICATE KEY UPDATE's table row) */
  readonly unqualified?: readonly boolean[];
  /** what a column reference is called in errors when there are no inputs (e.g. VALUES) */
  readonly noInputs?: string;
}

export const EMPTY_SCOPE: Scope = { inputs: [] };

/** Resolve a column reference; reports and returns undefined when it does not resolve. */
export function resolveColumn(ctx: CheckContext, scope: Scope, ref: ColumnRef): TExpr | undefined {
  const name = ref.name.name;
  if (ref.qualifier !== undefined) {
    const q = ref.qualifier.name;
    const idx = scope.inputs.findIndex((i) => i.alias === q);
    if (idx < 0) {
      const aliases = scope.inputs.map((i) => i.alias);
      report(
        ctx,
        'GALE_ERR_SQL_UNKNOWN_QUALIFIER',
        aliases.length === 0
          ? `unknown qualifier '${q}': ${scope.noInputs ?? 'there is no input here'}`
          : `unknown qualifier '${q}' (the inputs here are ${listNames(aliases)})${suggestion(q, aliases)}`,
        ref.qualifier.loc,
      );
      return undefined;
    }
    return fieldOf(ctx, scope.inputs[idx]!, idx, ref, true);
  }
  let found: number | undefined;
  for (let i = 0; i < scope.inputs.length; i++) {
    if (scope.unqualified?.[i] === false) continue;
    if (scope.inputs[i]!.fields.some((f) => f.name === name)) {
      if (found !== undefined) {
        report(
          ctx,
          'GALE_ERR_SQL_AMBIGUOUS_FIELD',
          `'${name}' is a field of both ${scope.inputs[found]!.alias} and ${scope.inputs[i]!.alias}; qualify it (e.g. ${scope.inputs[found]!.alias}.${name})`,
          ref.loc,
        );
        return undefined;
      }
      found = i;
    }
  }
  if (found !== undefined) return fieldOf(ctx, scope.inputs[found]!, found, ref, false);
  const v = ctx.catalog.variables.get(name);
  if (v !== undefined) return { kind: 'Variable', name, type: v.type, loc: ref.loc };
  reportUnknownField(ctx, scope, name, ref.loc);
  return undefined;
}

function fieldOf(ctx: CheckContext, input: QueryInput, idx: number, ref: ColumnRef, qualified: boolean): TExpr | undefined {
  const name = ref.name.name;
  const field = input.fields.findIndex((f) => f.name === name);
  if (field < 0) {
    const names = input.fields.map((f) => f.name);
    report(
      ctx,
      'GALE_ERR_SQL_UNKNOWN_FIELD',
      `${input.alias} has no field '${name}' (fields: ${listNames(names)})${suggestion(name, names)}`,
      qualified ? ref.name.loc : ref.loc,
    );
    return undefined;
  }
  return { kind: 'Column', input: idx, field, name, type: input.fields[field]!.type, loc: ref.loc };
}

function reportUnknownField(ctx: CheckContext, scope: Scope, name: string, loc: SourceSpan): void {
  if (scope.inputs.length === 0) {
    report(ctx, 'GALE_ERR_SQL_NOT_CONSTANT', `'${name}' is not a variable; ${scope.noInputs ?? 'no fields are available here'}`, loc);
    return;
  }
  const visible = scope.inputs.filter((_, i) => scope.unqualified?.[i] !== false);
  const names = [...new Set(visible.flatMap((i) => i.fields.map((f) => f.name)))];
  const where = visible.length === 1 ? visible[0]!.alias : `any of ${listNames(visible.map((i) => i.alias))}`;
  report(
    ctx,
    'GALE_ERR_SQL_UNKNOWN_FIELD',
    `unknown field '${name}': not a field of ${where} nor a declared variable${suggestion(name, [...names, ...ctx.catalog.variables.keys()])}`,
    loc,
  );
}
