/** removeWatches (op 18): RemoveWatchesRequest{path, type 1 children | 2 data | 3 any} -> header; NOWATCHER if none. */
import * as reads from '../../coord/reads.js';
import type { RecordValue } from '../jute/records.js';
import { body, readOp } from './op.js';

export const removeWatches = readOp<RecordValue<'RemoveWatchesRequest'>>({
  op: 'removeWatches',
  decode: body('RemoveWatchesRequest'),
  run: (ctx, req) => {
    reads.removeWatches(ctx.store, req.path, req.type, ctx.watcher);
    return undefined;
  },
});
