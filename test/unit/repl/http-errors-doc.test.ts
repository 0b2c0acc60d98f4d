/** Every HTTP API error code is documented in src/engine/http/README.md with its status, and nothing else is. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { httpErrors } from '../../../src/engine/http/errors.js';

const readme = readFileSync(new URL('../../../src/engine/http/README.md', import.meta.url), 'utf8');

describe('HTTP API error codes', () => {
  it('are all in the README table with their status', () => {
    for (const [code, { status }] of Object.entries(httpErrors)) {
      const row = readme.split('\n').find((l) => l.startsWith(`| \`${code}\` |`));
      expect(row, code).toBeDefined();
      expect(row!.split('|')[2]!.trim(), code).toBe(status === 0 ? 'client' : String(status));
    }
  });

  it('has no stale codes in the README', () => {
    const documented = [...readme.matchAll(/`(GALE_ERR_HTTP_\w+)`/g)].map((m) => m[1]!);
    for (const code of documented) expect(Object.keys(httpErrors), code).toContain(code);
  });
});
