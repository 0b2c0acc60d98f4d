/**
 * SET 'property' = 'value': session properties. The engine reads
 * `auto.offset.reset` (earliest | latest: where a push query, or a new
 * persistent query, starts reading a topic; push queries default to latest
 * like ksqlDB, persistent queries to earliest). Others are kept and passed
 * along (a front end may use them) but change nothing in the engine.
 */
import type { SetProperty } from '../../sql/ast/index.js';
import { EngineError } from '../errors.js';

const CHOICES: Readonly<Record<string, readonly string[]>> = {
  'auto.offset.reset': ['earliest', 'latest'],
};

/** What a SET changed: the caller keeps it for its session (the engine keeps nothing engine-wide). */
export interface PropertyChange {
  readonly name: string;
  readonly value: string;
  readonly message: string;
}

/**
 * Sets the property for the rest of the script only. Sessions are the
 * caller's (REPL, HTTP client): SET never changes what other clients'
 * statements see, as in ksqlDB.
 */
export function setProperty(script: Record<string, string>, stmt: SetProperty): PropertyChange {
  const key = stmt.property.trim();
  const value = stmt.value.trim();
  const allowed = CHOICES[key];
  if (allowed !== undefined && !allowed.includes(value.toLowerCase())) {
    throw new EngineError('GALE_ERR_ENGINE_PROPERTY', `'${key}' takes ${allowed.map((a) => `'${a}'`).join(' or ')}, not '${value}'`, { span: stmt.loc });
  }
  const v = allowed === undefined ? value : value.toLowerCase();
  script[key] = v;
  const message = allowed === undefined ? `Set '${key}' = '${v}' (not a property the engine reads)` : `Set '${key}' = '${v}'`;
  return { name: key, value: v, message };
}
