/** SELECT with FROM (sources, windows, joins), GROUP BY, HAVING, ORDER BY, LIMIT, INTO; UNION. */
import * as t from '../tokens.js';
import type { GrammarBuilder } from './dsl.js';

export function defineQueryRules($: GrammarBuilder): void {
  $.selectStatement = $.RULE('selectStatement', () => {
    $.SUBRULE($.selectQuery);
  });

  $.selectQuery = $.RULE('selectQuery', () => {
    $.CONSUME(t.Select);
    $.SUBRULE($.selectList);
    $.CONSUME(t.From);
    $.SUBRULE($.fromClause);
    $.OPTION(() => {
      $.CONSUME(t.Where);
      $.SUBRULE($.expression);
    });
    $.OPTION1(() => {
      $.CONSUME(t.Group);
      $.CONSUME(t.By);
      $.SUBRULE1($.expression);
      $.MANY(() => {
        $.CONSUME(t.Comma);
        $.SUBRULE2($.expression);
      });
    });
    $.OPTION2(() => {
      $.CONSUME(t.Having);
      $.SUBRULE3($.expression);
    });
    $.OPTION3(() => {
      $.CONSUME(t.Order);
      $.CONSUME1(t.By);
      $.SUBRULE($.orderItem);
      $.MANY1(() => {
        $.CONSUME1(t.Comma);
        $.SUBRULE1($.orderItem);
      });
    });
    $.OPTION4(() => {
      $.CONSUME(t.Limit);
      $.SUBRULE4($.expression);
    });
    $.OPTION5(() => {
      $.CONSUME(t.Into);
      $.SUBRULE($.name);
    });
  });

  $.selectList = $.RULE('selectList', () => {
    $.SUBRULE($.selectItem);
    $.MANY(() => {
      $.CONSUME(t.Comma);
      $.SUBRULE1($.selectItem);
    });
  });

  // `*`, or an expression (which covers `x.*`) with an optional alias.
  $.selectItem = $.RULE('selectItem', () => {
    $.OR([
      { ALT: () => $.CONSUME(t.Star) },
      {
        ALT: () => {
          $.SUBRULE($.expression);
          $.OPTION(() => $.SUBRULE($.alias));
        },
      },
    ]);
  });

  $.alias = $.RULE('alias', () => {
    $.OPTION(() => $.CONSUME(t.As));
    $.SUBRULE($.name);
  });

  $.fromClause = $.RULE('fromClause', () => {
    $.OR([
      { ALT: () => $.SUBRULE($.patternClause) },
      {
        ALT: () => {
          $.SUBRULE($.fromItem);
          $.MANY(() => {
            $.CONSUME(t.Comma);
            $.SUBRULE1($.fromItem);
          });
        },
      },
    ]);
  });

  $.fromItem = $.RULE('fromItem', () => {
    $.SUBRULE($.sourceRef);
    $.MANY(() => $.SUBRULE($.joinClause));
  });

  $.joinClause = $.RULE('joinClause', () => {
    $.OPTION(() => {
      $.OR([
        { ALT: () => $.CONSUME(t.Inner) },
        {
          ALT: () => {
            $.OR1([{ ALT: () => $.CONSUME(t.Left) }, { ALT: () => $.CONSUME(t.Right) }, { ALT: () => $.CONSUME(t.Full) }]);
            $.OPTION1(() => $.CONSUME(t.Outer));
          },
        },
      ]);
    });
    $.CONSUME(t.Join);
    $.SUBRULE($.sourceRef);
    $.CONSUME(t.On);
    $.SUBRULE($.expression);
  });

  $.sourceRef = $.RULE('sourceRef', () => {
    $.SUBRULE($.name);
    $.OPTION(() => {
      $.CONSUME(t.LBracket);
      $.SUBRULE($.windowRef);
      $.CONSUME(t.RBracket);
    });
    $.OPTION1(() => $.SUBRULE($.alias));
  });

  $.windowRef = $.RULE('windowRef', () => {
    $.OR([
      // SIZE is non-reserved: `[size]` names a window; `[SIZE 10 ...]` is a spec.
      { ALT: () => $.SUBRULE($.windowSpec), IGNORE_AMBIGUITIES: true },
      { ALT: () => $.SUBRULE($.name) },
    ]);
  });

  $.orderItem = $.RULE('orderItem', () => {
    $.SUBRULE($.expression);
    $.OPTION(() => {
      $.OR([{ ALT: () => $.CONSUME(t.Asc) }, { ALT: () => $.CONSUME(t.Desc) }]);
    });
  });

  $.unionStatement = $.RULE('unionStatement', () => {
    $.SUBRULE($.name);
    $.AT_LEAST_ONE(() => {
      $.CONSUME(t.Union);
      $.SUBRULE1($.name);
    });
    $.OPTION(() => {
      $.CONSUME(t.Into);
      $.SUBRULE2($.name);
    });
  });
}
