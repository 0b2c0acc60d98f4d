/** whoAmI (op 107): no body -> WhoAmIResponse{clientInfo: [{authScheme, user}]} for every id of the connection. */
import { noBody, readOp, reply } from './op.js';

export const whoAmI = readOp<undefined>({
  op: 'whoAmI',
  decode: noBody,
  run: (ctx) =>
    reply('WhoAmIResponse', {
      clientInfo: ctx.authIds.map((id) => ({ authScheme: id.scheme, user: id.scheme === 'digest' ? id.id.split(':')[0] ?? '' : id.id })),
    }),
});
