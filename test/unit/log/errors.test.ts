import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { LogError, logErrorCodes, logErrors } from '../../../src/log/errors.js';

describe('log error codes', () => {
  it('are documented in src/log/README.md with their Kafka error number, and nothing stale is', async () => {
    const readme = await readFile(new URL('../../../src/log/README.md', import.meta.url), 'utf8');
    for (const code of logErrorCodes) expect(readme).toContain(`| ${code} | ${logErrors[code].kafka} |`);
    const documented = [...readme.matchAll(/\| (GALE_ERR_LOG_[A-Z_]+) \|/g)].map((m) => m[1]);
    expect(documented.sort()).toEqual([...logErrorCodes].sort());
  });

  it('carry the Kafka code and retriability from the table', () => {
    const e = new LogError('GALE_ERR_LOG_UNKNOWN_TOPIC', 'unknown topic x');
    expect(e.kafkaCode).toBe(3);
    expect(e.retriable).toBe(true);
    expect(e.name).toBe('LogError');
    expect(new LogError('GALE_ERR_LOG_TOPIC_EXISTS', 'x').retriable).toBe(false);
  });
});
