/**
 * ApiVersions: lists every offered API with the range the registry
 * advertises. The server answers versions above our max itself, with a v0
 * body carrying UNSUPPORTED_VERSION (see connection.ts); client software
 * name/version (v3) are accepted whatever they contain, unlike Kafka, which
 * rejects names outside [a-zA-Z0-9.-].
 */
import type { Registry } from '../../handler.js';
import { defineApi } from '../../handler.js';
import { ErrorCode } from '../../error-codes.js';
import { apiVersionsApi } from './spec.js';

export function apiKeysOf(registry: Registry): { apiKey: number; minVersion: number; maxVersion: number }[] {
  return registry.offered.map((d) => ({ apiKey: d.spec.apiKey, minVersion: d.advertised.min, maxVersion: d.advertised.max }));
}

export const apiVersions = defineApi({
  spec: apiVersionsApi,
  advertised: { min: 0, max: 3 },
  beforeAuth: true,
  handler: (_req, ctx) => ({
    errorCode: ErrorCode.NONE,
    apiKeys: apiKeysOf(ctx.broker.registry),
    throttleTimeMs: 0,
  }),
});
