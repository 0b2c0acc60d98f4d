/**
 * `gale run FILE.sql`: runs every query of the file over its FILE and
 * GENERATOR inputs. Exits 0 once every bounded input is consumed and every
 * output flushed; with unbounded inputs it runs until SIGINT/SIGTERM, then
 * stops cleanly (outputs flushed, no partial windows) and says so. Rows with
 * no FILE go to stdout as JSON lines; errors (bad records, late tuples,
 * failed expressions) go to stderr and never stop the run. A progress line
 * is drawn on stderr when it is a terminal.
 */
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { planText } from '../../plan/index.js';
import { formatDiagnostic } from '../../sql/index.js';
import type { ErrorRecord, ErrorStream } from '../../runtime/errors.js';
import { CollectingErrorStream } from '../../runtime/errors.js';
import { runTopology } from '../../runtime/run.js';
import { namesTopics, runWithEngine } from '../run-engine.js';

function positive(name: string): (v: string) => number {
  return (v) => {
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, not ${v}`);
    return n;
  };
}

export interface RunCommandOptions {
  readonly events?: number;
  readonly rate?: number;
  readonly parallelism?: number;
  readonly errors?: string;
  readonly batchSize?: number;
  /** files naming topics run on the embedded engine (src/cli/run-engine.ts): its data dir and optional ports */
  readonly dataDir?: string;
  readonly kafkaPort?: number;
  readonly zkPort?: number;
}

/** Prints the first errors to stderr (then only counts), or every one as JSON lines to a file. */
function errorPrinter(file: string | undefined): { stream: ErrorStream; close(): Promise<void> } {
  if (file !== undefined) {
    const out = createWriteStream(file);
    return {
      stream: {
        report: (e: ErrorRecord) => {
          out.write(`${JSON.stringify({ ...e, row: e.row ?? undefined })}\n`);
        },
      },
      close: () => new Promise((r) => out.end(() => r())),
    };
  }
  let shown = 0;
  return {
    stream: {
      report: (e: ErrorRecord) => {
        if (shown++ < 20) process.stderr.write(`${clearLine()}gale: ${e.code}: ${e.reason} (${e.component})\n`);
        else if (shown === 21) process.stderr.write(`${clearLine()}gale: more errors follow; only counts are shown (use --errors FILE for all)\n`);
      },
    },
    close: () => Promise.resolve(),
  };
}

function clearLine(): string {
  return process.stderr.isTTY ? '\r\x1b[K' : '';
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

export async function runFile(path: string, options: RunCommandOptions): Promise<number> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    process.stderr.write(`gale run: cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? String(e)})\n`);
    return 2;
  }
  if (namesTopics(text, path)) {
    return runWithEngine(path, text, {
      ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
      ...(options.kafkaPort === undefined ? {} : { kafkaPort: options.kafkaPort }),
      ...(options.zkPort === undefined ? {} : { zkPort: options.zkPort }),
      ...(options.events === undefined ? {} : { events: options.events }),
      ...(options.rate === undefined ? {} : { rate: options.rate }),
    });
  }
  const plan = planText(text, {
    file: path,
    baseDir: dirname(resolve(path)),
    cwd: process.cwd(),
    ...(options.events === undefined ? {} : { events: options.events }),
    ...(options.rate === undefined ? {} : { rate: options.rate }),
    ...(options.parallelism === undefined ? {} : { parallelism: options.parallelism }),
  });
  if (!plan.ok) {
    for (const e of plan.errors) process.stderr.write(`${formatDiagnostic(e, text, path)}\n`);
    return 1;
  }
  if (plan.topology.bolts.length === 0) {
    process.stderr.write(`gale run: ${path} has no query to run\n`);
    return 0;
  }
  const printer = errorPrinter(options.errors);
  const errors = new CollectingErrorStream({ forward: printer.stream, keep: 0 });
  const handle = runTopology(plan.topology, {
    errors,
    ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
  });
  const started = Date.now();
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    handle.stop();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const tty = process.stderr.isTTY === true;
  const progress = tty
    ? setInterval(() => {
        const secs = (Date.now() - started) / 1000;
        const m = handle.metrics;
        process.stderr.write(`${clearLine()}events in ${fmt(m.eventsIn)}  rows out ${fmt(m.rowsOut)}  ${fmt(m.eventsIn / Math.max(secs, 0.001))} events/s`);
      }, 500)
    : undefined;
  try {
    const summary = await handle.done;
    if (progress !== undefined) clearInterval(progress);
    const secs = (Date.now() - started) / 1000;
    const m = summary.metrics;
    const counts = [...errors.counts].map(([c, n]) => `${c} ${fmt(n)}`).join(', ');
    if (summary.stopped) {
      process.stderr.write(
        `${clearLine()}gale: stopped after ${secs.toFixed(1)} s: ${fmt(m.eventsIn)} events in, ${fmt(m.rowsOut)} rows out; outputs flushed, open windows not emitted\n`,
      );
    } else if (tty) {
      process.stderr.write(`${clearLine()}gale: done in ${secs.toFixed(1)} s: ${fmt(m.eventsIn)} events in, ${fmt(m.rowsOut)} rows out\n`);
    }
    if (errors.total > 0) process.stderr.write(`gale: ${fmt(errors.total)} tuple errors (${counts}); the queries carried on\n`);
    return 0;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await printer.close();
  }
}

export function register(program: Command): void {
  program
    .command('run')
    .description('run every query of a .sql file over its FILE and GENERATOR inputs')
    .argument('<file>', 'the .sql file')
    .option('--events <n>', 'events each generator produces (overrides EVENTS)', positive('--events'))
    .option('--rate <n>', 'events per second each generator is paced to (overrides RATE; 0 = as fast as possible)', positive('--rate'))
    .option('--parallelism <n>', 'tasks per parallelizable component (results never depend on it)', positive('--parallelism'))
    .option('--batch-size <n>', 'rows per spout batch (default 1024)', positive('--batch-size'))
    .option('--errors <file>', 'write every error-stream entry to FILE as JSON lines (default: stderr)')
    .option('--data-dir <dir>', 'for files that name topics: where the embedded engine keeps its log (default: a temporary directory)')
    .option('--kafka-port <port>', 'for files that name topics: serve the embedded log on this Kafka port (0 = any free port)', positive('--kafka-port'))
    .option('--zk-port <port>', 'for files that name topics: serve the coordinator on this ZooKeeper port (0 = any free port)', positive('--zk-port'))
    .action(async (file: string, opts: RunCommandOptions) => {
      process.exitCode = await runFile(file, opts);
    });
}
