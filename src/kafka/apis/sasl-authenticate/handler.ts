/**
 * SaslAuthenticate: one SASL token per request (PLAIN: one round; SCRAM: two).
 * A failure answers SASL_AUTHENTICATION_FAILED with Kafka's message; the
 * client then closes the connection.
 */
import { ErrorCode } from '../../error-codes.js';
import { defineApi } from '../../handler.js';
import { saslStep } from '../../sasl/mechanisms.js';
import { saslAuthenticateApi } from './spec.js';

export const saslAuthenticate = defineApi({
  spec: saslAuthenticateApi,
  advertised: { min: 0, max: 2 },
  beforeAuth: true,
  handler: (req, ctx) => {
    const sasl = ctx.broker.config.sasl;
    const state = ctx.connection.sasl;
    if (sasl === undefined || state.mechanism === null || state.authenticated) {
      return { errorCode: ErrorCode.ILLEGAL_SASL_STATE, errorMessage: 'SaslAuthenticate without a SaslHandshake', authBytes: Buffer.alloc(0) };
    }
    const step = saslStep(sasl, state, req.authBytes);
    if (step.error !== undefined) {
      ctx.broker.logger.warn(`kafka: SASL ${state.mechanism} authentication failed for a client from ${ctx.connection.remoteAddress}: ${step.error}`);
      return { errorCode: ErrorCode.SASL_AUTHENTICATION_FAILED, errorMessage: step.error, authBytes: Buffer.alloc(0) };
    }
    if (step.authenticated) state.authenticated = true;
    return { errorCode: ErrorCode.NONE, errorMessage: null, authBytes: step.reply, sessionLifetimeMs: 0n };
  },
});
