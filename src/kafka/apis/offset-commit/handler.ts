/**
 * OffsetCommit: validated by the group coordinator (member and generation,
 * or generation -1 with no member for an Empty group), stored through the
 * log. v0 has no generation: its default -1 makes it a simple commit.
 * Retention time (v2-4), commit timestamp (v1) and leader epoch (v6+) are
 * accepted and not kept.
 */
import { defineApi } from '../../handler.js';
import { groupCoordinatorOf } from '../../group-coordinator/on-broker.js';
import { offsetCommitApi } from './spec.js';

export const offsetCommit = defineApi({
  spec: offsetCommitApi,
  advertised: { min: 0, max: 8 },
  handler: async (req, ctx) => {
    const result = await groupCoordinatorOf(ctx.broker).commitOffsets({
      groupId: req.groupId,
      generationId: req.generationIdOrMemberEpoch,
      memberId: req.memberId,
      groupInstanceId: req.groupInstanceId,
      topics: req.topics.map((t) => ({
        name: t.name,
        partitions: t.partitions.map((p) => ({ partition: p.partitionIndex, offset: p.committedOffset, metadata: p.committedMetadata })),
      })),
    });
    return {
      throttleTimeMs: 0,
      topics: result.topics.map((t) => ({
        name: t.name,
        partitions: t.partitions.map((p) => ({ partitionIndex: p.partition, errorCode: p.errorCode })),
      })),
    };
  },
});
