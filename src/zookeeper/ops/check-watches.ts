/** checkWatches (op 17): CheckWatchesRequest{path, type} -> header; NOWATCHER if this connection has no such watch. */
import * as reads from '../../coord/reads.js';
import type { RecordValue } from '../jute/records.js';
import { body, readOp } from './op.js';

export const checkWatches = readOp<RecordValue<'CheckWatchesRequest'>>({
  op: 'checkWatches',
  decode: body('CheckWatchesRequest'),
  run: (ctx, req) => {
    reads.checkWatches(ctx.store, req.path, req.type, ctx.watcher);
    return undefined;
  },
});
