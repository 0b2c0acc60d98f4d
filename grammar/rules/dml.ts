/** INSERT (SELECT or VALUES), REPLACE, UPDATE ... USING, DELETE ... USING, with RETURNING. */
import * as t from '../tokens.js';
import type { GrammarBuilder } from './dsl.js';

export function defineDmlRules($: GrammarBuilder): void {
  $.insertStatement = $.RULE('insertStatement', () => {
    $.CONSUME(t.Insert);
    $.CONSUME(t.Into);
    $.SUBRULE($.name);
    $.OPTION(() => $.SUBRULE($.columnList));
    $.OR([
      {
        ALT: () => {
          $.CONSUME(t.Values);
          $.SUBRULE($.valuesRow);
          $.MANY(() => {
            $.CONSUME(t.Comma);
            $.SUBRULE1($.valuesRow);
          });
        },
      },
      {
        ALT: () => {
          $.SUBRULE($.selectQuery);
          $.OPTION1(() => $.SUBRULE($.onDuplicateClause));
          $.OPTION2(() => $.SUBRULE($.returningClause));
        },
      },
    ]);
  });

  $.replaceStatement = $.RULE('replaceStatement', () => {
    $.CONSUME(t.Replace);
    $.CONSUME(t.Into);
    $.SUBRULE($.name);
    $.OPTION(() => $.SUBRULE($.columnList));
    $.SUBRULE($.selectQuery);
    $.OPTION1(() => $.SUBRULE($.returningClause));
  });

  $.updateStatement = $.RULE('updateStatement', () => {
    $.CONSUME(t.Update);
    $.SUBRULE($.name);
    $.CONSUME(t.Using);
    $.SUBRULE($.sourceRef);
    $.CONSUME(t.Set);
    $.SUBRULE($.assignment);
    $.MANY(() => {
      $.CONSUME(t.Comma);
      $.SUBRULE1($.assignment);
    });
    $.OPTION(() => {
      $.CONSUME(t.Where);
      $.SUBRULE($.expression);
    });
    $.OPTION1(() => $.SUBRULE($.returningClause));
  });

  $.deleteStatement = $.RULE('deleteStatement', () => {
    $.CONSUME(t.Delete);
    $.CONSUME(t.From);
    $.SUBRULE($.name);
    $.CONSUME(t.Using);
    $.SUBRULE($.sourceRef);
    $.OPTION(() => {
      $.CONSUME(t.Where);
      $.SUBRULE($.expression);
    });
    $.OPTION1(() => $.SUBRULE($.returningClause));
  });

  $.columnList = $.RULE('columnList', () => {
    $.CONSUME(t.LParen);
    $.SUBRULE($.name);
    $.MANY(() => {
      $.CONSUME(t.Comma);
      $.SUBRULE1($.name);
    });
    $.CONSUME(t.RParen);
  });

  $.valuesRow = $.RULE('valuesRow', () => {
    $.CONSUME(t.LParen);
    $.SUBRULE($.expression);
    $.MANY(() => {
      $.CONSUME(t.Comma);
      $.SUBRULE1($.expression);
    });
    $.CONSUME(t.RParen);
  });

  $.onDuplicateClause = $.RULE('onDuplicateClause', () => {
    $.CONSUME(t.On);
    $.CONSUME(t.Duplicate);
    $.CONSUME(t.Key);
    $.CONSUME(t.Update);
    $.SUBRULE($.assignment);
    $.MANY(() => {
      $.CONSUME(t.Comma);
      $.SUBRULE1($.assignment);
    });
  });

  $.assignment = $.RULE('assignment', () => {
    $.SUBRULE($.name);
    $.CONSUME(t.Equals);
    $.SUBRULE($.expression);
  });

  $.returningClause = $.RULE('returningClause', () => {
    $.CONSUME(t.Returning);
    $.SUBRULE($.selectList);
    $.OPTION(() => {
      $.CONSUME(t.Into);
      $.SUBRULE($.name);
    });
  });
}
