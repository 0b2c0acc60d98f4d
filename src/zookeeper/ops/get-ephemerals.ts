/** getEphemerals (op 103): GetEphemeralsRequest{prefixPath} -> {ephemerals} of this session under the prefix. */
import * as reads from '../../coord/reads.js';
import type { RecordValue } from '../jute/records.js';
import { body, readOp, reply } from './op.js';

export const getEphemerals = readOp<RecordValue<'GetEphemeralsRequest'>>({
  op: 'getEphemerals',
  decode: body('GetEphemeralsRequest'),
  run: (ctx, req) =>
    reply('GetEphemeralsResponse', { ephemerals: reads.getEphemerals(ctx.store, ctx.sessionId, req.prefixPath) }),
});
