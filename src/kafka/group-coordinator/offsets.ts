/**
 * OffsetCommit and OffsetFetch. The coordinator decides who may commit (a
 * member of the current generation, or anyone with generation -1 and no
 * member id while the group is Empty); the committed offsets themselves live
 * in the log (`Log.commitOffsets`/`committedOffsets`), so they survive a
 * restart.
 */
import type { CommittedOffset, Log, TopicPartition } from '../../log/log.js';
import type { GroupContext } from './context.js';
import { GroupErrorCode } from './error-codes.js';
import type { Group } from './group.js';
import { validateCurrentMember } from './join.js';
import { scheduleHeartbeatExpiry } from './rebalance.js';
import type { FetchedOffset, OffsetCommitRequest, OffsetCommitResult, OffsetFetchRequest, OffsetFetchResult } from './types.js';

/** what group offsets need from the broker's log (EmbeddedLog has it all) */
export interface GroupOffsetLog extends Pick<Log, 'commitOffsets' | 'committedOffsets' | 'describeTopic'> {
  allCommittedOffsets(group: string): Promise<CommittedOffset[]>;
  deleteCommittedOffsets(group: string): Promise<void>;
  groupsWithCommittedOffsets(): Promise<string[]>;
}

/** who may commit right now: NONE, or the error every partition of the request gets */
export function validateOffsetCommit(ctx: GroupContext, group: Group, req: OffsetCommitRequest): GroupErrorCode {
  if (group.is('Dead')) return GroupErrorCode.COORDINATOR_NOT_AVAILABLE;
  if (req.generationId >= 0 || req.memberId !== '' || req.groupInstanceId !== null) {
    const invalid = validateCurrentMember(group, req.memberId, req.groupInstanceId);
    if (invalid !== GroupErrorCode.NONE) return invalid;
    if (req.generationId !== group.generationId) return GroupErrorCode.ILLEGAL_GENERATION;
  } else if (!group.is('Empty')) {
    // a group with members takes commits from its members only
    return GroupErrorCode.UNKNOWN_MEMBER_ID;
  }
  switch (group.state) {
    case 'Empty':
      return GroupErrorCode.NONE;
    case 'Stable':
    case 'PreparingRebalance': {
      // commits while preparing are fine: members commit what they processed before rejoining
      const member = group.get(req.memberId);
      if (member !== undefined) scheduleHeartbeatExpiry(ctx, group, member, member.sessionTimeoutMs);
      return GroupErrorCode.NONE;
    }
    case 'CompletingRebalance':
      return GroupErrorCode.REBALANCE_IN_PROGRESS;
    case 'Dead':
      return GroupErrorCode.COORDINATOR_NOT_AVAILABLE;
  }
}

export function commitResultWith(req: OffsetCommitRequest, errorOf: (topic: string, partition: number) => GroupErrorCode): OffsetCommitResult {
  return {
    topics: req.topics.map((t) => ({
      name: t.name,
      partitions: t.partitions.map((p) => ({ partition: p.partition, errorCode: errorOf(t.name, p.partition) })),
    })),
  };
}

/** stores the offsets that name a real partition and carry metadata of an allowed size */
export async function storeOffsets(
  ctx: GroupContext,
  log: GroupOffsetLog,
  group: Group,
  req: OffsetCommitRequest,
): Promise<OffsetCommitResult> {
  const partitionCounts = new Map<string, number>();
  await Promise.all(
    [...new Set(req.topics.map((t) => t.name))].map(async (name) => {
      const d = await log.describeTopic(name);
      partitionCounts.set(name, d?.partitions ?? 0);
    }),
  );
  const errors = new Map<string, GroupErrorCode>();
  const toStore: CommittedOffset[] = [];
  for (const t of req.topics) {
    for (const p of t.partitions) {
      const key = tpKey(t.name, p.partition);
      if (p.partition < 0 || p.partition >= (partitionCounts.get(t.name) ?? 0)) {
        errors.set(key, GroupErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
      } else if (p.metadata !== null && Buffer.byteLength(p.metadata) > ctx.config.maxOffsetMetadataBytes) {
        errors.set(key, GroupErrorCode.OFFSET_METADATA_TOO_LARGE);
      } else {
        toStore.push({ topic: t.name, partition: p.partition, offset: p.offset, metadata: p.metadata });
      }
    }
  }
  if (toStore.length > 0) {
    try {
      await log.commitOffsets(group.groupId, toStore);
    } catch (e) {
      ctx.logger.warn(`group ${group.groupId}: storing ${toStore.length} offset(s) failed: ${(e as Error).message}`);
      for (const o of toStore) errors.set(tpKey(o.topic, o.partition), GroupErrorCode.COORDINATOR_NOT_AVAILABLE);
    }
  }
  return commitResultWith(req, (topic, partition) => errors.get(tpKey(topic, partition)) ?? GroupErrorCode.NONE);
}

export async function fetchOffsets(ctx: GroupContext, log: GroupOffsetLog, req: OffsetFetchRequest): Promise<OffsetFetchResult> {
  let wanted: TopicPartition[];
  let committed: readonly CommittedOffset[];
  try {
    if (req.topics === null) {
      committed = await log.allCommittedOffsets(req.groupId);
      wanted = committed.map((c) => ({ topic: c.topic, partition: c.partition }));
    } else {
      wanted = req.topics.flatMap((t) => t.partitions.map((partition) => ({ topic: t.name, partition })));
      committed = wanted.length === 0 ? [] : await log.committedOffsets(req.groupId, wanted);
    }
  } catch (e) {
    ctx.logger.warn(`group ${req.groupId}: reading committed offsets failed: ${(e as Error).message}`);
    return { errorCode: GroupErrorCode.COORDINATOR_NOT_AVAILABLE, topics: [] };
  }
  const found = new Map(committed.map((c) => [tpKey(c.topic, c.partition), c]));
  const byTopic = new Map<string, FetchedOffset[]>();
  for (const tp of wanted) {
    const c = found.get(tpKey(tp.topic, tp.partition));
    const list = byTopic.get(tp.topic) ?? [];
    list.push({
      partition: tp.partition,
      offset: c?.offset ?? -1n,
      metadata: c?.metadata ?? '',
      errorCode: GroupErrorCode.NONE,
    });
    byTopic.set(tp.topic, list);
  }
  return { errorCode: GroupErrorCode.NONE, topics: [...byTopic].map(([name, partitions]) => ({ name, partitions })) };
}

function tpKey(topic: string, partition: number): string {
  return `${partition}:${topic}`;
}
