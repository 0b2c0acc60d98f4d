/**
 * InitProducerId for idempotent producers: a fresh producer id at epoch 0,
 * or (v3+, KIP-360) the next epoch of the id and epoch the producer names.
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
      return { throttleTimeMs: 0, errorCode: ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED, producerId: -1n, producerEpoch: -1 };
    }
    const table = producerState(ctx.broker);
    if (req.producerId >= 0n && req.producerEpoch >= 0) {
      const bumped = table.bump(req.producerId, req.producerEpoch);
      if ('code' in bumped) return { throttleTimeMs: 0, errorCode: bumped.code, producerId: -1n, producerEpoch: -1 };
      return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, ...bumped };
    }
    return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, ...table.allocate() };
  },
});
