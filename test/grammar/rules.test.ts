/**
 * Two-way completeness between the grammar and the AST builders (we build
 * the AST with typed functions instead of a CstVisitor, so this test plays the
 * part of validateVisitor()): every rule is read by some builder, and the
 * exemption list only names rules that exist and are really unread.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GaleParser, galeParser } from '../../grammar/parser.js';
import { ROOT } from './corpus.js';

/** Rules no builder reads: `script` exists for the diagrams (parseScript parses statement by statement). */
const NOT_BUILT = ['script'];

const builderSource = readdirSync(`${ROOT}src/sql/build`)
  .map((f) => readFileSync(`${ROOT}src/sql/build/${f}`, 'utf8'))
  .concat(readFileSync(`${ROOT}src/sql/parse.ts`, 'utf8'))
  .join('\n');

function readByBuilder(rule: string): boolean {
  const pascal = rule[0]!.toUpperCase() + rule.slice(1);
  return builderSource.includes(`${pascal}CstNode`) || new RegExp(`\\.${rule}\\b`).test(builderSource);
}

describe('grammar rules ↔ AST builders', () => {
  const rules = Object.keys(galeParser.getGAstProductions());

  it('every rule is read by a builder', () => {
    expect(rules.filter((r) => !NOT_BUILT.includes(r) && !readByBuilder(r))).toEqual([]);
  });

  it('the exemption list is not stale', () => {
    for (const r of NOT_BUILT) {
      expect(rules).toContain(r);
      expect(readByBuilder(r)).toBe(false);
    }
  });

  it('the grammar has no definition errors', () => {
    expect(rules.length).toBeGreaterThan(60);
    // performSelfAnalysis throws on ambiguities or left recursion
    expect(() => new GaleParser()).not.toThrow();
  });
});
