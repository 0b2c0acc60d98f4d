/**
 * check (op 13): CheckVersionRequest{path, version} -> SetDataResponse{stat}.
 * A write in ZooKeeper (it consumes a zxid); mostly used inside multi.
 */
import type { RecordValue } from '../jute/records.js';
import { body, reply, writeOp } from './op.js';

export const check = writeOp<RecordValue<'CheckVersionRequest'>>({
  op: 'check',
  decode: body('CheckVersionRequest'),
  toWrite: (_ctx, req) => ({ op: 'check', path: req.path, version: req.version }),
  reply: (r) => (r.type === 'check' && r.stat !== undefined ? reply('SetDataResponse', { stat: r.stat }) : undefined),
});
