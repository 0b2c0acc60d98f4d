/**
 * The consumer-group APIs (FindCoordinator, JoinGroup, SyncGroup, Heartbeat,
 * LeaveGroup, OffsetCommit, OffsetFetch, DescribeGroups, ListGroups,
 * DeleteGroups), each `defineApi({ spec, advertised, handler })`. The
 * registry (../registry.ts) merges this list with the broker's own APIs.
 * Advertised ranges follow protocols.md A2.1 (min 0 for librdkafka's feature
 * probes; max = what the target clients use).
 */
import type { AnyApiDefinition } from '../handler.js';
import { deleteGroups } from './delete-groups/handler.js';
import { describeGroups } from './describe-groups/handler.js';
import { findCoordinator } from './find-coordinator/handler.js';
import { heartbeat } from './heartbeat/handler.js';
import { joinGroup } from './join-group/handler.js';
import { leaveGroup } from './leave-group/handler.js';
import { listGroups } from './list-groups/handler.js';
import { offsetCommit } from './offset-commit/handler.js';
import { offsetFetch } from './offset-fetch/handler.js';
import { syncGroup } from './sync-group/handler.js';

export const groupApis: readonly AnyApiDefinition[] = [
  offsetCommit,
  offsetFetch,
  findCoordinator,
  joinGroup,
  heartbeat,
  leaveGroup,
  syncGroup,
  describeGroups,
  listGroups,
  deleteGroups,
];
