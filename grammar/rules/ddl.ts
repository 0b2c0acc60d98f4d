/** CREATE SCHEMA | [INPUT|OUTPUT] STREAM | WINDOW | [MEMORY] TABLE, and window specifications. */
import * as t from '../tokens.js';
import type { GrammarBuilder } from './dsl.js';

export function defineDdlRules($: GrammarBuilder): void {
  $.createStatement = $.RULE('createStatement', () => {
    $.CONSUME(t.Create);
    $.OR([
      { ALT: () => $.SUBRULE($.createSchema) },
      { ALT: () => $.SUBRULE($.createStream) },
      { ALT: () => $.SUBRULE($.createWindow) },
      { ALT: () => $.SUBRULE($.createTable) },
    ]);
  });

  $.createSchema = $.RULE('createSchema', () => {
    $.CONSUME(t.Schema);
    $.SUBRULE($.name);
    $.SUBRULE($.fieldList);
  });

  $.createStream = $.RULE('createStream', () => {
    $.OPTION(() => {
      $.OR([{ ALT: () => $.CONSUME(t.Input) }, { ALT: () => $.CONSUME(t.Output) }]);
    });
    $.CONSUME(t.Stream);
    $.SUBRULE($.name);
    $.OPTION1(() => $.SUBRULE($.streamSchema));
    $.OPTION2(() => $.SUBRULE($.withClause));
  });

  $.streamSchema = $.RULE('streamSchema', () => {
    $.OR([{ ALT: () => $.SUBRULE($.fieldList) }, { ALT: () => $.SUBRULE($.name) }]);
  });

  $.fieldList = $.RULE('fieldList', () => {
    $.CONSUME(t.LParen);
    $.SUBRULE($.fieldDecl);
    $.MANY(() => {
      $.CONSUME(t.Comma);
      $.SUBRULE1($.fieldDecl);
    });
    $.CONSUME(t.RParen);
  });

  $.fieldDecl = $.RULE('fieldDecl', () => {
    $.SUBRULE($.name);
    $.SUBRULE($.typeName);
  });

  $.withClause = $.RULE('withClause', () => {
    $.CONSUME(t.With);
    $.CONSUME(t.LParen);
    $.SUBRULE($.withOption);
    $.MANY(() => {
      $.CONSUME(t.Comma);
      $.SUBRULE1($.withOption);
    });
    $.CONSUME(t.RParen);
  });

  // key = value; a key is a name or a string ('events.num').
  $.withOption = $.RULE('withOption', () => {
    $.OR([{ ALT: () => $.SUBRULE($.name) }, { ALT: () => $.CONSUME(t.StringLiteral) }]);
    $.CONSUME(t.Equals);
    $.SUBRULE($.optionValue);
  });

  $.optionValue = $.RULE('optionValue', () => {
    $.OR([
      { ALT: () => $.CONSUME(t.StringLiteral) },
      { ALT: () => $.SUBRULE($.signedNumber) },
      { ALT: () => $.CONSUME(t.True) },
      { ALT: () => $.CONSUME(t.False) },
      { ALT: () => $.SUBRULE($.name) },
    ]);
  });

  $.createWindow = $.RULE('createWindow', () => {
    $.CONSUME(t.Window);
    $.SUBRULE($.name);
    $.CONSUME(t.LParen);
    $.SUBRULE($.windowSpec);
    $.CONSUME(t.RParen);
  });

  $.createTable = $.RULE('createTable', () => {
    $.OPTION(() => $.CONSUME(t.Memory));
    $.CONSUME(t.Table);
    $.SUBRULE($.name);
    $.CONSUME(t.LParen);
    $.SUBRULE($.tableElement);
    $.MANY(() => {
      $.CONSUME(t.Comma);
      $.SUBRULE1($.tableElement);
    });
    $.CONSUME(t.RParen);
  });

  $.tableElement = $.RULE('tableElement', () => {
    $.OR([
      // PRIMARY is non-reserved, so `primary int` is a field; `PRIMARY KEY` is tried first.
      { ALT: () => $.SUBRULE($.primaryKeyClause), IGNORE_AMBIGUITIES: true },
      { ALT: () => $.SUBRULE($.fieldDecl) },
    ]);
  });

  $.primaryKeyClause = $.RULE('primaryKeyClause', () => {
    $.CONSUME(t.Primary);
    $.CONSUME(t.Key);
    $.CONSUME(t.LParen);
    $.SUBRULE($.name);
    $.MANY(() => {
      $.CONSUME(t.Comma);
      $.SUBRULE1($.name);
    });
    $.CONSUME(t.RParen);
    $.OPTION(() => {
      $.CONSUME(t.Using);
      $.OR([{ ALT: () => $.CONSUME(t.Hash) }, { ALT: () => $.CONSUME(t.Btree) }]);
    });
  });

  // SIZE n [ADVANCE m] {TUPLES | TIME | ON f} [PARTITION BY f, ...] [OFFSET o] [TIMEOUT t]
  $.windowSpec = $.RULE('windowSpec', () => {
    $.CONSUME(t.Size);
    $.SUBRULE($.additiveExpression);
    $.OPTION(() => {
      $.CONSUME(t.Advance);
      $.SUBRULE1($.additiveExpression);
    });
    $.SUBRULE($.windowDimension);
    $.OPTION1(() => {
      $.CONSUME(t.Partition);
      $.CONSUME(t.By);
      $.SUBRULE($.name);
      $.MANY(() => {
        $.CONSUME(t.Comma);
        $.SUBRULE1($.name);
      });
    });
    $.OPTION2(() => {
      $.CONSUME(t.Offset);
      $.SUBRULE2($.additiveExpression);
    });
    $.OPTION3(() => {
      $.CONSUME(t.Timeout);
      $.SUBRULE3($.additiveExpression);
    });
  });

  $.windowDimension = $.RULE('windowDimension', () => {
    $.OR([
      { ALT: () => $.CONSUME(t.Tuples) },
      { ALT: () => $.CONSUME(t.Time) },
      {
        ALT: () => {
          $.CONSUME(t.On);
          $.SUBRULE($.name);
        },
      },
    ]);
  });
}
