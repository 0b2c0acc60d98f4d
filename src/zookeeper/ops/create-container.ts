/** createContainer (op 19): CreateRequest (flags 4) -> Create2Response. The node is a container whatever the flags say. */
import type { RecordValue } from '../jute/records.js';
import { toCreate } from './create.js';
import { body, reply, writeOp } from './op.js';

const CONTAINER_FLAGS = 4;

export const createContainer = writeOp<RecordValue<'CreateRequest'>>({
  op: 'createContainer',
  decode: body('CreateRequest'),
  toWrite: (_ctx, req) => toCreate({ ...req, flags: CONTAINER_FLAGS }),
  reply: (r) => (r.type === 'create' ? reply('Create2Response', { path: r.path, stat: r.stat }) : undefined),
});
