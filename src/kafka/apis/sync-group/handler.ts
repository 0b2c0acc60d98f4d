/** SyncGroup: the leader hands in every member's assignment; followers park until it does. */
import { defineApi } from '../../handler.js';
import { groupCoordinatorOf, ownBytes } from '../../group-coordinator/on-broker.js';
import { syncGroupApi } from './spec.js';

export const syncGroup = defineApi({
  spec: syncGroupApi,
  advertised: { min: 0, max: 4 },
  handler: async (req, ctx) => {
    const result = await groupCoordinatorOf(ctx.broker).syncGroup({
      groupId: req.groupId,
      generationId: req.generationId,
      memberId: req.memberId,
      groupInstanceId: req.groupInstanceId,
      // the v5+ protocol echo is not offered
      protocolType: null,
      protocolName: null,
      assignments: req.assignments.map((a) => ({ memberId: a.memberId, assignment: ownBytes(a.assignment) })),
    });
    return { throttleTimeMs: 0, errorCode: result.errorCode, assignment: result.assignment };
  },
});
