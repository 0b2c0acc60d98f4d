/** Heartbeat: keeps a member's session alive and tells it when to rejoin (REBALANCE_IN_PROGRESS). */
import { defineApi } from '../../handler.js';
import { groupCoordinatorOf } from '../../group-coordinator/on-broker.js';
import { heartbeatApi } from './spec.js';

export const heartbeat = defineApi({
  spec: heartbeatApi,
  advertised: { min: 0, max: 4 },
  handler: (req, ctx) => ({
    throttleTimeMs: 0,
    errorCode: groupCoordinatorOf(ctx.broker).heartbeat({
      groupId: req.groupId,
      generationId: req.generationId,
      memberId: req.memberId,
      groupInstanceId: req.groupInstanceId,
    }),
  }),
});
