/**
 * auth (op 100, xid -4): AuthPacket{type 0, scheme, auth}. `digest` adds
 * digest:user:base64(sha1(user:password)); `ip` adds the peer address. Any
 * other scheme is AUTHFAILED, after which the server closes the connection.
 */
import { digestId } from '../../coord/acl.js';
import { coordError } from '../../coord/errors.js';
import type { RecordValue } from '../jute/records.js';
import { body, type AuthHandler, type OpHandler } from './op.js';

const handler: AuthHandler<RecordValue<'AuthPacket'>> = {
  kind: 'auth',
  op: 'auth',
  decode: body('AuthPacket'),
  authenticate: (ctx, req) => {
    const add = (scheme: string, id: string): void => {
      if (!ctx.authIds.some((a) => a.scheme === scheme && a.id === id)) ctx.authIds.push({ scheme, id });
    };
    if (req.scheme === 'digest') {
      add('digest', digestId(Buffer.from(req.auth ?? new Uint8Array(0)).toString('utf8')));
    } else if (req.scheme === 'ip') {
      add('ip', ctx.remoteAddress);
    } else {
      throw coordError('GALE_ERR_COORD_AUTH_FAILED', req.scheme);
    }
  },
};
export const auth = handler as OpHandler;
