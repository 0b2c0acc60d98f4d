/** The engine's error codes (`GALE_ERR_ENGINE_*`), as data, and EngineError. */
import { GaleError, type SourceSpan } from '../errors.js';

export const ENGINE_ERROR_CODES = {
  GALE_ERR_ENGINE_PUSH_QUERY: 'a SELECT without INTO sent to execute(): it is a push query (push(), the REPL, POST /query)',
  GALE_ERR_ENGINE_NOT_PUSH_QUERY: 'push() was given something other than one SELECT (or UNION) without INTO',
  GALE_ERR_ENGINE_UNKNOWN_QUERY: 'TERMINATE names no running query',
  GALE_ERR_ENGINE_TOPIC: 'a stream cannot be bound to its topic (PARTITIONS differs from the existing topic, bad KEY, FORMAT string with other fields)',
  GALE_ERR_ENGINE_PROPERTY: 'SET with an unknown property or a value it cannot take',
  GALE_ERR_ENGINE_SCRIPT: 'RUN SCRIPT cannot read its file',
  GALE_ERR_ENGINE_UNSUPPORTED: 'a statement the engine does not run (the message says why)',
  GALE_ERR_ENGINE_CLOSED: 'the engine was closed',
  GALE_ERR_ENGINE_INTERNAL: 'an unexpected failure inside the engine (a bug); the message has the cause',
} as const;

export type EngineErrorCode = keyof typeof ENGINE_ERROR_CODES;

export class EngineError extends GaleError<EngineErrorCode> {
  override readonly name = 'EngineError';

  constructor(code: EngineErrorCode, message: string, opts: { span?: SourceSpan; cause?: unknown } = {}) {
    super(code, message, opts);
  }
}
