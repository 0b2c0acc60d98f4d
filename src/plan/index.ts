/**
 * The planner's entry point: SQL text → checked script → logical plan →
 * topology, ready for EXPLAIN or for runtime/run.ts.
 */
import { analyzeScript, type Catalog, type SqlError } from '../sql/index.js';
import type { PlanOptions } from './context.js';
import { planScript, type Program } from './script.js';
import { lower } from './topology/lower.js';
import type { Topology } from './topology/topology.js';

export type { PlanOptions } from './context.js';
export type { Program, PlannedQuery } from './script.js';
export type { Topology, QueryView, ComponentView } from './topology/topology.js';
export { explain, groupingText, type ExplainFormat } from './topology/explain.js';
export { PlanError, PLAN_ERROR_CODES, type PlanErrorCode } from './errors.js';
export { planScript } from './script.js';
export { lower } from './topology/lower.js';

export type PlanResult =
  | { readonly ok: true; readonly topology: Topology; readonly program: Program; readonly catalog: Catalog }
  | { readonly ok: false; readonly errors: readonly SqlError[] };

/** Checks and plans a script. SQL errors are returned; a plan that cannot run throws a PlanError. */
export function planText(text: string, options: PlanOptions & { readonly file?: string; readonly catalog?: Catalog }): PlanResult {
  const r = analyzeScript(text, {
    ...(options.file === undefined ? {} : { file: options.file }),
    ...(options.catalog === undefined ? {} : { catalog: options.catalog }),
  });
  if (r.errors.length > 0) return { ok: false, errors: r.errors };
  const program = planScript(r.script, r.catalog, options);
  return { ok: true, topology: lower(program), program, catalog: r.catalog };
}
