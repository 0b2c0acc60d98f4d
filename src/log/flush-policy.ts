/**
 * When appended bytes are fsynced, i.e. when an append is acknowledged:
 *
 *   always          (default) fdatasync before the ack; concurrent appends to a
 *                   partition share one fdatasync (group commit)
 *   interval:<ms>   ack after the write; every <ms> the dirty partitions are fsynced
 *   os              ack after the write; the OS writes back when it likes
 *
 * Segments are fsynced when they roll and on close under every policy.
 */
import { LogError } from './errors.js';

export type FlushPolicy = { readonly kind: 'always' } | { readonly kind: 'interval'; readonly ms: number } | { readonly kind: 'os' };

export function parseFlushPolicy(text: string): FlushPolicy {
  const t = text.trim();
  if (t === 'always') return { kind: 'always' };
  if (t === 'os') return { kind: 'os' };
  const m = /^interval:(\d+)$/.exec(t);
  if (m !== null && Number(m[1]) > 0) return { kind: 'interval', ms: Number(m[1]) };
  throw new LogError('GALE_ERR_LOG_INVALID_REQUEST', `flush policy '${text}': expected always, interval:<ms> (ms > 0) or os`);
}

export function formatFlushPolicy(p: FlushPolicy): string {
  return p.kind === 'interval' ? `interval:${p.ms}` : p.kind;
}
