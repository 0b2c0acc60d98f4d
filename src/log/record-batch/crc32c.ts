/**
 * CRC-32C (Castagnoli), the checksum of record batch v2.
 *
 * Two native implementations, the faster one first:
 * - `sse4_crc32` (optional dependency, compiled by node-gyp at install):
 *   about 1.2–2× @node-rs/crc32 on this project's machines (1 MiB and
 *   16 KiB inputs; `npm run bench -- log` re-measures both). The CRC of
 *   every appended batch is the log's main CPU cost, so this is what moves
 *   append throughput toward the raw disk ceiling.
 * - `@node-rs/crc32` (prebuilt napi binary from npm): the fallback when
 *   sse4_crc32 did not build or load, or reports no SSE4.2 (its own
 *   fallback is a byte table, slower than @node-rs).
 * `GALE_CRC32C=node-rs` forces the fallback (for A/B benchmarks, or if the
 * compiled addon misbehaves on some host).
 */
import { createRequire } from 'node:module';
import { crc32c as nodeRsCrc32c } from '@node-rs/crc32';

type Crc = (bytes: Uint8Array, initial: number) => number;

interface Sse4Module {
  readonly hardware_support?: boolean;
  readonly sse42_crc?: (input: Uint8Array, initial?: number) => number;
}

function loadSse4(): Crc | undefined {
  if (process.env['GALE_CRC32C'] === 'node-rs') return undefined;
  try {
    const m = createRequire(import.meta.url)('sse4_crc32') as Sse4Module;
    const fn = m.sse42_crc;
    if (m.hardware_support !== true || typeof fn !== 'function') return undefined;
    // one known answer before trusting a binary built on this host
    if (fn(Buffer.from('123456789'), 0) >>> 0 !== 0xe3069283) return undefined;
    return fn;
  } catch {
    return undefined; // not installed (optional) or failed to build/load
  }
}

const sse4 = loadSse4();

/** Which implementation `crc32c` uses (for benchmarks and diagnostics). */
export const crc32cImplementation: 'sse4_crc32' | '@node-rs/crc32' = sse4 === undefined ? '@node-rs/crc32' : 'sse4_crc32';

/** The @node-rs/crc32 implementation, always available (tests compare both). */
export function crc32cPortable(bytes: Uint8Array, initial = 0): number {
  return nodeRsCrc32c(bytes as Buffer, initial) >>> 0;
}

export const crc32c: (bytes: Uint8Array, initial?: number) => number =
  sse4 === undefined ? crc32cPortable : (bytes, initial = 0) => sse4(bytes, initial) >>> 0;
