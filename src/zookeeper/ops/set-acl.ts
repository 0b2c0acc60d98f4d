/** setACL (op 7): SetACLRequest{path, acl, version = expected aversion} -> SetACLResponse{stat}. Needs ADMIN. */
import type { RecordValue } from '../jute/records.js';
import { body, reply, writeOp } from './op.js';

export const setACL = writeOp<RecordValue<'SetACLRequest'>>({
  op: 'setACL',
  decode: body('SetACLRequest'),
  toWrite: (_ctx, req) => ({ op: 'setAcl', path: req.path, acl: req.acl, version: req.version }),
  reply: (r) => (r.type === 'setAcl' ? reply('SetACLResponse', { stat: r.stat }) : undefined),
});
