/**
 * A built-in generator as a source: one task, event numbers 0, 1, 2, ...,
 * bounded by EVENTS (else unbounded), as fast as possible or paced to RATE
 * events per second of wall time. Rows are produced in the generator's field
 * order and rearranged to the stream's declared order when it differs.
 */
import { GaleError } from '../../errors.js';
import type { Layout } from '../../runtime/layout.js';
import type { Row } from '../../runtime/message.js';
import type { Source, SourceBatch, SourceContext, SourceReader } from '../../runtime/spouts/source.js';
import type { EventGenerator, GeneratorKind, GeneratorParams } from './event-generator.js';

export interface GeneratorSourceOptions {
  readonly kind: GeneratorKind;
  readonly layout: Layout;
  readonly params: GeneratorParams;
  /** total events (NEXMark: across persons, auctions and bids); undefined = unbounded */
  readonly events?: number;
  /** wall-clock pacing, events per second; undefined = as fast as possible */
  readonly rate?: number;
  readonly timestampField?: number;
  readonly idleTimeoutMs?: number;
}

const norm = (s: string): string => s.toLowerCase().replace(/_/g, '');

/** Declared field j ← generator field map[j]; throws when a declared field does not exist. */
export function fieldMapping(kind: GeneratorKind, layout: Layout): number[] {
  return layout.fields.map((f) => {
    const i = kind.fields.findIndex((g) => norm(g.name) === norm(f.name));
    if (i < 0) {
      throw new GaleError(
        'GALE_ERR_PLAN_GENERATOR_FIELD',
        `generator ${kind.name} has no field ${f.name}; it has ${kind.fields.map((g) => `${g.name} ${g.type}`).join(', ')}`,
      );
    }
    return i;
  });
}

export class GeneratorSource implements Source {
  readonly partitions = 1;
  readonly layout: Layout;
  readonly bounded: boolean;
  readonly timestampField?: number;
  readonly idleTimeoutMs?: number;
  readonly description: string;
  private readonly map: number[] | undefined;

  constructor(private readonly options: GeneratorSourceOptions) {
    this.layout = options.layout;
    const m = fieldMapping(options.kind, options.layout);
    this.map = m.length === options.kind.fields.length && m.every((x, i) => x === i) ? undefined : m;
    const probe = options.kind.create(options.params);
    this.bounded = options.events !== undefined || probe.fixedEvents !== undefined;
    if (options.timestampField !== undefined) this.timestampField = options.timestampField;
    if (options.idleTimeoutMs !== undefined) this.idleTimeoutMs = options.idleTimeoutMs;
    const limit = probe.fixedEvents ?? options.events;
    this.description =
      `generator ${options.kind.name}` +
      (limit === undefined ? ' (unbounded' : ` (${limit.toLocaleString('en-US')} events`) +
      (options.rate === undefined ? ')' : `, ${options.rate}/s)`);
  }

  open(_partition: number, ctx: SourceContext): SourceReader {
    const gen = this.options.kind.create(this.options.params);
    return new GeneratorReader(gen, this.options, this.map, ctx);
  }
}

class GeneratorReader implements SourceReader {
  private n = 0;
  private readonly limit: number;
  private readonly started: number;

  constructor(
    private readonly gen: EventGenerator,
    private readonly options: GeneratorSourceOptions,
    private readonly map: number[] | undefined,
    private readonly ctx: SourceContext,
  ) {
    this.limit = gen.fixedEvents ?? options.events ?? Infinity;
    this.started = ctx.clock.now();
  }

  next(maxRows: number): SourceBatch | null | Promise<SourceBatch | null> {
    if (this.n >= this.limit) return null;
    const rate = this.options.rate;
    let span = Math.max(1, Math.ceil(maxRows * this.gen.eventsPerRow));
    if (rate !== undefined) {
      // pace: event n is due at started + n / rate seconds; batches cover at most ~50 ms
      span = Math.max(1, Math.min(span, Math.ceil(rate / 20)));
      const due = this.started + (this.n * 1000) / rate;
      const now = this.ctx.clock.now();
      if (due > now) {
        return new Promise((resolve) => {
          const signal = this.ctx.signal;
          const onAbort = (): void => {
            cancel();
            resolve({ rows: [] });
          };
          const cancel = this.ctx.clock.schedule(due, () => {
            signal.removeEventListener('abort', onAbort);
            resolve(this.produce(span));
          });
          signal.addEventListener('abort', onAbort, { once: true });
        });
      }
    }
    return this.produce(span);
  }

  close(): void {}

  private produce(span: number): SourceBatch {
    const to = Math.min(this.limit, this.n + span);
    let rows: Row[] = [];
    this.gen.fill(this.n, to, rows);
    this.n = to;
    const m = this.map;
    if (m !== undefined) rows = rows.map((r) => m.map((i) => r[i]!));
    return { rows };
  }
}
