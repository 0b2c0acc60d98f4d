/**
 * Tab completion: the dialect's keywords (from the grammar's own token list,
 * grammar/tokens.ts) and the names the engine knows (streams, tables, their
 * columns, from EngineApi.completions()). The word under the cursor is
 * completed; after `name.` only that relation's columns are offered. Keywords
 * follow the case the user types. Also offered: SHOW's objects and function names.
 */
import { NON_RESERVED_WORDS, RESERVED_WORDS } from '../../../grammar/tokens.js';
import type { CompletionCatalog, EngineApi } from '../../engine/api.js';
import { SHOW_TARGETS } from '../../sql/checked/statement.js';
import { BUILTIN_FUNCTIONS } from '../../sql/functions/index.js';

const KEYWORDS: readonly string[] = [...new Set([...RESERVED_WORDS, ...NON_RESERVED_WORDS])].sort();
/** SHOW's objects are names, not keywords, in the grammar: the analyzer's list. */
const SHOW_WORDS: readonly string[] = SHOW_TARGETS.map((t) => t.toUpperCase());
const FUNCTIONS: readonly string[] = [...BUILTIN_FUNCTIONS.keys()].sort();

/** After these keywords a relation name is the likely next word. */
const RELATION_CONTEXT = new Set(['FROM', 'INTO', 'JOIN', 'DESCRIBE', 'TABLE', 'STREAM', 'USING', 'UNION']);

const EMPTY: CompletionCatalog = { streams: [], tables: [], columns: {} };

/** The candidates for the word at the end of `line`, and that word (readline's completer shape). */
export function complete(line: string, catalog: CompletionCatalog): [string[], string] {
  const dotted = /([A-Za-z_][A-Za-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_]*)?$/.exec(line);
  if (dotted !== null) {
    const relation = dotted[1]!;
    const prefix = dotted[2] ?? '';
    const cols = columnsOf(catalog, relation);
    return [matching(cols, prefix), prefix];
  }
  const word = /[A-Za-z_][A-Za-z0-9_]*$/.exec(line)?.[0] ?? '';
  const before = line.slice(0, line.length - word.length);
  const previous = /([A-Za-z_]+)\s+$/.exec(before)?.[1]?.toUpperCase();
  const relations = [...catalog.streams, ...catalog.tables];
  const columns = [...new Set(Object.values(catalog.columns).flat())];
  const keywords = keywordCase(matching(KEYWORDS, word), word);
  if (word === '' && previous === undefined) return [[], word];
  if (previous === 'SHOW') return [keywordCase(matching(SHOW_WORDS, word), word), word];
  const candidates =
    previous !== undefined && RELATION_CONTEXT.has(previous)
      ? [...matching(relations, word), ...keywords]
      : [...keywords, ...matching(relations, word), ...matching(columns, word), ...matching(FUNCTIONS, word)];
  return [[...new Set(candidates)], word];
}

function matching(names: readonly string[], prefix: string): string[] {
  const p = prefix.toLowerCase();
  return names.filter((n) => n.toLowerCase().startsWith(p)).sort();
}

function columnsOf(catalog: CompletionCatalog, relation: string): readonly string[] {
  const exact = catalog.columns[relation];
  if (exact !== undefined) return exact;
  const key = Object.keys(catalog.columns).find((k) => k.toLowerCase() === relation.toLowerCase());
  return key === undefined ? [] : (catalog.columns[key] ?? []);
}

function keywordCase(words: readonly string[], typed: string): string[] {
  const lower = typed !== '' && typed === typed.toLowerCase();
  return words.map((w) => (lower ? w.toLowerCase() : w));
}

/**
 * The catalog as last seen, refreshed in the background after statements
 * that may change it, so a Tab press never waits on the engine.
 */
export class CompletionSource {
  private catalog: CompletionCatalog = EMPTY;
  private refreshing: Promise<void> | undefined;

  constructor(private readonly engine: EngineApi) {}

  refresh(): Promise<void> {
    this.refreshing ??= this.engine
      .completions()
      .then((c) => {
        this.catalog = c;
      })
      .catch(() => {
        // a failed refresh keeps the old names; completion is a convenience
      })
      .finally(() => {
        this.refreshing = undefined;
      });
    return this.refreshing;
  }

  /** A readline completer. */
  readonly completer = (line: string): [string[], string] => complete(line, this.catalog);
}
