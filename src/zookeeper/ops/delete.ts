/** delete (op 2): DeleteRequest{path, version} -> header only. */
import type { RecordValue } from '../jute/records.js';
import { body, writeOp } from './op.js';

export const del = writeOp<RecordValue<'DeleteRequest'>>({
  op: 'delete',
  decode: body('DeleteRequest'),
  toWrite: (_ctx, req) => ({ op: 'delete', path: req.path, version: req.version }),
  reply: () => undefined,
});
