/** The top level: a script is statements separated by `;`. */
import * as t from '../tokens.js';
import type { GrammarBuilder } from './dsl.js';

export function defineStatementRules($: GrammarBuilder): void {
  // Used for the diagrams and as the grammar's start symbol; `parseScript`
  // parses statement by statement (split at ';') so one bad statement does
  // not hide the errors of the next.
  $.script = $.RULE('script', () => {
    $.MANY(() => {
      $.OPTION(() => $.SUBRULE($.statement));
      $.CONSUME(t.Semicolon);
    });
  });

  // What parseScript parses: one statement and its ';'.
  $.terminatedStatement = $.RULE('terminatedStatement', () => {
    $.SUBRULE($.statement);
    $.CONSUME(t.Semicolon);
  });

  $.statement = $.RULE('statement', () => {
    $.OR([
      { ALT: () => $.SUBRULE($.createStatement) },
      { ALT: () => $.SUBRULE($.selectStatement) },
      { ALT: () => $.SUBRULE($.unionStatement) },
      { ALT: () => $.SUBRULE($.insertStatement) },
      { ALT: () => $.SUBRULE($.replaceStatement) },
      { ALT: () => $.SUBRULE($.updateStatement) },
      { ALT: () => $.SUBRULE($.deleteStatement) },
      { ALT: () => $.SUBRULE($.declareStatement) },
      { ALT: () => $.SUBRULE($.explainStatement) },
      { ALT: () => $.SUBRULE($.showStatement) },
      { ALT: () => $.SUBRULE($.describeStatement) },
      { ALT: () => $.SUBRULE($.terminateStatement) },
      { ALT: () => $.SUBRULE($.setStatement) },
      { ALT: () => $.SUBRULE($.runScriptStatement) },
    ]);
  });
}
