/**
 * setWatches (op 101, xid -8 from Java/C; node-zookeeper-client uses a normal xid):
 * SetWatches{relativeZxid, data, exist, child} after a reconnect -> header only.
 * What changed since relativeZxid fires at once; the rest is re-registered.
 */
import * as reads from '../../coord/reads.js';
import type { RecordValue } from '../jute/records.js';
import { body, readOp } from './op.js';

export const setWatches = readOp<RecordValue<'SetWatches'>>({
  op: 'setWatches',
  decode: body('SetWatches'),
  run: (ctx, req) => {
    reads.setWatches(ctx.store, { ...req, persistentWatches: [], persistentRecursiveWatches: [] }, ctx.watcher);
    return undefined;
  },
});
