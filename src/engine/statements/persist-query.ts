/**
 * Starting a persistent query and recording it: streams the query declares
 * (`INTO s` of a new s) or gives a schema to (`CREATE STREAM s;`) are
 * recorded as explicit CREATE STREAMs ordered before the query, so they
 * outlive it; the query is recorded under /gale/queries/<id> with its SQL,
 * state and session properties, and resumed from its checkpoint whenever
 * the engine opens.
 */
import type { Catalog, StreamDef } from '../../sql/catalog.js';
import type { CheckedStatement } from '../../sql/checked/index.js';
import { createStreamSql } from '../catalog/stream-sql.js';
import type { EngineState } from '../engine-state.js';
import type { QueryManager } from '../queries/query-manager.js';
import { streamsOf } from '../queries/query-plan.js';

export interface PersistQuery {
  /** canonical SQL */
  readonly sql: string;
  readonly checked: CheckedStatement;
  /** the catalog before and after checking the statement */
  readonly before: Catalog;
  readonly after: Catalog;
  readonly properties: Readonly<Record<string, string>>;
  /** where relative FILE paths start */
  readonly baseDir: string;
}

function streamDef(c: Catalog, name: string): StreamDef | undefined {
  const r = c.relations.get(name);
  return r?.kind === 'stream' ? r : undefined;
}

/** Starts the query and records it; returns its id. */
export async function persistQuery(s: EngineState, queries: QueryManager, q: PersistQuery): Promise<string> {
  const declared: { def: StreamDef; existed: boolean; seq: number }[] = [];
  for (const name of streamsOf(q.checked).writes) {
    const a = streamDef(q.after, name);
    const b = streamDef(q.before, name);
    if (a?.fields === undefined || (b !== undefined && b.fields !== undefined)) continue;
    declared.push({ def: { ...a, implicit: false }, existed: b !== undefined, seq: await s.store.nextSeq() });
  }
  const seq = await s.store.nextSeq();
  const id = `q${seq}`;
  await queries.start(id, q.sql, q.checked, q.after, q.properties, q.baseDir);
  try {
    for (const d of declared) {
      const sql = createStreamSql(d.def);
      if (d.existed) {
        await s.store.update('streams', d.def.name, { sql });
        const e = s.entry('streams', d.def.name);
        if (e !== undefined) s.remember({ ...e, sql });
      } else {
        s.remember(await s.store.add({ kind: 'streams', name: d.def.name, sql, seq: d.seq }));
      }
    }
    s.remember(await s.store.add({ kind: 'queries', name: id, sql: q.sql, state: 'RUNNING', properties: { ...q.properties }, baseDir: q.baseDir, seq }));
    // a query over a small FILE may complete before its entry exists; its COMPLETED update then found nothing to update
    if (queries.running.get(id)?.query.state === 'completed') {
      await s.store.update('queries', id, { state: 'COMPLETED' });
      const e = s.entry('queries', id);
      if (e !== undefined) s.remember({ ...e, state: 'COMPLETED' });
    }
  } catch (err) {
    await queries.terminate(id).catch(() => undefined);
    throw err;
  }
  return id;
}
