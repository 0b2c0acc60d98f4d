/** The built-in generators by name (`WITH (GENERATOR = 'nexmark.bid')`). */
import type { GeneratorKind } from './event-generator.js';
import { NEXMARK_AUCTION, NEXMARK_BID, NEXMARK_PERSON } from './nexmark.js';
import { YSB_CAMPAIGNS, YSB_EVENTS } from './ysb.js';

export type { EventGenerator, GeneratorKind, GeneratorParams } from './event-generator.js';
export { GeneratorSource, fieldMapping } from './generator-source.js';

export const GENERATORS: ReadonlyMap<string, GeneratorKind> = new Map(
  [NEXMARK_BID, NEXMARK_AUCTION, NEXMARK_PERSON, YSB_EVENTS, YSB_CAMPAIGNS].map((k) => [k.name, k]),
);

/** Defaults: NEXMark's 10,000 events per second of event time, from 2024-01-01T00:00:00Z, seed 42. */
export const GENERATOR_DEFAULTS = { seed: 42, eventRate: 10_000, baseTime: Date.UTC(2024, 0, 1) } as const;
