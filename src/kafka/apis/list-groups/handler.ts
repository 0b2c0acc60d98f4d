/** ListGroups: every group this node coordinates, optionally filtered by state (v4+). */
import { defineApi } from '../../handler.js';
import { groupCoordinatorOf } from '../../group-coordinator/on-broker.js';
import { listGroupsApi } from './spec.js';

export const listGroups = defineApi({
  spec: listGroupsApi,
  advertised: { min: 0, max: 4 },
  handler: async (req, ctx) => {
    const coordinator = groupCoordinatorOf(ctx.broker);
    await coordinator.ready();
    const result = coordinator.listGroups(req.statesFilter);
    return {
      throttleTimeMs: 0,
      errorCode: result.errorCode,
      groups: result.groups.map((g) => ({ groupId: g.groupId, protocolType: g.protocolType, groupState: g.state })),
    };
  },
});
