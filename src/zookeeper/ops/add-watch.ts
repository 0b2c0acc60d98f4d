/** addWatch (op 106): AddWatchRequest{path, mode 0 persistent | 1 persistent-recursive} -> ErrorResponse{0}. */
import * as reads from '../../coord/reads.js';
import type { RecordValue } from '../jute/records.js';
import { body, readOp, reply } from './op.js';

export const addWatch = readOp<RecordValue<'AddWatchRequest'>>({
  op: 'addWatch',
  decode: body('AddWatchRequest'),
  run: (ctx, req) => {
    reads.addWatch(ctx.store, req.path, req.mode, ctx.watcher);
    return reply('ErrorResponse', { err: 0 });
  },
});
