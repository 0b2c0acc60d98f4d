/**
 * Expressions, by precedence level (lowest first): OR, AND, NOT, predicate
 * (comparison, IS [NOT] NULL, [NOT] IN / BETWEEN / LIKE), `||`, `+ -`,
 * `* / %`, unary `- +`, primary. Also names, literals and types.
 */
import * as t from '../tokens.js';
import type { GrammarBuilder } from './dsl.js';

export function defineExpressionRules($: GrammarBuilder): void {
  $.expression = $.RULE('expression', () => {
    $.SUBRULE($.orExpression);
  });

  $.orExpression = $.RULE('orExpression', () => {
    $.SUBRULE($.andExpression);
    $.MANY(() => {
      $.CONSUME(t.Or);
      $.SUBRULE1($.andExpression);
    });
  });

  $.andExpression = $.RULE('andExpression', () => {
    $.SUBRULE($.notExpression);
    $.MANY(() => {
      $.CONSUME(t.And);
      $.SUBRULE1($.notExpression);
    });
  });

  $.notExpression = $.RULE('notExpression', () => {
    $.OR([
      {
        ALT: () => {
          $.CONSUME(t.Not);
          $.SUBRULE($.notExpression);
        },
      },
      { ALT: () => $.SUBRULE($.predicate) },
    ]);
  });

  // At most one comparison or test per level: `a < b < c` needs parentheses.
  $.predicate = $.RULE('predicate', () => {
    $.SUBRULE($.concatExpression);
    $.OPTION(() => {
      $.OR([
        {
          ALT: () => {
            $.CONSUME(t.ComparisonOperator);
            $.SUBRULE1($.concatExpression);
          },
        },
        {
          ALT: () => {
            $.CONSUME(t.Is);
            $.OPTION1(() => $.CONSUME(t.Not));
            $.CONSUME(t.Null);
          },
        },
        {
          ALT: () => {
            $.OPTION2(() => $.CONSUME1(t.Not));
            $.OR1([
              {
                ALT: () => {
                  $.CONSUME(t.In);
                  $.CONSUME(t.LParen);
                  $.SUBRULE($.expression);
                  $.MANY(() => {
                    $.CONSUME(t.Comma);
                    $.SUBRULE1($.expression);
                  });
                  $.CONSUME(t.RParen);
                },
              },
              {
                ALT: () => {
                  $.CONSUME(t.Between);
                  $.SUBRULE2($.concatExpression);
                  $.CONSUME(t.And);
                  $.SUBRULE3($.concatExpression);
                },
              },
              {
                ALT: () => {
                  $.CONSUME(t.Like);
                  $.SUBRULE4($.concatExpression);
                },
              },
            ]);
          },
        },
      ]);
    });
  });

  $.concatExpression = $.RULE('concatExpression', () => {
    $.SUBRULE($.additiveExpression);
    $.MANY(() => {
      $.CONSUME(t.Concat);
      $.SUBRULE1($.additiveExpression);
    });
  });

  $.additiveExpression = $.RULE('additiveExpression', () => {
    $.SUBRULE($.multiplicativeExpression);
    $.MANY(() => {
      $.CONSUME(t.AdditiveOperator);
      $.SUBRULE1($.multiplicativeExpression);
    });
  });

  $.multiplicativeExpression = $.RULE('multiplicativeExpression', () => {
    $.SUBRULE($.unaryExpression);
    $.MANY(() => {
      $.CONSUME(t.MultiplicativeOperator);
      $.SUBRULE1($.unaryExpression);
    });
  });

  $.unaryExpression = $.RULE('unaryExpression', () => {
    $.OR([
      {
        ALT: () => {
          $.CONSUME(t.AdditiveOperator);
          $.SUBRULE($.unaryExpression);
        },
      },
      { ALT: () => $.SUBRULE($.primaryExpression) },
    ]);
  });

  $.primaryExpression = $.RULE('primaryExpression', () => {
    $.OR([
      { ALT: () => $.SUBRULE($.literal) },
      // TIMESTAMP is a non-reserved word, so a name expression also starts
      // with it; `TIMESTAMP '...'` is tried first and wins on the string.
      { ALT: () => $.SUBRULE($.timestampLiteral), IGNORE_AMBIGUITIES: true },
      { ALT: () => $.SUBRULE($.intervalLiteral) },
      { ALT: () => $.SUBRULE($.caseExpression) },
      { ALT: () => $.SUBRULE($.castExpression) },
      { ALT: () => $.SUBRULE($.ifExpression) },
      { ALT: () => $.SUBRULE($.extractExpression) },
      { ALT: () => $.SUBRULE($.parenExpression) },
      { ALT: () => $.SUBRULE($.nameExpression) },
    ]);
  });

  $.literal = $.RULE('literal', () => {
    $.OR([
      { ALT: () => $.CONSUME(t.NumberLiteral) },
      { ALT: () => $.CONSUME(t.StringLiteral) },
      { ALT: () => $.CONSUME(t.True) },
      { ALT: () => $.CONSUME(t.False) },
      { ALT: () => $.CONSUME(t.Null) },
    ]);
  });

  $.signedNumber = $.RULE('signedNumber', () => {
    $.OPTION(() => $.CONSUME(t.AdditiveOperator));
    $.CONSUME(t.NumberLiteral);
  });

  $.timestampLiteral = $.RULE('timestampLiteral', () => {
    $.CONSUME(t.Timestamp);
    $.CONSUME(t.StringLiteral);
  });

  $.intervalLiteral = $.RULE('intervalLiteral', () => {
    $.CONSUME(t.Interval);
    $.OR([{ ALT: () => $.CONSUME(t.StringLiteral) }, { ALT: () => $.SUBRULE($.signedNumber) }]);
    $.CONSUME(t.IntervalUnit);
  });

  $.caseExpression = $.RULE('caseExpression', () => {
    $.CONSUME(t.Case);
    $.OPTION(() => $.SUBRULE($.expression));
    $.AT_LEAST_ONE(() => {
      $.CONSUME(t.When);
      $.SUBRULE1($.expression);
      $.CONSUME(t.Then);
      $.SUBRULE2($.expression);
    });
    $.OPTION1(() => {
      $.CONSUME(t.Else);
      $.SUBRULE3($.expression);
    });
    $.CONSUME(t.End);
  });

  $.castExpression = $.RULE('castExpression', () => {
    $.CONSUME(t.Cast);
    $.CONSUME(t.LParen);
    $.SUBRULE($.expression);
    $.CONSUME(t.As);
    $.SUBRULE($.typeName);
    $.CONSUME(t.RParen);
  });

  $.ifExpression = $.RULE('ifExpression', () => {
    $.CONSUME(t.If);
    $.SUBRULE($.expression);
    $.CONSUME(t.Then);
    $.SUBRULE1($.expression);
    $.CONSUME(t.Else);
    $.SUBRULE2($.expression);
  });

  $.extractExpression = $.RULE('extractExpression', () => {
    $.CONSUME(t.Extract);
    $.CONSUME(t.LParen);
    $.SUBRULE($.name);
    $.CONSUME(t.From);
    $.SUBRULE($.expression);
    $.CONSUME(t.RParen);
  });

  $.parenExpression = $.RULE('parenExpression', () => {
    $.CONSUME(t.LParen);
    $.SUBRULE($.expression);
    $.CONSUME(t.RParen);
  });

  // `f`, `x.f`, `x.*` (only valid as a select item), `f(...)`, `count(*)`.
  $.nameExpression = $.RULE('nameExpression', () => {
    $.SUBRULE($.name);
    $.OPTION(() => {
      $.OR([
        {
          ALT: () => {
            $.CONSUME(t.Dot);
            $.OR1([{ ALT: () => $.SUBRULE1($.name) }, { ALT: () => $.CONSUME(t.Star) }]);
          },
        },
        {
          ALT: () => {
            $.CONSUME(t.LParen);
            $.OPTION1(() => {
              $.OR2([
                { ALT: () => $.CONSUME1(t.Star) },
                {
                  ALT: () => {
                    $.SUBRULE($.expression);
                    $.MANY(() => {
                      $.CONSUME(t.Comma);
                      $.SUBRULE1($.expression);
                    });
                  },
                },
              ]);
            });
            $.CONSUME(t.RParen);
          },
        },
      ]);
    });
  });

  $.name = $.RULE('name', () => {
    $.OR([
      { ALT: () => $.CONSUME(t.Identifier) },
      { ALT: () => $.CONSUME(t.QuotedIdentifier) },
      { ALT: () => $.CONSUME(t.NonReservedKeyword) },
    ]);
  });

  $.typeName = $.RULE('typeName', () => {
    $.SUBRULE($.name);
  });
}
