/**
 * exists (op 3): ExistsRequest{path, watch} -> ExistsResponse{stat}, or
 * NONODE. With watch set it leaves a data watch on an existing node and an
 * exist watch on a missing one. No ACL check (as ZooKeeper).
 */
import { coordError } from '../../coord/errors.js';
import * as reads from '../../coord/reads.js';
import type { RecordValue } from '../jute/records.js';
import { body, readOp, reply } from './op.js';

export const exists = readOp<RecordValue<'ExistsRequest'>>({
  op: 'exists',
  decode: body('ExistsRequest'),
  run: (ctx, req) => {
    const stat = reads.exists(ctx.store, req.path, req.watch ? ctx.watcher : undefined);
    if (stat === undefined) throw coordError('GALE_ERR_COORD_NO_NODE', req.path);
    return reply('ExistsResponse', { stat });
  },
});
