/** The SQL AST (see common.ts for the conventions). */
export type * from './common.js';
export type * from './expr.js';
export type * from './window.js';
export type * from './ddl.js';
export type * from './query.js';
export type * from './dml.js';
export type * from './session.js';
export type * from './statement.js';
export { astEqual, stripLoc } from './equality.js';
