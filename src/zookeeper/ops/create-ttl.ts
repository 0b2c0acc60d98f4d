/**
 * createTTL (op 21): CreateTTLRequest (flags 5 or 6, ttl in ms) -> Create2Response.
 * ZooKeeper needs zookeeper.extendedTypesEnabled for this; Gale always has it.
 */
import type { RecordValue } from '../jute/records.js';
import { body, reply, writeOp } from './op.js';

export const createTTL = writeOp<RecordValue<'CreateTTLRequest'>>({
  op: 'createTTL',
  decode: body('CreateTTLRequest'),
  toWrite: (_ctx, req) => ({ op: 'create', path: req.path, data: req.data, acl: req.acl, flags: req.flags, ttl: req.ttl }),
  reply: (r) => (r.type === 'create' ? reply('Create2Response', { path: r.path, stat: r.stat }) : undefined),
});
