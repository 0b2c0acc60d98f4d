/**
 * Stream groupings (Storm's vocabulary): how an edge splits a batch among the
 * tasks of the component it feeds.
 *
 * - shuffle: equal shares per task. Within one process the batch is cut into
 *   contiguous slices, so arrival order is preserved end to end and results
 *   never depend on parallelism.
 * - local-or-shuffle: the upstream task's "own" downstream task when both
 *   sides have the same parallelism (no split at all), else shuffle.
 * - fields: same key → same task; the task is Kafka's default-partitioner
 *   choice for the key's bytes (murmur2), so keyed topics and keyed bolts
 *   agree. A NULL key goes to task 0.
 * - all: every task gets the whole batch.
 * - global: the whole stream goes to task 0 (the lowest id).
 */
import type { FieldType } from './layout.js';
import type { Row } from './message.js';
import { KeyBytesEncoder } from './key-bytes.js';
import { murmur2, toPositive } from './murmur2.js';

export { murmur2, toPositive, kafkaPartition } from './murmur2.js';

export type Grouping =
  | { readonly kind: 'shuffle' }
  | { readonly kind: 'local-or-shuffle' }
  | {
      readonly kind: 'fields';
      /** positions of the key fields in the upstream layout */
      readonly fields: readonly number[];
      readonly names: readonly string[];
      readonly types: readonly FieldType[];
    }
  | { readonly kind: 'all' }
  | { readonly kind: 'global' };

export type GroupingKind = Grouping['kind'];

export interface Router {
  /**
   * Splits rows emitted by upstream task `from` into one batch per target
   * task (undefined: nothing for that task). The returned array is reused by
   * the next call; the batches inside it are fresh.
   */
  route(rows: Row[], from: number): readonly (Row[] | undefined)[];
}

export function makeRouter(g: Grouping, targets: number, upstreamTasks: number): Router {
  if (targets < 1) throw new RangeError('a component needs at least one task');
  const out: (Row[] | undefined)[] = new Array<Row[] | undefined>(targets).fill(undefined);
  const clear = (): void => {
    for (let i = 0; i < targets; i++) out[i] = undefined;
  };
  if (targets === 1 && g.kind !== 'all') {
    return {
      route(rows) {
        out[0] = rows;
        return out;
      },
    };
  }
  switch (g.kind) {
    case 'global':
      return {
        route(rows) {
          clear();
          out[0] = rows;
          return out;
        },
      };
    case 'all':
      return {
        route(rows) {
          for (let i = 0; i < targets; i++) out[i] = rows;
          return out;
        },
      };
    case 'shuffle':
      return { route: (rows) => slice(rows, out, targets) };
    case 'local-or-shuffle':
      if (upstreamTasks === targets) {
        return {
          route(rows, from) {
            clear();
            out[from] = rows;
            return out;
          },
        };
      }
      return { route: (rows) => slice(rows, out, targets) };
    case 'fields': {
      const enc = new KeyBytesEncoder(g.fields, g.types);
      return {
        route(rows) {
          clear();
          for (let r = 0; r < rows.length; r++) {
            const row = rows[r]!;
            const len = enc.encode(row);
            const t = len < 0 ? 0 : toPositive(murmur2(enc.bytes, 0, len)) % targets;
            const b = out[t];
            if (b === undefined) out[t] = [row];
            else b.push(row);
          }
          return out;
        },
      };
    }
  }
}

/** Task a key goes to under a fields grouping (exposed for tests and for keyed appends). */
export function fieldsTask(row: Row, fields: readonly number[], types: readonly FieldType[], targets: number): number {
  const enc = new KeyBytesEncoder(fields, types);
  const len = enc.encode(row);
  return len < 0 ? 0 : toPositive(murmur2(enc.bytes, 0, len)) % targets;
}

function slice(rows: Row[], out: (Row[] | undefined)[], targets: number): (Row[] | undefined)[] {
  const n = rows.length;
  const per = Math.ceil(n / targets);
  for (let t = 0; t < targets; t++) {
    const from = t * per;
    out[t] = from < n ? rows.slice(from, Math.min(n, from + per)) : undefined;
  }
  return out;
}
