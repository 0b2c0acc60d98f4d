/**
 * Pieces shared by every AST family: names, type references, spans.
 *
 * The AST is the stable contract between the parser and everything after it
 * (checker, formatter, planner). Every node is a plain readonly object with a
 * string `kind` and a `loc` (the source span it was parsed from). Two ASTs are
 * equal when they are deep-equal ignoring every `loc` (see `astEqual`).
 */
import type { SourceSpan } from '../../errors.js';

export type { SourceSpan };

/**
 * A name as written: `price`, `"order id"`. Quoting is not kept: the
 * formatter quotes a name only when it must (keywords, odd characters).
 * Names are case-sensitive (they map to JSON field names); keywords are not.
 */
export interface Name {
  readonly kind: 'Name';
  readonly name: string;
  readonly loc: SourceSpan;
}

/**
 * A type as written after a field name or in `CAST(x AS type)`: `int`,
 * `LONG`... The name is lower-cased here; whether it is one of the six types
 * (`bool int long double string timestamp`) is checked by the analyzer.
 */
export interface TypeRef {
  readonly kind: 'TypeRef';
  readonly name: string;
  readonly loc: SourceSpan;
}

/** `f type` in a schema, stream or table declaration. */
export interface FieldDecl {
  readonly kind: 'FieldDecl';
  readonly name: Name;
  readonly type: TypeRef;
  readonly loc: SourceSpan;
}
