/** getChildren (op 8): GetChildrenRequest{path, watch} -> GetChildrenResponse{children}. Needs READ. */
import * as reads from '../../coord/reads.js';
import type { RecordValue } from '../jute/records.js';
import { body, readOp, reply } from './op.js';

export const getChildren = readOp<RecordValue<'GetChildrenRequest'>>({
  op: 'getChildren',
  decode: body('GetChildrenRequest'),
  run: (ctx, req) => {
    const r = reads.getChildren(ctx.store, req.path, ctx.authIds, req.watch ? ctx.watcher : undefined);
    return reply('GetChildrenResponse', { children: r.children });
  },
});
