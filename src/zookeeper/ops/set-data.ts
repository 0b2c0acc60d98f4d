/** setData (op 5): SetDataRequest{path, data, version} -> SetDataResponse{stat}. */
import type { RecordValue } from '../jute/records.js';
import { body, reply, writeOp } from './op.js';

export const setData = writeOp<RecordValue<'SetDataRequest'>>({
  op: 'setData',
  decode: body('SetDataRequest'),
  toWrite: (_ctx, req) => ({ op: 'setData', path: req.path, data: req.data, version: req.version }),
  reply: (r) => (r.type === 'setData' ? reply('SetDataResponse', { stat: r.stat }) : undefined),
});
