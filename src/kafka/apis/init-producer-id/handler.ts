/**
 * InitProducerId for idempotent producers: always a fresh producer id at
 * epoch 0, whatever id and epoch the request names — as Kafka's transaction
 * coordinator does for a null transactional id. A named id is only a hint
 * (librdkafka and Java send their current one after a sequence error;
 * @platformatic/kafka always sends 0/0), so handing it back bumped would let
 * two producers share one id or fence each other.
 * Transactions are not implemented, so a transactional id is refused.
 */
import { ErrorCode } from '../../error-codes.js';
import { defineApi } from '../../handler.js';
import { producerState } from '../produce/handler.js';
import { initProducerIdApi } from './spec.js';

export const initProducerId = defineApi({
  spec: initProducerIdApi,
  advertised: { min: 0, max: 4 },
  handler: (req, ctx) => {
    if (req.transactionalId !== null) {
      // Not retriable on purpose: clients must not loop waiting for a transaction coordinator that never comes.
      // The response has no message field, so the reason goes to the broker's log.
      ctx.broker.logger.warn(
        `client ${ctx.header.clientId ?? '(none)'}: transactional id '${req.transactionalId}' refused with TRANSACTIONAL_ID_AUTHORIZATION_FAILED: Gale does not implement Kafka transactions (idempotent producers work)`,
      );
      return { throttleTimeMs: 0, errorCode: ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED, producerId: -1n, producerEpoch: -1 };
    }
    return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, ...producerState(ctx.broker).allocate() };
  },
});
