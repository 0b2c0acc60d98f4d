/** getChildren2 (op 12): GetChildren2Request{path, watch} -> GetChildren2Response{children, stat}. Needs READ. */
import * as reads from '../../coord/reads.js';
import type { RecordValue } from '../jute/records.js';
import { body, readOp, reply } from './op.js';

export const getChildren2 = readOp<RecordValue<'GetChildren2Request'>>({
  op: 'getChildren2',
  decode: body('GetChildren2Request'),
  run: (ctx, req) => {
    const r = reads.getChildren(ctx.store, req.path, ctx.authIds, req.watch ? ctx.watcher : undefined);
    return reply('GetChildren2Response', r);
  },
});
