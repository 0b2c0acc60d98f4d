/** sync (op 9): SyncRequest{path} -> SyncResponse{path}, answered once every write prepared before it is applied. */
import type { RecordValue } from '../jute/records.js';
import { body, reply, type OpHandler, type SyncHandler } from './op.js';

const handler: SyncHandler<RecordValue<'SyncRequest'>> = {
  kind: 'sync',
  op: 'sync',
  decode: body('SyncRequest'),
  reply: (req) => reply('SyncResponse', { path: req.path }),
};
export const sync = handler as OpHandler;
