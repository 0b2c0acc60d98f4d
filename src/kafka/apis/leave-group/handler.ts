/**
 * LeaveGroup: v0-2 name one member and get one error; v3+ batch members
 * (possibly static ones by instance id alone) and get an error per member.
 */
import { ErrorCode } from '../../error-codes.js';
import { defineApi } from '../../handler.js';
import { groupCoordinatorOf } from '../../group-coordinator/on-broker.js';
import { inVersions } from '../../protocol/versions.js';
import { leaveGroupApi, leaveGroupResponse } from './spec.js';

/** the versions whose response carries per-member errors; older ones fold them into the top-level code */
const perMemberVersions = leaveGroupResponse.fields.find((f) => f.name === 'members')!.versions;

export const leaveGroup = defineApi({
  spec: leaveGroupApi,
  advertised: { min: 0, max: 4 },
  handler: (req, ctx) => {
    const leaving = req.members.length > 0 ? req.members : [{ memberId: req.memberId, groupInstanceId: null }];
    const result = groupCoordinatorOf(ctx.broker).leaveGroup(req.groupId, leaving);
    const perMember = inVersions(perMemberVersions, ctx.header.apiVersion);
    const folded = result.members.find((m) => m.errorCode !== ErrorCode.NONE)?.errorCode ?? ErrorCode.NONE;
    return {
      throttleTimeMs: 0,
      errorCode: perMember || result.errorCode !== ErrorCode.NONE ? result.errorCode : folded,
      members: result.members,
    };
  },
});
