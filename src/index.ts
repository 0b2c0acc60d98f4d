/** Gale's public API (named exports only). */
export { GaleError, isGaleError } from './errors.js';
export type { SourceSpan } from './errors.js';
export type * from './log/log.js';
export type * from './coord/coordinator.js';
