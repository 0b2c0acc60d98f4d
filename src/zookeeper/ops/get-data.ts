/** getData (op 4): GetDataRequest{path, watch} -> GetDataResponse{data, stat}. Needs READ. */
import * as reads from '../../coord/reads.js';
import type { RecordValue } from '../jute/records.js';
import { body, readOp, reply } from './op.js';

export const getData = readOp<RecordValue<'GetDataRequest'>>({
  op: 'getData',
  decode: body('GetDataRequest'),
  run: (ctx, req) => {
    const r = reads.getData(ctx.store, req.path, ctx.authIds, req.watch ? ctx.watcher : undefined);
    return reply('GetDataResponse', { data: r.data, stat: r.stat });
  },
});
