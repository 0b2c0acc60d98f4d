/** create (op 1): CreateRequest -> CreateResponse{path}. Shared request mapping for the create family. */
import type { CreateRequest as CoordCreate } from '../../coord/requests.js';
import type { RecordValue } from '../jute/records.js';
import { body, reply, writeOp } from './op.js';

export function toCreate(req: RecordValue<'CreateRequest'>, ttl = -1n): CoordCreate {
  return { op: 'create', path: req.path, data: req.data, acl: req.acl, flags: req.flags, ttl };
}

export const create = writeOp<RecordValue<'CreateRequest'>>({
  op: 'create',
  decode: body('CreateRequest'),
  toWrite: (_ctx, req) => toCreate(req),
  reply: (r) => (r.type === 'create' ? reply('CreateResponse', { path: r.path }) : undefined),
});
