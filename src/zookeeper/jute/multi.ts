/**
 * MultiOperationRecord and MultiResponse (hand-framed in ZooKeeper too): a
 * sequence of MultiHeader{type, done=false, err=-1} + op record, ended by
 * MultiHeader{-1, true, -1}. Results use the same framing with err = 0, or
 * type -1 (error) + ErrorResponse{err}. Used by multi (14) and multiRead (22).
 */
import type { ByteReader } from '../../wire/byte-reader.js';
import type { ByteWriter } from '../../wire/byte-writer.js';
import { decodeRecord, encodeRecord, JuteError } from './codec.js';
import type { RecordName, RecordValue } from './records.js';
import { OpCode } from '../opcodes.js';

/** op type -> request record allowed inside a multi or multiRead */
const opRecords = {
  [OpCode.create]: 'CreateRequest',
  [OpCode.create2]: 'CreateRequest',
  [OpCode.createContainer]: 'CreateRequest',
  [OpCode.createTTL]: 'CreateTTLRequest',
  [OpCode.delete]: 'DeleteRequest',
  [OpCode.setData]: 'SetDataRequest',
  [OpCode.check]: 'CheckVersionRequest',
  [OpCode.getChildren]: 'GetChildrenRequest',
  [OpCode.getData]: 'GetDataRequest',
} as const satisfies Readonly<Record<number, RecordName>>;

type OpRecords = typeof opRecords;
export type MultiOp = { [K in keyof OpRecords]: { readonly type: K; readonly req: RecordValue<OpRecords[K]> } }[keyof OpRecords];

/** Decodes ops until the done header; an op type outside `allowed` is a marshalling error (as ZooKeeper). */
export function decodeMultiOps(r: ByteReader, allowed: ReadonlySet<number>): MultiOp[] {
  const ops: MultiOp[] = [];
  for (;;) {
    const h = decodeRecord('MultiHeader', r);
    if (h.done) return ops;
    const rec = (opRecords as Readonly<Record<number, RecordName>>)[h.type];
    if (rec === undefined || !allowed.has(h.type)) throw new JuteError(`op type ${h.type} is not allowed here`);
    ops.push({ type: h.type, req: decodeRecord(rec, r) } as MultiOp);
  }
}

export interface MultiResult {
  /** op type of the result, or -1 for an error */
  readonly type: number;
  readonly err: number;
  readonly body?: { readonly record: RecordName; readonly value: unknown };
}

export function encodeMultiResults(results: readonly MultiResult[], w: ByteWriter): void {
  for (const res of results) {
    encodeRecord('MultiHeader', { type: res.type, done: false, err: res.type === OpCode.error ? res.err : 0 }, w);
    if (res.type === OpCode.error) encodeRecord('ErrorResponse', { err: res.err }, w);
    else if (res.body !== undefined) encodeRecord(res.body.record, res.body.value as never, w);
  }
  encodeRecord('MultiHeader', { type: -1, done: true, err: -1 }, w);
}
