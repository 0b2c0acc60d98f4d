/**
 * Compiles checked expressions (src/sql/checked) ONCE into plain JS functions
 * over a row layout, by generating JS source and instantiating it with
 * `new Function`. Nothing is interpreted per row: a column is `r[i]`, an
 * operator is the JS operator with SQL's NULL rules spelled out inline.
 *
 * Semantics (see src/sql/checked/expr.ts): three-valued logic; NULL in →
 * NULL out for operators; int/long arithmetic whose result leaves the type's
 * range throws GALE_ERR_SQL_RUNTIME_OVERFLOW; int/long `/` truncates toward
 * zero; `/` or `%` by zero is NULL; a double result that is not finite is
 * NULL. A throw inside a compiled function concerns one tuple: the bolt
 * reports it on the error stream and carries on.
 */
import type { TExpr } from '../../sql/checked/index.js';
import { BUILTIN_FUNCTIONS, castFunction } from '../../sql/functions/index.js';
import type { FunctionContext } from '../../sql/functions/index.js';
import type { SqlType, Value } from '../../sql/types.js';
import type { Row } from '../../runtime/message.js';
import * as helpers from './helpers.js';

export type RowFn = (r: Row) => Value;
export type RowPredicate = (r: Row) => boolean;
export type RowProjection = (r: Row) => Row;

/** A mutable cell holding a DECLAREd variable's current value. */
export interface VariableCell {
  value: Value;
}

/** Where the pieces an expression reads live in the row it is evaluated over. */
export interface ExprEnv {
  /** position of field `field` of query input `input` */
  column(input: number, field: number): number;
  /** position of aggregate `slot`'s result (windowed / changelog outputs) */
  aggregate?(slot: number): number;
  /** position of the window bound being emitted */
  windowBound?(bound: 'start' | 'end'): number;
  variable(name: string): VariableCell;
  readonly fn: FunctionContext;
}

class Gen {
  private temps = 0;
  readonly refs: unknown[] = [];

  constructor(private readonly env: ExprEnv) {}

  temp(): string {
    return `t${this.temps++}`;
  }

  ref(x: unknown): string {
    const i = this.refs.indexOf(x);
    if (i >= 0) return `h[${i}]`;
    this.refs.push(x);
    return `h[${this.refs.length - 1}]`;
  }

  declarations(): string {
    if (this.temps === 0) return '';
    return `let ${Array.from({ length: this.temps }, (_, i) => `t${i}`).join(', ')};`;
  }

  expr(e: TExpr): string {
    switch (e.kind) {
      case 'Literal':
        return literal(e.value);
      case 'Column':
        return `r[${this.env.column(e.input, e.field)}]`;
      case 'Variable':
        return `${this.ref(this.env.variable(e.name))}.value`;
      case 'Aggregate': {
        if (this.env.aggregate === undefined) throw new Error('aggregate outside an aggregate context');
        return `r[${this.env.aggregate(e.slot)}]`;
      }
      case 'WindowBound': {
        if (this.env.windowBound === undefined) throw new Error('window bound outside a windowed aggregate');
        return `r[${this.env.windowBound(e.bound)}]`;
      }
      case 'Call': {
        const def = BUILTIN_FUNCTIONS.get(e.fn);
        if (def === undefined || def.kind !== 'scalar') throw new Error(`no scalar function ${e.fn}`);
        const args = e.args.map((a) => this.expr(a));
        return `${this.ref(def.impl)}(${this.ref(this.env.fn)}${args.map((a) => `, ${a}`).join('')})`;
      }
      case 'Unary': {
        const t = this.temp();
        const x = this.expr(e.operand);
        if (e.op === 'not') return `((${t} = ${x}) === null ? null : !${t})`;
        if (e.type === 'int') return `((${t} = ${x}) === null ? null : ${this.ref(helpers.int)}(-${t}, 'int -'))`;
        return `((${t} = ${x}) === null ? null : -${t})`;
      }
      case 'Arithmetic':
        return this.arithmetic(e.op, e.type, e.left, e.right);
      case 'Comparison': {
        const a = this.temp();
        const b = this.temp();
        const op = e.op === '=' ? '===' : e.op === '<>' ? '!==' : e.op;
        return `((${a} = ${this.expr(e.left)}) === null || (${b} = ${this.expr(e.right)}) === null ? null : ${a} ${op} ${b})`;
      }
      case 'Logical': {
        const a = this.temp();
        const b = this.temp();
        const l = this.expr(e.left);
        const r = this.expr(e.right);
        return e.op === 'and'
          ? `((${a} = ${l}) === false ? false : (${b} = ${r}) === false ? false : ${a} === null || ${b} === null ? null : true)`
          : `((${a} = ${l}) === true ? true : (${b} = ${r}) === true ? true : ${a} === null || ${b} === null ? null : false)`;
      }
      case 'Concat': {
        const a = this.temp();
        const b = this.temp();
        return `((${a} = ${this.expr(e.left)}) === null || (${b} = ${this.expr(e.right)}) === null ? null : ${this.str(a, e.left.type)} + ${this.str(b, e.right.type)})`;
      }
      case 'IsNull':
        return `(${this.expr(e.operand)} ${e.negated ? '!==' : '==='} null)`;
      case 'InList': {
        const a = this.temp();
        const x = this.expr(e.operand);
        const constant = e.list.every((i) => i.kind === 'Literal');
        let test: string;
        if (constant) {
          const values = e.list.map((i) => (i as { value: Value }).value);
          const hasNull = values.includes(null);
          const set = new Set(values.filter((v) => v !== null));
          test = `(${this.ref(set)}.has(${a}) ? true : ${hasNull ? 'null' : 'false'})`;
        } else {
          test = `${this.ref(helpers.inList)}(${a}, [${e.list.map((i) => this.expr(i)).join(', ')}])`;
        }
        const r = this.temp();
        return e.negated
          ? `((${a} = ${x}) === null ? null : (${r} = ${test}) === null ? null : !${r})`
          : `((${a} = ${x}) === null ? null : ${test})`;
      }
      case 'Between': {
        const x = this.temp();
        const lo = this.temp();
        const hi = this.temp();
        const ge = this.temp();
        const le = this.temp();
        // x >= lo AND x <= hi, three-valued; NOT BETWEEN negates that
        const inner =
          `((${x} = ${this.expr(e.operand)}), (${lo} = ${this.expr(e.low)}), (${hi} = ${this.expr(e.high)}), ` +
          `(${ge} = ${x} === null || ${lo} === null ? null : ${x} >= ${lo}), ` +
          `(${le} = ${x} === null || ${hi} === null ? null : ${x} <= ${hi}), ` +
          `${ge} === false || ${le} === false ? false : ${ge} === null || ${le} === null ? null : true)`;
        if (!e.negated) return inner;
        const r = this.temp();
        return `((${r} = ${inner}) === null ? null : !${r})`;
      }
      case 'Like': {
        const s = this.temp();
        const p = this.temp();
        let test: string;
        if (e.pattern.kind === 'Literal' && typeof e.pattern.value === 'string') {
          test = `${this.ref(helpers.likeRegex(e.pattern.value))}.test(${s})`;
          return `((${s} = ${this.expr(e.operand)}) === null ? null : ${e.negated ? '!' : ''}${test})`;
        }
        test = `${this.ref(helpers.like)}(${s}, ${p})`;
        return `((${s} = ${this.expr(e.operand)}) === null || (${p} = ${this.expr(e.pattern)}) === null ? null : ${e.negated ? '!' : ''}${test})`;
      }
      case 'Case': {
        let out = e.else === undefined ? 'null' : this.expr(e.else);
        for (let i = e.whens.length - 1; i >= 0; i--) {
          const w = e.whens[i]!;
          out = `(${this.expr(w.when)} === true ? ${this.expr(w.then)} : ${out})`;
        }
        return out;
      }
      case 'Cast': {
        if (e.operand.type === e.type) return this.expr(e.operand);
        return `${this.ref(castFunction(e.operand.type, e.type))}(${this.expr(e.operand)})`;
      }
    }
  }

  private str(v: string, t: SqlType): string {
    if (t === 'string') return v;
    if (t === 'timestamp') return `${this.ref(helpers.iso)}(${v})`;
    return `String(${v})`;
  }

  private arithmetic(op: string, type: SqlType, left: TExpr, right: TExpr): string {
    const a = this.temp();
    const b = this.temp();
    const guard = `(${a} = ${this.expr(left)}) === null || (${b} = ${this.expr(right)}) === null ? null : `;
    const what = `'${type} ${op}'`;
    const integral = type === 'int' || type === 'long' || type === 'timestamp';
    const check = type === 'int' ? this.ref(helpers.int) : this.ref(helpers.long);
    switch (op) {
      case '+':
      case '-':
      case '*':
        return integral
          ? `(${guard}${check}(${a} ${op} ${b}, ${what}))`
          : `(${guard}${this.ref(helpers.finite)}(${a} ${op} ${b}))`;
      case '/':
        return integral
          ? `(${guard}${b} === 0 ? null : ${check}(${this.ref(helpers.idiv)}(${a}, ${b}), ${what}))`
          : `(${guard}${b} === 0 ? null : ${this.ref(helpers.finite)}(${a} / ${b}))`;
      case '%':
        return `(${guard}${b} === 0 ? null : ${a} % ${b})`;
    }
    throw new Error(`unknown arithmetic operator ${op}`);
  }
}

function literal(v: Value): string {
  if (v === null) return 'null';
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : Number.isFinite(v) ? String(v) : v > 0 ? 'Infinity' : v < 0 ? '-Infinity' : 'NaN';
  return JSON.stringify(v);
}

function instantiate<F>(gen: Gen, params: string, body: string): F {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const factory = new Function('h', `"use strict"; return function compiled(${params}) { ${gen.declarations()} ${body} };`) as (
    h: unknown[],
  ) => F;
  return factory(gen.refs);
}

/** One expression as a function of the row. */
export function compileExpr(e: TExpr, env: ExprEnv): RowFn {
  const g = new Gen(env);
  const body = `return ${g.expr(e)};`;
  return instantiate<RowFn>(g, 'r', body);
}

/** A condition as a predicate: TRUE passes; FALSE and NULL do not. */
export function compilePredicate(e: TExpr, env: ExprEnv): RowPredicate {
  const g = new Gen(env);
  const body = `return ${g.expr(e)} === true;`;
  return instantiate<RowPredicate>(g, 'r', body);
}

/** Several expressions as one function returning a new row. */
export function compileProjection(exprs: readonly TExpr[], env: ExprEnv): RowProjection {
  const g = new Gen(env);
  const body = `return [${exprs.map((e) => g.expr(e)).join(', ')}];`;
  return instantiate<RowProjection>(g, 'r', body);
}

/**
 * Filter and projection fused into one loop over a batch: `out` receives the
 * projected rows that pass; a row whose evaluation throws goes to `onError`
 * and the loop carries on. `project` undefined keeps the input row as is.
 */
export type BatchCalc = (rows: Row[], out: Row[], onError: (err: unknown, row: Row) => void) => void;

export function compileCalc(
  spec: { readonly where?: TExpr | undefined; readonly project?: readonly TExpr[] | undefined },
  env: ExprEnv,
): BatchCalc {
  const g = new Gen(env);
  const test = spec.where === undefined ? '' : `if (${g.expr(spec.where)} !== true) continue;`;
  const emit = spec.project === undefined ? 'out.push(r);' : `out.push([${spec.project.map((e) => g.expr(e)).join(', ')}]);`;
  const body = `
    const n = rows.length;
    for (let i = 0; i < n; i++) {
      const r = rows[i];
      try { ${test} ${emit} } catch (err) { onError(err, r); }
    }`;
  return instantiate<BatchCalc>(g, 'rows, out, onError', body);
}
