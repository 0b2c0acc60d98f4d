/** getAllChildrenNumber (op 104): GetAllChildrenNumberRequest{path} -> {totalNumber} (all descendants). Needs READ. */
import * as reads from '../../coord/reads.js';
import type { RecordValue } from '../jute/records.js';
import { body, readOp, reply } from './op.js';

export const getAllChildrenNumber = readOp<RecordValue<'GetAllChildrenNumberRequest'>>({
  op: 'getAllChildrenNumber',
  decode: body('GetAllChildrenNumberRequest'),
  run: (ctx, req) =>
    reply('GetAllChildrenNumberResponse', { totalNumber: reads.getAllChildrenNumber(ctx.store, req.path, ctx.authIds) }),
});
