/** closeSession (op -11): no body; the reply is a header only, then the server closes the socket. */
import { noBody, writeOp } from './op.js';

export const closeSession = writeOp<undefined>({
  op: 'closeSession',
  decode: noBody,
  toWrite: () => ({ op: 'closeSession' }),
  reply: () => undefined,
});
