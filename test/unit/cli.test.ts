import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const gale = new URL('../../dist/src/cli/main.js', import.meta.url).pathname;

describe('gale CLI', () => {
  it('prints help listing every subcommand', () => {
    const r = spawnSync(process.execPath, [gale, '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    for (const cmd of ['run', 'serve', 'repl', 'explain', 'check']) {
      expect(r.stdout).toMatch(new RegExp(`^\\s+${cmd}\\b`, 'm'));
    }
  });

  it('rejects an unknown subcommand with a clear message and no stack trace', () => {
    const r = spawnSync(process.execPath, [gale, 'frobnicate'], { encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/unknown command/);
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });
});

describe('package entry point', () => {
  it('exports the seams, their implementations, the engine and the front end by name', async () => {
    // the built package, as a user's `import ... from 'gale'` gets it
    const api = (await import(new URL('../../dist/src/index.js', import.meta.url).href)) as Record<string, unknown>;
    for (const name of ['EmbeddedLog', 'KafkaLog', 'EmbeddedCoordinator', 'ZooKeeperCoordinator', 'Engine', 'HttpEngineClient', 'KafkaServer', 'ZooKeeperServer', 'GaleError', 'ERROR_CODES']) {
      expect(api[name], name).toBeDefined();
    }
    expect(typeof (api['sql'] as { analyzeScript?: unknown }).analyzeScript).toBe('function');
  });
});
