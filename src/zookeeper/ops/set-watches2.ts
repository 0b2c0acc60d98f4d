/** setWatches2 (op 105): SetWatches2{relativeZxid, data, exist, child, persistent, persistentRecursive} -> header only. */
import * as reads from '../../coord/reads.js';
import type { RecordValue } from '../jute/records.js';
import { body, readOp } from './op.js';

export const setWatches2 = readOp<RecordValue<'SetWatches2'>>({
  op: 'setWatches2',
  decode: body('SetWatches2'),
  run: (ctx, req) => {
    reads.setWatches(ctx.store, req, ctx.watcher);
    return undefined;
  },
});
