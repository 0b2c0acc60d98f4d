/**
 * DescribeGroups: state, protocol and members of each group; an unknown
 * group reads as Dead with no error (as Kafka answers up to v5).
 */
import { defineApi } from '../../handler.js';
import { groupCoordinatorOf } from '../../group-coordinator/on-broker.js';
import { describeGroupsApi } from './spec.js';

/**
 * With no authorizer every client may do everything a group supports:
 * READ(3), DELETE(6), DESCRIBE(8), as a bit field (Kafka's AclOperation codes).
 */
const GROUP_OPERATIONS = (1 << 3) | (1 << 6) | (1 << 8);
/** "not requested" */
const NO_OPERATIONS = -2147483648;

export const describeGroups = defineApi({
  spec: describeGroupsApi,
  advertised: { min: 0, max: 5 },
  handler: async (req, ctx) => {
    const coordinator = groupCoordinatorOf(ctx.broker);
    await coordinator.ready();
    return {
      throttleTimeMs: 0,
      groups: req.groups.map((groupId) => {
        const g = coordinator.describeGroup(groupId);
        return {
          errorCode: g.errorCode,
          groupId,
          groupState: g.state,
          protocolType: g.protocolType,
          protocolData: g.protocolData,
          members: g.members.map((m) => ({
            memberId: m.memberId,
            groupInstanceId: m.groupInstanceId,
            clientId: m.clientId,
            clientHost: m.clientHost,
            memberMetadata: m.metadata,
            memberAssignment: m.assignment,
          })),
          authorizedOperations: req.includeAuthorizedOperations ? GROUP_OPERATIONS : NO_OPERATIONS,
        };
      }),
    };
  },
});
