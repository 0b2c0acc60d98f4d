/**
 * The parsing DSL methods of Chevrotain's CstParser, as a public interface, so
 * that each rules/<family>.ts file can define its rules on the one parser
 * instance (Chevrotain declares them `protected`). Only the numbered variants
 * the grammar uses are listed.
 */
import type {
  ConsumeMethodOpts,
  CstNode,
  DSLMethodOpts,
  DSLMethodOptsWithErr,
  GrammarAction,
  IOrAlt,
  IToken,
  OrMethodOpts,
  ParserMethod,
  SubruleMethodOpts,
  TokenType,
} from 'chevrotain';

type Idx = '' | '1' | '2' | '3' | '4' | '5';

export type Rule = ParserMethod<[], CstNode>;

type Consume = { [K in `CONSUME${Idx}`]: (tok: TokenType, opts?: ConsumeMethodOpts) => IToken };
type Subrule = { [K in `SUBRULE${Idx}`]: (rule: Rule, opts?: SubruleMethodOpts<[]>) => CstNode };
type Or = { [K in `OR${Idx}`]: (alts: IOrAlt<unknown>[] | OrMethodOpts<unknown>) => unknown };
type Option = { [K in `OPTION${Idx}`]: (def: GrammarAction<unknown> | DSLMethodOpts<unknown>) => unknown };
type Many = { [K in `MANY${Idx}`]: (def: GrammarAction<unknown> | DSLMethodOpts<unknown>) => void };
type AtLeastOne = { [K in `AT_LEAST_ONE${Idx}`]: (def: GrammarAction<unknown> | DSLMethodOptsWithErr<unknown>) => void };

export type Dsl = Consume &
  Subrule &
  Or &
  Option &
  Many &
  AtLeastOne & {
    RULE(name: string, impl: () => void): Rule;
  };

/** Every rule of the grammar, by name: the parser class declares them, the family files define them. */
export interface GrammarRules {
  // statements.ts
  script: Rule;
  terminatedStatement: Rule;
  statement: Rule;
  // ddl.ts
  createStatement: Rule;
  createSchema: Rule;
  createStream: Rule;
  createWindow: Rule;
  createTable: Rule;
  streamSchema: Rule;
  fieldList: Rule;
  fieldDecl: Rule;
  typeName: Rule;
  withClause: Rule;
  withOption: Rule;
  optionValue: Rule;
  tableElement: Rule;
  primaryKeyClause: Rule;
  windowSpec: Rule;
  windowDimension: Rule;
  // query.ts
  selectStatement: Rule;
  selectQuery: Rule;
  selectList: Rule;
  selectItem: Rule;
  fromClause: Rule;
  fromItem: Rule;
  joinClause: Rule;
  sourceRef: Rule;
  windowRef: Rule;
  alias: Rule;
  orderItem: Rule;
  unionStatement: Rule;
  // pattern.ts
  patternClause: Rule;
  patternThen: Rule;
  patternOr: Rule;
  patternAnd: Rule;
  patternUnary: Rule;
  patternPrimary: Rule;
  // dml.ts
  insertStatement: Rule;
  replaceStatement: Rule;
  updateStatement: Rule;
  deleteStatement: Rule;
  columnList: Rule;
  valuesRow: Rule;
  onDuplicateClause: Rule;
  assignment: Rule;
  returningClause: Rule;
  // session.ts
  declareStatement: Rule;
  explainStatement: Rule;
  showStatement: Rule;
  describeStatement: Rule;
  terminateStatement: Rule;
  setStatement: Rule;
  runScriptStatement: Rule;
  // expressions.ts
  expression: Rule;
  orExpression: Rule;
  andExpression: Rule;
  notExpression: Rule;
  predicate: Rule;
  concatExpression: Rule;
  additiveExpression: Rule;
  multiplicativeExpression: Rule;
  unaryExpression: Rule;
  primaryExpression: Rule;
  literal: Rule;
  signedNumber: Rule;
  timestampLiteral: Rule;
  intervalLiteral: Rule;
  caseExpression: Rule;
  castExpression: Rule;
  ifExpression: Rule;
  extractExpression: Rule;
  parenExpression: Rule;
  nameExpression: Rule;
  name: Rule;
}

/** What a family file receives: the DSL plus every rule (defined or to be defined). */
export type GrammarBuilder = Dsl & GrammarRules;
