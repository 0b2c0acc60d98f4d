/** DeleteGroups: removes Empty groups and their committed offsets; others get NON_EMPTY_GROUP or GROUP_ID_NOT_FOUND. */
import { defineApi } from '../../handler.js';
import { groupCoordinatorOf } from '../../group-coordinator/on-broker.js';
import { deleteGroupsApi } from './spec.js';

export const deleteGroups = defineApi({
  spec: deleteGroupsApi,
  advertised: { min: 0, max: 2 },
  handler: async (req, ctx) => ({
    throttleTimeMs: 0,
    results: await groupCoordinatorOf(ctx.broker).deleteGroups(req.groupsNames),
  }),
});
