/** create2 (op 15): CreateRequest -> Create2Response{path, stat}. */
import type { RecordValue } from '../jute/records.js';
import { toCreate } from './create.js';
import { body, reply, writeOp } from './op.js';

export const create2 = writeOp<RecordValue<'CreateRequest'>>({
  op: 'create2',
  decode: body('CreateRequest'),
  toWrite: (_ctx, req) => toCreate(req),
  reply: (r) => (r.type === 'create' ? reply('Create2Response', { path: r.path, stat: r.stat }) : undefined),
});
