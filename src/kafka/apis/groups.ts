/**
 * The consumer-group APIs (FindCoordinator, JoinGroup, SyncGroup, Heartbeat,
 * LeaveGroup, OffsetCommit, OffsetFetch, DescribeGroups, ListGroups,
 * DeleteGroups). OWNED BY THE CONSUMER-GROUP ENGINEER: each entry is
 * `defineApi({ spec, advertised, handler })` from ../handler.js; the
 * registry (../registry.ts) merges this list with the broker's own APIs.
 */
import type { AnyApiDefinition } from '../handler.js';

export const groupApis: readonly AnyApiDefinition[] = [];
