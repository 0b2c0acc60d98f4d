/**
 * `npm run bench [-- <suite> ...]`: runs benchmark suites and prints ratios
 * against baselines measured in the same run. Suites live in bench/<name>.ts
 * and export `run(args: string[]): Promise<void>`. With no suite named, the
 * query suite runs (NEXMark + YSB), as the runtime issue defines.
 */
import { existsSync } from 'node:fs';

const suites = ['queries', 'log', 'kafka', 'zk', 'e2e'] as const;
const args = process.argv.slice(2);
// Leading bare words name suites; everything from the first option on is the
// suites' own options (so `-- kafka --runs 5` passes `--runs 5` through).
const firstOption = args.findIndex((a) => a.startsWith('-'));
const wanted = firstOption < 0 ? args : args.slice(0, firstOption);
const suiteArgs = firstOption < 0 ? [] : args.slice(firstOption);
const chosen = wanted.length > 0 ? wanted : ['queries'];
for (const name of chosen) {
  if (!(suites as readonly string[]).includes(name)) {
    process.stderr.write(`bench: unknown suite '${name}' (known: ${suites.join(', ')})\n`);
    process.exit(2);
  }
}

for (const name of chosen) {
  const file = new URL(`./${name}.ts`, import.meta.url);
  if (!existsSync(file)) {
    process.stderr.write(`bench: suite '${name}' is not written yet\n`);
    continue;
  }
  const mod = (await import(file.href)) as { run(args: string[]): Promise<void> };
  process.stdout.write(`\n=== bench ${name} ===\n`);
  await mod.run(suiteArgs);
}
