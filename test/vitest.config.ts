import { defineConfig } from 'vitest/config';

// One config at test/ (the top level is fixed). Projects split fast unit
// tests from the ones that start servers or spawn the CLI.
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    globals: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default', './test/helpers/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: ['test/unit/**/*.test.ts', 'test/grammar/**/*.test.ts', 'test/sql/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'wire',
          // a different maxWorkers needs its own group: wire runs after unit
          sequence: { groupOrder: 1 },
          include: ['test/wire/**/*.test.ts', 'test/contract/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          // servers and child processes: fewer at once on a 2-core machine
          maxWorkers: 2,
          fileParallelism: true,
        },
      },
    ],
  },
});
