/**
 * What every part of the engine shares: the two seams, the catalog (in
 * memory and in the coordinator), checkpoints, memory tables and variables
 * shared by all queries, dead-letter writers, and settings.
 */
import type { Coordinator } from '../coord/coordinator.js';
import type { Log } from '../log/log.js';
import type { VariableCell } from '../plan/compile/expr.js';
import type { Clock } from '../runtime/clock.js';
import type { MemoryTable } from '../runtime/table/memory-table.js';
import type { Catalog } from '../sql/catalog.js';
import type { CatalogEntry, CatalogKind, CatalogStore } from './catalog/catalog-store.js';
import type { CheckpointStore } from './queries/checkpoint-store.js';
import type { DeadLetters } from './queries/query-plan.js';

export interface EngineLogger {
  info(msg: string): void;
  warn(msg: string): void;
}

export interface EngineSettings {
  /** directory relative FILE paths and RUN SCRIPT paths resolve against */
  readonly baseDir: string;
  /** partitions of a topic the engine creates when the stream gives no PARTITIONS */
  readonly defaultPartitions: number;
  /** idle timeout of topic partitions when the stream gives no IDLE_TIMEOUT */
  readonly idleTimeoutMs: number;
  readonly checkpointIntervalMs: number;
  readonly ackTimeoutMs: number;
  readonly maxSpoutPending: number;
  /** `gale run --events/--rate`: overrides every generator's EVENTS and RATE */
  readonly generators?: { readonly events?: number; readonly rate?: number };
  readonly clock?: Clock;
}

export class EngineState {
  catalog: Catalog;
  /** catalog entries by `${kind}/${name}` */
  readonly entries = new Map<string, CatalogEntry>();
  readonly tables = new Map<string, MemoryTable>();
  readonly variables = new Map<string, VariableCell>();
  closed = false;

  constructor(
    readonly log: Log,
    readonly coordinator: Coordinator,
    readonly store: CatalogStore,
    readonly checkpoints: CheckpointStore,
    readonly deadLetters: DeadLetters,
    readonly settings: EngineSettings,
    readonly logger: EngineLogger,
    catalog: Catalog,
  ) {
    this.catalog = catalog;
  }

  entry(kind: CatalogKind, name: string): CatalogEntry | undefined {
    return this.entries.get(`${kind}/${name}`);
  }

  remember(e: CatalogEntry): void {
    this.entries.set(`${e.kind}/${e.name}`, e);
  }

  forget(kind: CatalogKind, name: string): void {
    this.entries.delete(`${kind}/${name}`);
  }
}
