/**
 * INSERT INTO s VALUES (...): rows appended to the stream's topic (keyed
 * and partitioned exactly as the log sink writes query output), or put into
 * a memory table. A stream read from a FILE or a GENERATOR takes no rows.
 */
import { rowEncoder, RecordKeyEncoder } from '../../connectors/log/row-codec.js';
import { encodeRecordBatch, type RecordInput } from '../../log/record-batch/index.js';
import { murmur2, toPositive } from '../../runtime/murmur2.js';
import { MemoryTable } from '../../runtime/table/memory-table.js';
import type { Row } from '../../runtime/message.js';
import type { CheckedInsertValues } from '../../sql/checked/index.js';
import type { Catalog } from '../../sql/catalog.js';
import { evaluate } from '../../sql/eval.js';
import { bindTopic, isTopicStream } from '../bindings/topic-binding.js';
import type { EngineState } from '../engine-state.js';
import { EngineError } from '../errors.js';

/** Appends the rows; returns a message for the user. */
export async function insertValues(s: EngineState, catalog: Catalog, stmt: CheckedInsertValues): Promise<string> {
  const rows: Row[] = stmt.rows.map((r) => r.map((e) => evaluate(e)));
  const n = `${rows.length} row${rows.length === 1 ? '' : 's'}`;
  if (stmt.target.kind === 'table') {
    const def = catalog.relations.get(stmt.target.name);
    if (def?.kind !== 'table') throw new EngineError('GALE_ERR_ENGINE_UNSUPPORTED', `no table ${stmt.target.name}`);
    let t = s.tables.get(def.name);
    if (t === undefined) {
      t = new MemoryTable(def.name, def.fields.length, def.primaryKey.map((k) => k.index), def.index === 'btree');
      s.tables.set(def.name, t);
    }
    for (const row of rows) t.put(row);
    return `Inserted ${n} into table ${def.name}`;
  }
  const def = catalog.relations.get(stmt.target.name);
  if (def?.kind !== 'stream') throw new EngineError('GALE_ERR_ENGINE_UNSUPPORTED', `no stream ${stmt.target.name}`);
  if (!isTopicStream(def)) {
    const what = def.binding.file !== undefined ? `the file ${def.binding.file}` : `the generator ${def.binding.generator ?? ''}`;
    throw new EngineError('GALE_ERR_ENGINE_UNSUPPORTED', `stream ${def.name} reads ${what}; INSERT ... VALUES writes to topics only`, {
      ...(stmt.ast.loc === undefined ? {} : { span: stmt.ast.loc }),
    });
  }
  const b = await bindTopic(s.log, def, s.settings.defaultPartitions);
  const encode = rowEncoder(b.format, b.fields);
  const keys = new RecordKeyEncoder(b.fields, b.keyFields);
  const parts: RecordInput[][] = [];
  const now = Date.now();
  rows.forEach((row, i) => {
    const len = keys.encode(row);
    const p = len < 0 ? i % b.partitions : toPositive(murmur2(keys.bytes, 0, len)) % b.partitions;
    const key = len < 0 ? null : keys.stored(row, len);
    const t = b.timestampField === undefined ? now : row[b.timestampField];
    (parts[p] ??= []).push({ key, value: encode(row), timestamp: typeof t === 'number' && Number.isFinite(t) ? t : now });
  });
  for (let p = 0; p < b.partitions; p++) {
    const records = parts[p];
    if (records === undefined) continue;
    await s.log.append({ topic: b.topic, partition: p }, encodeRecordBatch({ records, timestamp: now }), { acks: -1 });
  }
  return `Inserted ${n} into stream ${def.name} (topic ${b.topic})`;
}
