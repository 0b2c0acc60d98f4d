/**
 * SaslHandshake: picks the mechanism for this connection. v1 clients then
 * send SaslAuthenticate requests; after v0 (kafka-python) the tokens come as
 * raw frames, which the connection switches to here.
 */
import { ErrorCode } from '../../error-codes.js';
import { defineApi } from '../../handler.js';
import { inVersions } from '../../protocol/versions.js';
import { rawTokensAfter, saslHandshakeApi } from './spec.js';

export const saslHandshake = defineApi({
  spec: saslHandshakeApi,
  advertised: { min: 0, max: 1 },
  beforeAuth: true,
  handler: (req, ctx) => {
    const sasl = ctx.broker.config.sasl;
    const offered = sasl?.mechanisms ?? [];
    const state = ctx.connection.sasl;
    if (sasl === undefined || !offered.includes(req.mechanism)) {
      return { errorCode: ErrorCode.UNSUPPORTED_SASL_MECHANISM, mechanisms: [...offered] };
    }
    if (state.authenticated) return { errorCode: ErrorCode.ILLEGAL_SASL_STATE, mechanisms: [...offered] };
    state.mechanism = req.mechanism;
    state.exchange = undefined;
    state.rawFrames = inVersions(rawTokensAfter, ctx.header.apiVersion);
    return { errorCode: ErrorCode.NONE, mechanisms: [...offered] };
  },
});
