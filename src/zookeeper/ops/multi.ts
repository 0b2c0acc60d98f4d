/**
 * multi (op 14): create/create2/createContainer/createTTL/delete/setData/check
 * ops applied atomically under one zxid. On failure the reply header's err
 * is 0 and every result is an error: 0 before the failing op, its code, -2
 * after it (and nothing was applied).
 */
import type { MultiOpRequest, OpResult } from '../../coord/requests.js';
import { decodeMultiOps, encodeMultiResults, type MultiOp, type MultiResult } from '../jute/multi.js';
import { OpCode } from '../opcodes.js';
import { toCreate } from './create.js';
import { writeOp } from './op.js';

const allowed = new Set<number>([
  OpCode.create,
  OpCode.create2,
  OpCode.createContainer,
  OpCode.createTTL,
  OpCode.delete,
  OpCode.setData,
  OpCode.check,
]);

function toRequest(op: MultiOp): MultiOpRequest {
  switch (op.type) {
    case OpCode.create:
    case OpCode.create2:
      return toCreate(op.req);
    case OpCode.createContainer:
      return toCreate({ ...op.req, flags: 4 });
    case OpCode.createTTL:
      return { op: 'create', path: op.req.path, data: op.req.data, acl: op.req.acl, flags: op.req.flags, ttl: op.req.ttl };
    case OpCode.delete:
      return { op: 'delete', path: op.req.path, version: op.req.version };
    case OpCode.setData:
      return { op: 'setData', path: op.req.path, data: op.req.data, version: op.req.version };
    case OpCode.check:
      return { op: 'check', path: op.req.path, version: op.req.version };
    default:
      throw new Error(`op ${op.type} cannot be in a multi`);
  }
}

function toResult(type: number, r: OpResult): MultiResult {
  if (r.type === 'error') return { type: OpCode.error, err: r.err };
  if (r.type === 'create') {
    return type === OpCode.create
      ? { type, err: 0, body: { record: 'CreateResponse', value: { path: r.path } } }
      : { type, err: 0, body: { record: 'Create2Response', value: { path: r.path, stat: r.stat } } };
  }
  if (r.type === 'setData') return { type, err: 0, body: { record: 'SetDataResponse', value: { stat: r.stat } } };
  return { type, err: 0 };
}

export const multi = writeOp<MultiOp[]>({
  op: 'multi',
  decode: (r) => decodeMultiOps(r, allowed),
  toWrite: (_ctx, ops) => ({ op: 'multi', ops: ops.map(toRequest) }),
  reply: (result, ops) => {
    if (result.type !== 'multi') return undefined;
    const results = result.results.map((r, i) => toResult(ops[i]!.type, r));
    return { write: (w) => encodeMultiResults(results, w) };
  },
});
