/**
 * FROM PATTERN a THEN b ... WITHIN {n TIME | v ON field}.
 * Precedence (lowest first): THEN, OR, AND, NOT; parentheses group.
 */
import * as t from '../tokens.js';
import type { GrammarBuilder } from './dsl.js';

export function definePatternRules($: GrammarBuilder): void {
  $.patternClause = $.RULE('patternClause', () => {
    $.CONSUME(t.Pattern);
    $.SUBRULE($.patternThen);
    $.CONSUME(t.Within);
    $.SUBRULE($.additiveExpression);
    $.OR([
      { ALT: () => $.CONSUME(t.Time) },
      {
        ALT: () => {
          $.CONSUME(t.On);
          $.SUBRULE($.name);
        },
      },
    ]);
  });

  $.patternThen = $.RULE('patternThen', () => {
    $.SUBRULE($.patternOr);
    $.MANY(() => {
      $.CONSUME(t.Then);
      $.SUBRULE1($.patternOr);
    });
  });

  $.patternOr = $.RULE('patternOr', () => {
    $.SUBRULE($.patternAnd);
    $.MANY(() => {
      $.CONSUME(t.Or);
      $.SUBRULE1($.patternAnd);
    });
  });

  $.patternAnd = $.RULE('patternAnd', () => {
    $.SUBRULE($.patternUnary);
    $.MANY(() => {
      $.CONSUME(t.And);
      $.SUBRULE1($.patternUnary);
    });
  });

  $.patternUnary = $.RULE('patternUnary', () => {
    $.OR([
      {
        ALT: () => {
          $.CONSUME(t.Not);
          $.SUBRULE($.patternUnary);
        },
      },
      { ALT: () => $.SUBRULE($.patternPrimary) },
    ]);
  });

  $.patternPrimary = $.RULE('patternPrimary', () => {
    $.OR([
      {
        ALT: () => {
          $.CONSUME(t.LParen);
          $.SUBRULE($.patternThen);
          $.CONSUME(t.RParen);
        },
      },
      {
        ALT: () => {
          $.SUBRULE($.name);
          $.OPTION(() => $.SUBRULE($.alias));
        },
      },
    ]);
  });
}
