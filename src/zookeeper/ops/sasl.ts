/** sasl (op 102): SASL is not offered (digest ACLs cover authentication), so UNIMPLEMENTED and close, as ZooKeeper without SASL. */
import type { RecordValue } from '../jute/records.js';
import { body, type OpHandler, type RefusedHandler } from './op.js';

const handler: RefusedHandler<RecordValue<'GetSASLRequest'>> = {
  kind: 'refused',
  op: 'sasl',
  decode: body('GetSASLRequest'),
  err: -6,
  close: true,
  why: 'SASL is not supported',
};
export const sasl = handler as OpHandler;
