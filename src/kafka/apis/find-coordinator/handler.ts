/**
 * FindCoordinator: this node coordinates every group (key type 0) and every
 * transactional id (key type 1). v0-3 ask for one key; v4+ batch them in
 * `coordinatorKeys` and get one entry per key. Both forms are filled; the
 * codec writes the one the request's version has.
 */
import { ErrorCode } from '../../error-codes.js';
import { defineApi, type RequestContext } from '../../handler.js';
import { findCoordinatorApi } from './spec.js';

const KEY_TYPES = new Set([0 /* group */, 1 /* transaction */]);

export const findCoordinator = defineApi({
  spec: findCoordinatorApi,
  advertised: { min: 0, max: 4 },
  handler: (req, ctx) => {
    const answer = (key: string) => coordinatorFor(key, req.keyType, ctx);
    const single = answer(req.key);
    return {
      throttleTimeMs: 0,
      errorCode: single.errorCode,
      errorMessage: single.errorMessage,
      nodeId: single.nodeId,
      host: single.host,
      port: single.port,
      coordinators: req.coordinatorKeys.map(answer),
    };
  },
});

function coordinatorFor(key: string, keyType: number, ctx: RequestContext) {
  const { nodeId, advertisedHost, advertisedPort } = ctx.broker.config;
  if (!KEY_TYPES.has(keyType)) {
    return { key, errorCode: ErrorCode.INVALID_REQUEST, errorMessage: `unknown key type ${keyType}`, nodeId: -1, host: '', port: -1 };
  }
  if (ctx.broker.closing.aborted) {
    return { key, errorCode: ErrorCode.COORDINATOR_NOT_AVAILABLE, errorMessage: 'the broker is shutting down', nodeId: -1, host: '', port: -1 };
  }
  return { key, errorCode: ErrorCode.NONE, errorMessage: null, nodeId, host: advertisedHost, port: advertisedPort };
}
