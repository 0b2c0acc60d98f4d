/**
 * Declarations through the engine: CREATE SCHEMA / STREAM / WINDOW / MEMORY
 * TABLE and DECLARE are checked, their topic created (a stream without FILE
 * or GENERATOR), and recorded in the coordinator's catalog. Repeating a
 * declaration word for word is not an error (so `gale serve FILE.sql`
 * starts again over its own catalog); a different one with a taken name is.
 */
import type { Statement } from '../../sql/ast/index.js';
import type { Catalog } from '../../sql/catalog.js';
import type { CheckedStatement } from '../../sql/checked/index.js';
import { formatStatement } from '../../sql/format.js';
import { bindTopic, isTopicStream } from '../bindings/topic-binding.js';
import type { CatalogKind } from '../catalog/catalog-store.js';
import type { EngineState } from '../engine-state.js';
import { EngineError } from '../errors.js';

const KIND_OF: Partial<Record<Statement['kind'], CatalogKind>> = {
  CreateSchema: 'schemas',
  CreateStream: 'streams',
  CreateWindow: 'windows',
  CreateTable: 'tables',
  Declare: 'variables',
};

const WORD: Record<CatalogKind, string> = {
  schemas: 'Schema',
  streams: 'Stream',
  windows: 'Window',
  tables: 'Table',
  variables: 'Variable',
  queries: 'Query',
};

export function isDeclaration(s: Statement): boolean {
  return KIND_OF[s.kind] !== undefined;
}

function nameOf(s: Statement): string | undefined {
  return 'name' in s && typeof s.name === 'object' && s.name !== null && 'name' in s.name ? String(s.name.name) : undefined;
}

/** A message when this exact declaration is already in the catalog, else undefined. */
export function alreadyDeclared(s: EngineState, stmt: Statement): string | undefined {
  const kind = KIND_OF[stmt.kind];
  const name = nameOf(stmt);
  if (kind === undefined || name === undefined) return undefined;
  const e = s.entry(kind, name);
  if (e === undefined || e.sql !== formatStatement(stmt)) return undefined;
  return `${WORD[kind]} ${name} already exists (unchanged)`;
}

/** Applies a checked declaration: topic, coordinator entry, catalog. Returns the message. */
export async function declare(s: EngineState, stmt: Statement, checked: CheckedStatement, after: Catalog): Promise<string> {
  const kind = KIND_OF[stmt.kind];
  const name = nameOf(stmt);
  if (kind === undefined || name === undefined) throw new EngineError('GALE_ERR_ENGINE_INTERNAL', `${stmt.kind} is not a declaration`);
  if (checked.kind === 'Declare' && checked.updateFrom !== undefined) {
    throw new EngineError('GALE_ERR_ENGINE_UNSUPPORTED', 'DECLARE ... UPDATE FROM runs in gale run only; in the engine, write the query INTO a stream', {
      span: stmt.loc,
    });
  }
  let extra = '';
  if (checked.kind === 'CreateStream' && isTopicStream(checked.stream) && checked.stream.fields !== undefined) {
    const b = await bindTopic(s.log, checked.stream, s.settings.defaultPartitions);
    extra = ` (topic ${b.topic}, ${b.partitions} partition${b.partitions === 1 ? '' : 's'}, ${b.format})`;
  }
  const entry = await s.store.add({ kind, name, sql: formatStatement(stmt) });
  s.remember(entry);
  s.catalog = after;
  return `${WORD[kind]} ${name} created${extra}`;
}
