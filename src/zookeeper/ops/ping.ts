/** ping (op 11, xid -2): no body; the reply header carries the last zxid. Any packet also refreshes the session. */
import { noBody, readOp } from './op.js';

export const ping = readOp<undefined>({ op: 'ping', decode: noBody, run: () => undefined });
