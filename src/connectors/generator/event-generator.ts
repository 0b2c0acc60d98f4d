/**
 * The contract of a built-in generator: a fixed schema and, for event
 * numbers [from, to), the rows those events produce (some numbers produce
 * none: NEXMark's bid stream skips person and auction events).
 */
import type { Field } from '../../sql/types.js';
import type { Row } from '../../runtime/message.js';

export interface GeneratorParams {
  readonly seed: number;
  /** event-time rate: events per second of event time (spacing of the timestamps) */
  readonly eventRate: number;
  /** event time of event 0, epoch ms */
  readonly baseTime: number;
}

export interface EventGenerator {
  fill(from: number, to: number, out: Row[]): void;
  /** how many events it takes, on average, to produce one row (for batch sizing) */
  readonly eventsPerRow: number;
  /** a fixed total of events regardless of EVENTS (reference data) */
  readonly fixedEvents?: number;
}

export interface GeneratorKind {
  readonly name: string;
  readonly description: string;
  readonly fields: readonly Field[];
  /** name of the event-time field, if rows carry one */
  readonly timestamp?: string;
  create(params: GeneratorParams): EventGenerator;
}
