/** The checked (resolved, typed) form of a script: what the planner consumes. */
export type * from './expr.js';
export type * from './query.js';
export type * from './statement.js';
export { SHOW_TARGETS } from './statement.js';
