/** DescribeCluster: this node is the whole cluster and its controller. */
import { ErrorCode } from '../../error-codes.js';
import { defineApi } from '../../handler.js';
import { describeClusterApi } from './spec.js';

const BROKERS_ENDPOINT = 1;

export const describeCluster = defineApi({
  spec: describeClusterApi,
  advertised: { min: 0, max: 1 },
  handler: (req, ctx) => {
    const c = ctx.broker.config;
    if (req.endpointType !== BROKERS_ENDPOINT) {
      return { errorCode: ErrorCode.UNSUPPORTED_ENDPOINT_TYPE, errorMessage: `endpoint type ${req.endpointType} is not served here`, endpointType: req.endpointType, clusterId: c.clusterId };
    }
    return {
      throttleTimeMs: 0,
      errorCode: ErrorCode.NONE,
      errorMessage: null,
      endpointType: BROKERS_ENDPOINT,
      clusterId: c.clusterId,
      controllerId: c.nodeId,
      brokers: [{ brokerId: c.nodeId, host: c.advertisedHost, port: c.advertisedPort, rack: null }],
    };
  },
});
