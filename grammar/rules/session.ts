/** DECLARE and the interactive statements: EXPLAIN, SHOW, DESCRIBE, TERMINATE, SET, RUN SCRIPT. */
import * as t from '../tokens.js';
import type { GrammarBuilder } from './dsl.js';

export function defineSessionRules($: GrammarBuilder): void {
  $.declareStatement = $.RULE('declareStatement', () => {
    $.CONSUME(t.Declare);
    $.SUBRULE($.name);
    $.SUBRULE($.typeName);
    $.CONSUME(t.Default);
    $.SUBRULE($.expression);
    $.OPTION(() => {
      $.CONSUME(t.Update);
      $.CONSUME(t.From);
      $.CONSUME(t.LParen);
      $.SUBRULE($.selectQuery);
      $.CONSUME(t.RParen);
    });
  });

  $.explainStatement = $.RULE('explainStatement', () => {
    $.CONSUME(t.Explain);
    $.SUBRULE($.statement);
  });

  $.showStatement = $.RULE('showStatement', () => {
    $.CONSUME(t.Show);
    $.SUBRULE($.name);
  });

  $.describeStatement = $.RULE('describeStatement', () => {
    $.CONSUME(t.Describe);
    $.SUBRULE($.name);
  });

  $.terminateStatement = $.RULE('terminateStatement', () => {
    $.CONSUME(t.Terminate);
    $.OR([
      { ALT: () => $.SUBRULE($.name) },
      { ALT: () => $.CONSUME(t.StringLiteral) },
      { ALT: () => $.CONSUME(t.IntegerLiteral) },
    ]);
  });

  $.setStatement = $.RULE('setStatement', () => {
    $.CONSUME(t.Set);
    $.CONSUME(t.StringLiteral);
    $.CONSUME(t.Equals);
    $.SUBRULE($.optionValue);
  });

  $.runScriptStatement = $.RULE('runScriptStatement', () => {
    $.CONSUME(t.Run);
    $.CONSUME(t.Script);
    $.CONSUME(t.StringLiteral);
  });
}
