/**
 * AST → canonical SQL. Keywords upper case, one statement per line, names
 * quoted only when they must be, parentheses only where precedence needs
 * them. Guarantee (tested): parse(format(ast)) equals ast ignoring spans.
 */
import { RESERVED_WORDS } from '../../grammar/tokens.js';
import type {
  Expr,
  FieldDecl,
  FromClause,
  FromItem,
  Name,
  OptionValue,
  PatternExpr,
  Returning,
  Select,
  SelectItem,
  SourceRef,
  Statement,
  WindowRef,
  WindowSpec,
} from './ast/index.js';

const RESERVED = new Set(RESERVED_WORDS.map((w) => w.toUpperCase()));
const PLAIN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A name as SQL: bare when it can be, else "double-quoted". */
export function formatName(name: string): string {
  if (PLAIN.test(name) && !RESERVED.has(name.toUpperCase())) return name;
  return `"${name.replace(/"/g, '""')}"`;
}

function n(x: Name): string {
  return formatName(x.name);
}

export function formatString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

function formatNumber(type: 'int' | 'long' | 'double', value: number): string {
  if (type === 'long') return `${String(value)}L`;
  if (type === 'int') return String(value);
  const s = String(value);
  return /[.eE]/.test(s) ? s : `${s}.0`;
}

// Precedence levels, as in grammar/rules/expressions.ts (higher binds tighter).
const P_TOP = 0;
const P_OR = 1;
const P_AND = 2;
const P_NOT = 3;
const P_PREDICATE = 4;
const P_CONCAT = 5;
const P_ADDITIVE = 6;
const P_MULTIPLICATIVE = 7;
const P_UNARY = 8;

function binaryPrec(op: string): number {
  switch (op) {
    case 'or':
      return P_OR;
    case 'and':
      return P_AND;
    case '||':
      return P_CONCAT;
    case '+':
    case '-':
      return P_ADDITIVE;
    case '*':
    case '/':
    case '%':
      return P_MULTIPLICATIVE;
    default:
      return P_PREDICATE;
  }
}

function paren(text: string, prec: number, min: number): string {
  return prec < min ? `(${text})` : text;
}

/** An expression as SQL. */
export function formatExpr(e: Expr, min = P_TOP): string {
  switch (e.kind) {
    case 'Literal':
      switch (e.type) {
        case 'string':
          return formatString(e.value);
        case 'bool':
          return e.value ? 'TRUE' : 'FALSE';
        case 'null':
          return 'NULL';
        default:
          return formatNumber(e.type, e.value);
      }
    case 'TimestampLiteral':
      return `TIMESTAMP ${formatString(e.text)}`;
    case 'IntervalLiteral':
      return `INTERVAL ${formatString(e.text)} ${e.unit.toUpperCase()}`;
    case 'ColumnRef':
      return e.qualifier === undefined ? n(e.name) : `${n(e.qualifier)}.${n(e.name)}`;
    case 'Call':
      return `${n(e.name)}(${e.star ? '*' : e.args.map((a) => formatExpr(a)).join(', ')})`;
    case 'Extract':
      return `EXTRACT(${PLAIN.test(e.field) && !RESERVED.has(e.field.toUpperCase()) ? e.field.toUpperCase() : formatName(e.field)} FROM ${formatExpr(e.operand)})`;
    case 'Unary': {
      if (e.op === 'not') return paren(`NOT ${formatExpr(e.operand, P_NOT)}`, P_NOT, min);
      const inner = formatExpr(e.operand, P_UNARY);
      // `- -x` must not print as `--x` (a comment)
      return paren(`${e.op}${inner.startsWith('-') || inner.startsWith('+') ? ' ' : ''}${inner}`, P_UNARY, min);
    }
    case 'Binary': {
      const p = binaryPrec(e.op);
      const op = e.op === 'and' || e.op === 'or' ? e.op.toUpperCase() : e.op;
      // comparisons do not chain: both sides one level up
      const leftMin = p === P_PREDICATE ? P_CONCAT : p;
      return paren(`${formatExpr(e.left, leftMin)} ${op} ${formatExpr(e.right, p + 1)}`, p, min);
    }
    case 'IsNull':
      return paren(`${formatExpr(e.operand, P_CONCAT)} IS ${e.negated ? 'NOT ' : ''}NULL`, P_PREDICATE, min);
    case 'InList':
      return paren(
        `${formatExpr(e.operand, P_CONCAT)} ${e.negated ? 'NOT ' : ''}IN (${e.list.map((x) => formatExpr(x)).join(', ')})`,
        P_PREDICATE,
        min,
      );
    case 'Between':
      return paren(
        `${formatExpr(e.operand, P_CONCAT)} ${e.negated ? 'NOT ' : ''}BETWEEN ${formatExpr(e.low, P_CONCAT)} AND ${formatExpr(e.high, P_CONCAT)}`,
        P_PREDICATE,
        min,
      );
    case 'Like':
      return paren(
        `${formatExpr(e.operand, P_CONCAT)} ${e.negated ? 'NOT ' : ''}LIKE ${formatExpr(e.pattern, P_CONCAT)}`,
        P_PREDICATE,
        min,
      );
    case 'Case': {
      const parts = ['CASE'];
      if (e.operand !== undefined) parts.push(formatExpr(e.operand));
      for (const w of e.whens) parts.push(`WHEN ${formatExpr(w.when)} THEN ${formatExpr(w.then)}`);
      if (e.else !== undefined) parts.push(`ELSE ${formatExpr(e.else)}`);
      parts.push('END');
      return parts.join(' ');
    }
    case 'If':
      // the ELSE branch extends as far as it can, so an IF inside anything is parenthesised
      return paren(`IF ${formatExpr(e.cond)} THEN ${formatExpr(e.then)} ELSE ${formatExpr(e.else)}`, min === P_TOP ? P_TOP : -1, min);
    case 'Cast':
      return `CAST(${formatExpr(e.operand)} AS ${e.type.name})`;
  }
}

function formatFields(fields: readonly FieldDecl[], table = false): string {
  // a table column called `primary` would read as PRIMARY KEY
  return fields
    .map((f) => `${table && f.name.name.toLowerCase() === 'primary' ? `"${f.name.name}"` : n(f.name)} ${f.type.name}`)
    .join(', ');
}

function formatOptionValue(v: OptionValue): string {
  return v.kind === 'OptionWord' ? formatName(v.word) : formatExpr(v);
}

function formatOptionKey(k: string): string {
  return PLAIN.test(k) && !RESERVED.has(k.toUpperCase()) ? k : formatString(k);
}

export function formatWindowSpec(w: WindowSpec): string {
  const parts = [`SIZE ${formatExpr(w.size, P_ADDITIVE)}`];
  if (w.advance !== undefined) parts.push(`ADVANCE ${formatExpr(w.advance, P_ADDITIVE)}`);
  const d = w.dimension;
  parts.push(d.kind === 'Tuples' ? 'TUPLES' : d.kind === 'Time' ? 'TIME' : `ON ${n(d.field)}`);
  if (w.partitionBy.length > 0) parts.push(`PARTITION BY ${w.partitionBy.map(n).join(', ')}`);
  if (w.offset !== undefined) parts.push(`OFFSET ${formatExpr(w.offset, P_ADDITIVE)}`);
  if (w.timeout !== undefined) parts.push(`TIMEOUT ${formatExpr(w.timeout, P_ADDITIVE)}`);
  return parts.join(' ');
}

function formatWindowRef(w: WindowRef): string {
  return w.kind === 'WindowName' ? n(w.name) : formatWindowSpec(w);
}

function formatSource(s: SourceRef): string {
  let out = n(s.name);
  if (s.window !== undefined) out += `[${formatWindowRef(s.window)}]`;
  if (s.alias !== undefined) out += ` AS ${n(s.alias)}`;
  return out;
}

function formatFromItem(f: FromItem): string {
  if (f.kind === 'Source') return formatSource(f);
  const kw = f.joinType === 'inner' ? 'JOIN' : `${f.joinType.toUpperCase()} JOIN`;
  return `${formatFromItem(f.left)} ${kw} ${formatSource(f.right)} ON ${formatExpr(f.on)}`;
}

const PATTERN_PREC = { then: 1, or: 2, and: 3 } as const;

function formatPattern(p: PatternExpr, min = 0): string {
  switch (p.kind) {
    case 'PatternSource':
      return p.alias === undefined ? n(p.stream) : `${n(p.stream)} AS ${n(p.alias)}`;
    case 'PatternNot':
      return `NOT ${formatPattern(p.operand, 4)}`;
    case 'PatternBinary': {
      const prec = PATTERN_PREC[p.op];
      const text = `${formatPattern(p.left, prec)} ${p.op.toUpperCase()} ${formatPattern(p.right, prec + 1)}`;
      return prec < min ? `(${text})` : text;
    }
  }
}

function formatFrom(f: FromClause): string {
  if (f.kind === 'FromList') return f.items.map(formatFromItem).join(', ');
  const w = f.within;
  const within =
    w.kind === 'WithinTime' ? `${formatExpr(w.amount, P_ADDITIVE)} TIME` : `${formatExpr(w.amount, P_ADDITIVE)} ON ${n(w.field)}`;
  return `PATTERN ${formatPattern(f.pattern)} WITHIN ${within}`;
}

function formatItems(items: readonly SelectItem[]): string {
  return items
    .map((i) => {
      if (i.kind === 'Star') return i.qualifier === undefined ? '*' : `${n(i.qualifier)}.*`;
      return i.alias === undefined ? formatExpr(i.expr) : `${formatExpr(i.expr)} AS ${n(i.alias)}`;
    })
    .join(', ');
}

export function formatSelect(s: Select): string {
  const parts = [`SELECT ${formatItems(s.items)}`, `FROM ${formatFrom(s.from)}`];
  if (s.where !== undefined) parts.push(`WHERE ${formatExpr(s.where)}`);
  if (s.groupBy.length > 0) parts.push(`GROUP BY ${s.groupBy.map((g) => formatExpr(g)).join(', ')}`);
  if (s.having !== undefined) parts.push(`HAVING ${formatExpr(s.having)}`);
  if (s.orderBy.length > 0) {
    parts.push(`ORDER BY ${s.orderBy.map((o) => `${formatExpr(o.expr)}${o.descending ? ' DESC' : ''}`).join(', ')}`);
  }
  if (s.limit !== undefined) parts.push(`LIMIT ${formatExpr(s.limit)}`);
  if (s.into !== undefined) parts.push(`INTO ${n(s.into)}`);
  return parts.join(' ');
}

function formatReturning(r: Returning | undefined): string {
  if (r === undefined) return '';
  return ` RETURNING ${formatItems(r.items)}${r.into === undefined ? '' : ` INTO ${n(r.into)}`}`;
}

function formatColumns(cols: readonly Name[] | undefined): string {
  return cols === undefined ? '' : ` (${cols.map(n).join(', ')})`;
}

function formatBare(s: Statement): string {
  switch (s.kind) {
    case 'CreateSchema':
      return `CREATE SCHEMA ${n(s.name)} (${formatFields(s.fields)})`;
    case 'CreateStream': {
      const dir = s.direction === 'intermediate' ? '' : `${s.direction.toUpperCase()} `;
      let out = `CREATE ${dir}STREAM ${n(s.name)}`;
      if (s.schema !== undefined) out += s.schema.kind === 'SchemaRef' ? ` ${n(s.schema.name)}` : ` (${formatFields(s.schema.fields)})`;
      if (s.with.length > 0) {
        out += ` WITH (${s.with.map((o) => `${formatOptionKey(o.key.name)} = ${formatOptionValue(o.value)}`).join(', ')})`;
      }
      return out;
    }
    case 'CreateWindow':
      return `CREATE WINDOW ${n(s.name)} (${formatWindowSpec(s.spec)})`;
    case 'CreateTable': {
      const elems = [formatFields(s.columns, true)].filter((x) => x !== '');
      const pk = s.primaryKey;
      if (pk !== undefined) {
        elems.push(`PRIMARY KEY (${pk.columns.map(n).join(', ')})${pk.using === undefined ? '' : ` USING ${pk.using.toUpperCase()}`}`);
      }
      return `CREATE MEMORY TABLE ${n(s.name)} (${elems.join(', ')})`;
    }
    case 'Select':
      return formatSelect(s);
    case 'Union':
      return `${s.inputs.map(n).join(' UNION ')}${s.into === undefined ? '' : ` INTO ${n(s.into)}`}`;
    case 'InsertSelect': {
      const dup =
        s.onDuplicate === undefined
          ? ''
          : ` ON DUPLICATE KEY UPDATE ${s.onDuplicate.map((a) => `${n(a.column)} = ${formatExpr(a.value)}`).join(', ')}`;
      return `INSERT INTO ${n(s.target)}${formatColumns(s.columns)} ${formatSelect(s.query)}${dup}${formatReturning(s.returning)}`;
    }
    case 'ReplaceSelect':
      return `REPLACE INTO ${n(s.target)}${formatColumns(s.columns)} ${formatSelect(s.query)}${formatReturning(s.returning)}`;
    case 'Update':
      return `UPDATE ${n(s.table)} USING ${formatSource(s.using)} SET ${s.assignments
        .map((a) => `${n(a.column)} = ${formatExpr(a.value)}`)
        .join(', ')}${s.where === undefined ? '' : ` WHERE ${formatExpr(s.where)}`}${formatReturning(s.returning)}`;
    case 'Delete':
      return `DELETE FROM ${n(s.table)} USING ${formatSource(s.using)}${s.where === undefined ? '' : ` WHERE ${formatExpr(s.where)}`}${formatReturning(s.returning)}`;
    case 'InsertValues':
      return `INSERT INTO ${n(s.target)}${formatColumns(s.columns)} VALUES ${s.rows
        .map((r) => `(${r.map((e) => formatExpr(e)).join(', ')})`)
        .join(', ')}`;
    case 'Declare':
      return `DECLARE ${n(s.name)} ${s.type.name} DEFAULT ${formatExpr(s.default)}${
        s.updateFrom === undefined ? '' : ` UPDATE FROM (${formatSelect(s.updateFrom)})`
      }`;
    case 'Explain':
      return `EXPLAIN ${formatBare(s.statement)}`;
    case 'Show':
      return `SHOW ${PLAIN.test(s.what) ? s.what.toUpperCase() : formatName(s.what)}`;
    case 'Describe':
      return `DESCRIBE ${n(s.name)}`;
    case 'Terminate':
      return `TERMINATE ${PLAIN.test(s.query.name) && !RESERVED.has(s.query.name.toUpperCase()) ? s.query.name : formatString(s.query.name)}`;
    case 'SetProperty':
      return `SET ${formatString(s.property)} = ${formatString(s.value)}`;
    case 'RunScript':
      return `RUN SCRIPT ${formatString(s.path)}`;
  }
}

/** One statement as canonical SQL, ending in `;`. */
export function formatStatement(s: Statement): string {
  return `${formatBare(s)};`;
}

/** Statements as canonical SQL, one per line. */
export function formatScript(statements: readonly Statement[]): string {
  return statements.map((s) => `${formatStatement(s)}\n`).join('');
}
