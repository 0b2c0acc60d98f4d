/**
 * Bounded fuzzing: random token sequences, mutated valid scripts and random
 * bytes go through parse, analyze and format. The front end may only return
 * SqlErrors (with sane spans); it must never throw.
 */
import { describe, expect, it } from 'vitest';
import { RESERVED_WORDS, NON_RESERVED_WORDS } from '../../../grammar/tokens.js';
import { analyzeScript, formatScript, parseScript, SqlError } from '../../../src/sql/index.js';
import { VALID_CORPUS } from '../../grammar/corpus.js';

/** Deterministic PRNG (mulberry32) so a failure can be replayed from its seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FRAGMENTS = [
  ...RESERVED_WORDS,
  ...NON_RESERVED_WORDS,
  'a', 'b', 's', 't', 'x', 'price', 'count', 'sum', 'window_start', 'substr', 'now', '"q x"', 'int', 'timestamp',
  '1', '0', '42L', '3.5', '1e3', "'str'", "'it''s'", "'2024-01-01'", "'10'",
  '(', ')', '[', ']', ',', ';', '.', '*', '+', '-', '/', '%', '||', '=', '<>', '!=', '<', '<=', '>', '>=',
  '--c\n', '/* c */', '\n', '\t', '#', '"', "'", '/*',
];

function check(text: string): void {
  let r;
  try {
    r = analyzeScript(text, { file: 'fuzz.sql' });
  } catch (e) {
    throw new Error(`analyzeScript threw on ${JSON.stringify(text)}: ${(e as Error).stack}`);
  }
  for (const e of r.errors) {
    expect(e).toBeInstanceOf(SqlError);
    expect(e.span.line).toBeGreaterThanOrEqual(1);
    expect(e.span.column).toBeGreaterThanOrEqual(1);
    expect(e.span.start).toBeGreaterThanOrEqual(0);
    expect(e.span.start).toBeLessThanOrEqual(text.length);
    expect(e.message).not.toMatch(/undefined|\[object|NaN/);
  }
  // whatever parsed must print and parse again without error
  const printed = formatScript(r.statements);
  expect(parseScript(printed).errors.map((e) => e.message), printed).toEqual([]);
}

describe('front-end fuzz (bounded)', () => {
  it('random token sequences', () => {
    const rand = rng(12345);
    for (let i = 0; i < 1000; i++) {
      const n = 1 + Math.floor(rand() * 30);
      const parts: string[] = [];
      for (let k = 0; k < n; k++) parts.push(FRAGMENTS[Math.floor(rand() * FRAGMENTS.length)]!);
      check(parts.join(rand() < 0.8 ? ' ' : ''));
    }
  });

  it('mutated valid scripts (delete, duplicate, swap, replace tokens)', () => {
    const rand = rng(777);
    const sources = VALID_CORPUS.map((f) => f.text);
    for (let i = 0; i < 400; i++) {
      const words = sources[i % sources.length]!.split(/(\s+)/);
      const edits = 1 + Math.floor(rand() * 4);
      for (let k = 0; k < edits; k++) {
        const at = Math.floor(rand() * words.length);
        switch (Math.floor(rand() * 4)) {
          case 0:
            words.splice(at, 1);
            break;
          case 1:
            words.splice(at, 0, words[at] ?? '');
            break;
          case 2: {
            const other = Math.floor(rand() * words.length);
            [words[at], words[other]] = [words[other] ?? '', words[at] ?? ''];
            break;
          }
          default:
            words[at] = FRAGMENTS[Math.floor(rand() * FRAGMENTS.length)]!;
        }
      }
      check(words.join(''));
    }
  });

  it('random characters and truncations', () => {
    const rand = rng(99);
    const src = VALID_CORPUS.map((f) => f.text).join('\n');
    for (let i = 0; i < 150; i++) {
      const cut = Math.floor(rand() * src.length);
      check(src.slice(0, cut));
      let s = '';
      const n = Math.floor(rand() * 80);
      for (let k = 0; k < n; k++) s += String.fromCharCode(Math.floor(rand() * 0x3000));
      check(s);
    }
  });
});
