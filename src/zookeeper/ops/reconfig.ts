/** reconfig (op 16): a standalone server answers RECONFIGDISABLED, as ZooKeeper does by default. */
import type { RecordValue } from '../jute/records.js';
import { body, type OpHandler, type RefusedHandler } from './op.js';

const handler: RefusedHandler<RecordValue<'ReconfigRequest'>> = {
  kind: 'refused',
  op: 'reconfig',
  decode: body('ReconfigRequest'),
  err: -123,
  close: false,
  why: 'reconfig is disabled on a standalone server',
};
export const reconfig = handler as OpHandler;
