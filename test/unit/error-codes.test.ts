import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, renderErrorReference } from '../../src/error-codes.js';

const root = new URL('../..', import.meta.url).pathname;
const referenceFile = join(root, 'src/ERRORS.md');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

describe('error code registry', () => {
  it('has unique codes named GALE_ERR_<AREA>_<WHAT>, each with a meaning', () => {
    const seen = new Set<string>();
    for (const e of ERROR_CODES) {
      expect(seen.has(e.code), `${e.code} registered twice`).toBe(false);
      seen.add(e.code);
      expect(e.code).toMatch(new RegExp(`^GALE_ERR_${e.area.toUpperCase()}_[A-Z0-9_]+$`));
      expect(e.about.length, `${e.code} has no meaning`).toBeGreaterThan(10);
    }
  });

  it('registers every code the source uses', () => {
    const registered = new Set(ERROR_CODES.map((e) => e.code));
    const unregistered = new Map<string, string>();
    for (const file of [...sourceFiles(join(root, 'src')), ...sourceFiles(join(root, 'grammar'))]) {
      for (const m of readFileSync(file, 'utf8').matchAll(/'(GALE_ERR_[A-Z0-9_]+)'/g)) {
        const code = m[1]!;
        // prefixes built into codes at run time (e.g. `GALE_ERR_SQL_RUNTIME_${what}`) end in '_'
        if (!registered.has(code) && !code.endsWith('_')) unregistered.set(code, file.slice(root.length));
      }
    }
    expect(Object.fromEntries(unregistered)).toEqual({});
  });

  it('is documented: src/ERRORS.md is generated from the registry and up to date', () => {
    const fresh = renderErrorReference();
    if (process.env['GALE_WRITE_DOCS'] === '1') writeFileSync(referenceFile, fresh);
    expect(readFileSync(referenceFile, 'utf8'), 'run GALE_WRITE_DOCS=1 npx vitest run test/unit/error-codes.test.ts').toBe(fresh);
  });
});
