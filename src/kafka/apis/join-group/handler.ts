/**
 * JoinGroup: parks until the group's join phase completes (other
 * connections are not blocked; this connection's later responses wait
 * behind it, as in Kafka). v0 has no rebalance timeout: the session timeout
 * stands in, as Kafka does.
 */
import { defineApi } from '../../handler.js';
import { clientHostOf, groupCoordinatorOf, ownBytes } from '../../group-coordinator/on-broker.js';
import { joinGroupApi } from './spec.js';

/**
 * KIP-394: from v4 a member joining with an empty id first gets
 * MEMBER_ID_REQUIRED and its id, then joins with it. A change of meaning
 * tied to the version number itself, so the handler reads the version here.
 */
const MEMBER_ID_REQUIRED_FROM_VERSION = 4;

export const joinGroup = defineApi({
  spec: joinGroupApi,
  advertised: { min: 0, max: 6 },
  handler: async (req, ctx) => {
    const result = await groupCoordinatorOf(ctx.broker).joinGroup({
      groupId: req.groupId,
      memberId: req.memberId,
      groupInstanceId: req.groupInstanceId,
      sessionTimeoutMs: req.sessionTimeoutMs,
      rebalanceTimeoutMs: req.rebalanceTimeoutMs < 0 ? req.sessionTimeoutMs : req.rebalanceTimeoutMs,
      protocolType: req.protocolType,
      protocols: req.protocols.map((p) => ({ name: p.name, metadata: ownBytes(p.metadata) })),
      clientId: ctx.header.clientId ?? '',
      clientHost: clientHostOf(ctx),
      requireKnownMemberId: ctx.header.apiVersion >= MEMBER_ID_REQUIRED_FROM_VERSION && req.groupInstanceId === null,
    });
    return {
      throttleTimeMs: 0,
      errorCode: result.errorCode,
      generationId: result.generationId,
      // nullable only from v7; older versions say '' for "none"
      protocolName: result.protocolName ?? '',
      leader: result.leader,
      memberId: result.memberId,
      members: result.members,
    };
  },
});
