/**
 * `npm run bench` (the default suite): NEXMark q0, q1, q2, q5, q7, q8 and the
 * Yahoo streaming benchmark, each over --events generated events (default
 * 5,000,000) with a discarding sink, as `gale run` plans and runs them from
 * queries/. Prints events/s per query (NEXMark events: persons + auctions +
 * bids; YSB: ad events) and, for q0–q2 and YSB (a windowed query), the
 * ratio of Gale's time to a hand-written plain TypeScript loop doing the same
 * work over the same generator in the same run. Medians of --runs runs.
 *
 *   npm run bench -- queries --events=1000000 --runs=1 --only=q1,ysb
 */
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DiscardSink } from '../src/runtime/bolts/sink.js';
import { runTopology } from '../src/runtime/run.js';
import { planText } from '../src/plan/index.js';
import { GENERATORS, GENERATOR_DEFAULTS } from '../src/connectors/generator/index.js';
import type { Row } from '../src/runtime/message.js';
import { median, printTable } from './stats.js';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

const QUERIES: readonly { name: string; file: string }[] = [
  { name: 'q0', file: 'queries/nexmark/q0-passthrough.sql' },
  { name: 'q1', file: 'queries/nexmark/q1-currency.sql' },
  { name: 'q2', file: 'queries/nexmark/q2-selection.sql' },
  { name: 'q5', file: 'queries/nexmark/q5-hot-items.sql' },
  { name: 'q7', file: 'queries/nexmark/q7-highest-bid.sql' },
  { name: 'q8', file: 'queries/nexmark/q8-monitor-new-users.sql' },
  { name: 'ysb', file: 'queries/ysb.sql' },
];

/** `--name=value` (bench/run.ts would take a separate value for a suite name) or `--name value`. */
function option(args: string[], name: string): string | undefined {
  const eq = args.find((a) => a.startsWith(`${name}=`));
  if (eq !== undefined) return eq.slice(name.length + 1);
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

interface Measure {
  readonly seconds: number;
  readonly rowsIn: number;
  readonly rowsOut: number;
}

async function runGale(file: string, events: number): Promise<Measure> {
  const path = `${root}/${file}`;
  let sink: DiscardSink | undefined;
  const plan = planText(readFileSync(path, 'utf8'), {
    file: path,
    baseDir: dirname(path),
    events,
    sinkOverride: () => (sink = new DiscardSink()),
  });
  if (!plan.ok) throw new Error(plan.errors.map((e) => e.message).join('\n'));
  const t0 = performance.now();
  const h = runTopology(plan.topology);
  const s = await h.done;
  const seconds = (performance.now() - t0) / 1000;
  return { seconds, rowsIn: s.metrics.eventsIn, rowsOut: sink?.count ?? 0 };
}

/** The same work as the query, by hand: one loop over the same generator's rows. */
type Baseline = (events: number) => Measure;

function nexmarkBids(events: number, each: (r: Row) => void): number {
  const gen = GENERATORS.get('nexmark.bid')!.create(GENERATOR_DEFAULTS);
  let n = 0;
  const batch: Row[] = [];
  for (let from = 0; from < events; from += 1100) {
    batch.length = 0;
    gen.fill(from, Math.min(events, from + 1100), batch);
    for (let i = 0; i < batch.length; i++) each(batch[i]!);
    n += batch.length;
  }
  return n;
}

const BASELINES: Record<string, Baseline> = {
  q0: (events) => {
    let out = 0;
    let keep: Row | undefined;
    const t0 = performance.now();
    const rowsIn = nexmarkBids(events, (r) => {
      keep = [r[0]!, r[1]!, r[2]!, r[5]!, r[6]!];
      out++;
    });
    void keep;
    return { seconds: (performance.now() - t0) / 1000, rowsIn, rowsOut: out };
  },
  q1: (events) => {
    let out = 0;
    let keep: Row | undefined;
    const t0 = performance.now();
    const rowsIn = nexmarkBids(events, (r) => {
      const p = r[2] as number | null;
      keep = [r[0]!, r[1]!, p === null ? null : 0.908 * p, r[5]!, r[6]!];
      out++;
    });
    void keep;
    return { seconds: (performance.now() - t0) / 1000, rowsIn, rowsOut: out };
  },
  q2: (events) => {
    let out = 0;
    let keep: Row | undefined;
    const t0 = performance.now();
    const rowsIn = nexmarkBids(events, (r) => {
      const a = r[0] as number | null;
      if (a !== null && a % 123 === 0) {
        keep = [a, r[2]!];
        out++;
      }
    });
    void keep;
    return { seconds: (performance.now() - t0) / 1000, rowsIn, rowsOut: out };
  },
  ysb: (events) => {
    const t0 = performance.now();
    const campaigns = new Map<string, string>();
    const mapping: Row[] = [];
    GENERATORS.get('ysb.campaigns')!.create(GENERATOR_DEFAULTS).fill(0, 1000, mapping);
    for (const m of mapping) campaigns.set(m[0] as string, m[1] as string);
    const gen = GENERATORS.get('ysb')!.create(GENERATOR_DEFAULTS);
    let window = -1;
    let counts = new Map<string, number>();
    let out = 0;
    const batch: Row[] = [];
    for (let from = 0; from < events; from += 1024) {
      batch.length = 0;
      gen.fill(from, Math.min(events, from + 1024), batch);
      for (const r of batch) {
        if (r[4] !== 'view') continue;
        const c = campaigns.get(r[2] as string);
        if (c === undefined) continue;
        const w = Math.floor((r[5] as number) / 10_000);
        if (w !== window) {
          out += counts.size;
          counts = new Map();
          window = w;
        }
        counts.set(c, (counts.get(c) ?? 0) + 1);
      }
    }
    out += counts.size;
    return { seconds: (performance.now() - t0) / 1000, rowsIn: events + 1000, rowsOut: out };
  },
};

export async function run(args: string[]): Promise<void> {
  const events = Number(option(args, '--events') ?? 5_000_000);
  const runs = Number(option(args, '--runs') ?? 3);
  const only = option(args, '--only')?.split(',');
  const rows: (string | number)[][] = [];
  process.stdout.write(`${events.toLocaleString('en-US')} events per query, median of ${runs} run(s), one core, discarding sink\n\n`);
  for (const q of QUERIES) {
    if (only !== undefined && !only.includes(q.name)) continue;
    const base = BASELINES[q.name];
    // warm up both, then alternate them so that load from elsewhere hits both alike
    await runGale(q.file, Math.min(events, 200_000));
    base?.(Math.min(events, 200_000));
    const gale: Measure[] = [];
    const loops: number[] = [];
    for (let i = 0; i < runs; i++) {
      gale.push(await runGale(q.file, events));
      if (base !== undefined) loops.push(base(events).seconds);
    }
    const secs = median(gale.map((m) => m.seconds));
    let ratio = '';
    let loopRate: number | string = '';
    if (base !== undefined) {
      const loop = median(loops);
      ratio = `${(secs / loop).toFixed(2)}x`;
      loopRate = events / loop;
    }
    rows.push([q.name, events / secs, gale[0]!.rowsIn / secs, gale[0]!.rowsOut, loopRate, ratio]);
    process.stdout.write(`  ${q.name}: ${Math.round(events / secs).toLocaleString('en-US')} events/s\n`);
  }
  process.stdout.write('\n');
  printTable(['query', 'events/s', 'input rows/s', 'rows out', 'plain loop events/s', 'gale / loop time'], rows);
}
