/**
 * How the function library describes a function: signatures and return-type
 * rule for the checker, documented NULL behaviour, and (for scalar functions)
 * the implementation as a plain function over JS values (see ../types.ts for
 * the representation). Aggregates carry no implementation here: the runtime's
 * accumulators implement them to the documented rules.
 */
import type { SqlType, Value } from '../types.js';

/** What an implementation may need from the engine. */
export interface FunctionContext {
  /** the processing clock, epoch ms (injectable: tests use a virtual clock) */
  now(): number;
}

/** A return-type rule: the result type for these argument types, or a message saying what is wrong. */
export type TypeRule = (args: readonly SqlType[]) => SqlType | { readonly error: string };

interface FunctionDoc {
  /** lower-case name, as called */
  readonly name: string;
  readonly category: 'math' | 'string' | 'time' | 'conversion' | 'null' | 'window' | 'aggregate';
  /** human-readable signatures, e.g. `round(x: numeric [, digits: int]) → double` */
  readonly signatures: readonly string[];
  readonly description: string;
  /** what NULL arguments do */
  readonly nulls: string;
  readonly minArgs: number;
  /** Infinity for variadic functions */
  readonly maxArgs: number;
  readonly returnType: TypeRule;
}

// Implementations take the context first and then the argument values; they
// are declared with fixed parameters where the arity is fixed so V8 can
// inline them. `any` here is the erasure of a per-function tuple type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ScalarImpl = (ctx: FunctionContext, ...args: any[]) => Value;

export interface ScalarFunctionDef extends FunctionDoc {
  readonly kind: 'scalar';
  readonly impl: ScalarImpl;
  /** true if the result depends on more than the arguments (now()) */
  readonly volatile?: boolean;
}

export interface AggregateFunctionDef extends FunctionDoc {
  readonly kind: 'aggregate';
  /** accepts `f(*)` (count) */
  readonly acceptsStar: boolean;
  /** argument positions that must be constant expressions (percentile's p) */
  readonly constantArgs: readonly number[];
}

/** window_start / window_end / openval / closeval: the bounds of the window being emitted. */
export interface WindowFunctionDef extends FunctionDoc {
  readonly kind: 'window';
  readonly bound: 'start' | 'end';
}

export type FunctionDef = ScalarFunctionDef | AggregateFunctionDef | WindowFunctionDef;
