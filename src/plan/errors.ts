/** Planner error codes: a checked script that cannot be turned into a topology that runs here. */
import { GaleError, type SourceSpan } from '../errors.js';

export const PLAN_ERROR_CODES = {
  GALE_ERR_PLAN_UNSUPPORTED: 'a checked statement the runtime cannot run yet (the message says which part)',
  GALE_ERR_PLAN_NO_BINDING: 'an input stream with neither FILE nor GENERATOR (topics need the engine: gale serve)',
  GALE_ERR_PLAN_UNKNOWN_GENERATOR: 'GENERATOR names no built-in generator',
  GALE_ERR_PLAN_GENERATOR_FIELD: 'a stream bound to a generator declares a field the generator does not produce',
  GALE_ERR_PLAN_BAD_OPTION: 'a WITH option or command-line option whose value cannot be used',
  GALE_ERR_PLAN_FILE_NOT_FOUND: 'an input FILE that does not exist',
} as const;

export type PlanErrorCode = keyof typeof PLAN_ERROR_CODES;

export class PlanError extends GaleError<PlanErrorCode> {
  override readonly name = 'PlanError';

  constructor(code: PlanErrorCode, message: string, span?: SourceSpan) {
    super(code, span === undefined ? message : `${where(span)}: ${message}`, span === undefined ? {} : { span });
  }
}

function where(s: SourceSpan): string {
  return `${s.file ?? '<input>'}:${s.line}:${s.column}`;
}
