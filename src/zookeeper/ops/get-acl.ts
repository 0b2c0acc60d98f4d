/** getACL (op 6): GetACLRequest{path} -> GetACLResponse{acl, stat}. Needs READ or ADMIN; without ADMIN digests show as user:x. */
import * as reads from '../../coord/reads.js';
import type { RecordValue } from '../jute/records.js';
import { body, readOp, reply } from './op.js';

export const getACL = readOp<RecordValue<'GetACLRequest'>>({
  op: 'getACL',
  decode: body('GetACLRequest'),
  run: (ctx, req) => {
    const r = reads.getAcl(ctx.store, req.path, ctx.authIds);
    return reply('GetACLResponse', { acl: [...r.acl], stat: r.stat });
  },
});
