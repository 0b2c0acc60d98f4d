/**
 * The registry of every GaleError code, gathered from the tables each area
 * keeps next to its code. One list drives the error reference
 * (src/ERRORS.md, checked fresh by test/unit/error-codes.test.ts) and lets a
 * test prove that no code is used without being registered and documented.
 */
import { coordErrors } from './coord/errors.js';
import { ENGINE_ERROR_CODES } from './engine/errors.js';
import { httpErrors } from './engine/http/errors.js';
import { groupErrors } from './kafka/group-coordinator/errors.js';
import { kafkaErrors } from './kafka/errors.js';
import { logErrors } from './log/errors.js';
import { PLAN_ERROR_CODES } from './plan/errors.js';
import { runtimeErrors } from './runtime/errors.js';
import { SQL_ERROR_CODES } from './sql/errors.js';
import { wireErrors } from './wire/errors.js';

export interface ErrorCodeInfo {
  readonly code: string;
  /** the area that raises it: sql, plan, runtime, log, coord, kafka, wire, engine, http */
  readonly area: string;
  readonly about: string;
  readonly retriable?: boolean;
  /** the wire protocol's own number for it, where one exists (Kafka int16, ZooKeeper int) */
  readonly protocolCode?: number;
}

type Described = string | { readonly about: string; readonly retriable?: boolean; readonly kafka?: number; readonly keeper?: number };

function area(name: string, table: Readonly<Record<string, Described>>): ErrorCodeInfo[] {
  return Object.entries(table).map(([code, d]) => {
    if (typeof d === 'string') return { code, area: name, about: d };
    const protocolCode = d.kafka ?? d.keeper;
    return {
      code,
      area: name,
      about: d.about,
      ...(d.retriable === undefined ? {} : { retriable: d.retriable }),
      ...(protocolCode === undefined ? {} : { protocolCode }),
    };
  });
}

export const ERROR_CODES: readonly ErrorCodeInfo[] = [
  ...area('sql', SQL_ERROR_CODES),
  ...area('plan', PLAN_ERROR_CODES),
  ...area('runtime', runtimeErrors),
  ...area('log', logErrors),
  ...area('coord', coordErrors),
  ...area('kafka', kafkaErrors),
  ...area('kafka', groupErrors),
  ...area('wire', wireErrors),
  ...area('engine', ENGINE_ERROR_CODES),
  ...area('http', httpErrors),
];

/** The error reference as Markdown: one section per area, one row per code. */
export function renderErrorReference(): string {
  const out: string[] = [
    '<!-- generated from src/error-codes.ts by test/unit/error-codes.test.ts (GALE_WRITE_DOCS=1) — do not edit -->',
    '# Gale error codes',
    '',
    'Every error Gale reports carries one of these stable codes. SQL errors also',
    'carry `file:line:col`; wire errors map to the protocol number shown, so Kafka',
    'and ZooKeeper clients see the error they expect.',
    '',
  ];
  const areas = [...new Set(ERROR_CODES.map((e) => e.area))];
  for (const a of areas) {
    out.push(`## ${a}`, '', '| code | retriable | protocol | meaning |', '|---|---|---|---|');
    for (const e of ERROR_CODES.filter((x) => x.area === a)) {
      const about = e.about.replace(/\|/g, '\\|');
      out.push(`| \`${e.code}\` | ${e.retriable === true ? 'yes' : ''} | ${e.protocolCode ?? ''} | ${about} |`);
    }
    out.push('');
  }
  return out.join('\n');
}
