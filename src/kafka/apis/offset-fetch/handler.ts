/**
 * OffsetFetch: v0-7 ask for one group (v2+: topics null = everything it
 * committed); v8 batches groups. Both response forms are filled; the codec
 * writes the one the version has. Versions without a top-level error code
 * (v0-1) carry a group-level error in every requested partition instead.
 * require_stable (v7+) never waits: there are no pending transactional
 * offsets.
 */
import { ErrorCode } from '../../error-codes.js';
import { defineApi } from '../../handler.js';
import type { GroupCoordinator } from '../../group-coordinator/coordinator.js';
import { groupCoordinatorOf } from '../../group-coordinator/on-broker.js';
import type { OffsetFetchResult } from '../../group-coordinator/types.js';
import { inVersions } from '../../protocol/versions.js';
import { offsetFetchApi, offsetFetchResponse } from './spec.js';

const topLevelErrorVersions = offsetFetchResponse.fields.find((f) => f.name === 'errorCode')!.versions;

type Topics = readonly { readonly name: string; readonly partitionIndexes: readonly number[] }[] | null;

function fetchGroup(c: GroupCoordinator, groupId: string, topics: Topics, requireStable: boolean): Promise<OffsetFetchResult> {
  return c.fetchOffsets({
    groupId,
    topics: topics === null ? null : topics.map((t) => ({ name: t.name, partitions: t.partitionIndexes })),
    requireStable,
  });
}

function wireTopics(result: OffsetFetchResult) {
  return result.topics.map((t) => ({
    name: t.name,
    partitions: t.partitions.map((p) => ({
      partitionIndex: p.partition,
      committedOffset: p.offset,
      committedLeaderEpoch: -1,
      metadata: p.metadata,
      errorCode: p.errorCode,
    })),
  }));
}

export const offsetFetch = defineApi({
  spec: offsetFetchApi,
  advertised: { min: 0, max: 8 },
  handler: async (req, ctx) => {
    const coordinator = groupCoordinatorOf(ctx.broker);
    if (req.groups.length > 0) {
      const groups = await Promise.all(
        req.groups.map(async (g) => {
          const r = await fetchGroup(coordinator, g.groupId, g.topics, req.requireStable);
          return { groupId: g.groupId, topics: wireTopics(r), errorCode: r.errorCode };
        }),
      );
      return { throttleTimeMs: 0, groups };
    }
    const result = await fetchGroup(coordinator, req.groupId, req.topics, req.requireStable);
    if (result.errorCode !== ErrorCode.NONE && !inVersions(topLevelErrorVersions, ctx.header.apiVersion)) {
      const topics = (req.topics ?? []).map((t) => ({
        name: t.name,
        partitions: t.partitionIndexes.map((partitionIndex) => ({ partitionIndex, committedOffset: -1n, metadata: '', errorCode: result.errorCode })),
      }));
      return { throttleTimeMs: 0, topics };
    }
    return { throttleTimeMs: 0, topics: wireTopics(result), errorCode: result.errorCode };
  },
});
