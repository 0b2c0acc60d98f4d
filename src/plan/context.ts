/**
 * What planning one script needs besides the script: the catalog, where
 * relative FILE paths start, run options, and the shared runtime objects the
 * compiled code captures (memory tables, variable cells, the clock behind
 * now()).
 */
import type { Catalog, StreamDef } from '../sql/catalog.js';
import type { Source } from '../runtime/spouts/source.js';
import type { FunctionContext } from '../sql/functions/index.js';
import type { Clock } from '../runtime/clock.js';
import type { MemoryTable } from '../runtime/table/memory-table.js';
import type { RowSink } from '../runtime/bolts/sink.js';
import type { Layout } from '../runtime/layout.js';
import type { VariableCell } from './compile/expr.js';

export interface PlanOptions {
  /** directory relative FILE paths are resolved against (the .sql file's directory) */
  readonly baseDir: string;
  /** also tried for input files not found under baseDir */
  readonly cwd?: string;
  /** tasks for parallelizable components (default 1) */
  readonly parallelism?: number;
  /** overrides every generator's EVENTS */
  readonly events?: number;
  /** overrides every generator's RATE (events per second of wall time) */
  readonly rate?: number;
  /**
   * Where rows go that have no FILE binding (push queries, output streams).
   * Default: JSON lines on stdout.
   */
  readonly terminal?: (stream: string, layout: Layout, labelled: boolean) => RowSink;
  /** replaces every sink (benchmarks, tests) */
  readonly sinkOverride?: (stream: string, layout: Layout) => RowSink;
  readonly clock?: Clock;
  /** false: do not insist that input files exist (EXPLAIN) */
  readonly requireInputFiles?: boolean;
  /**
   * Streams with neither FILE nor GENERATOR are topics of the engine's log
   * (src/engine): their spout source and their sink.
   */
  readonly topics?: {
    source(def: StreamDef): Source;
    sink(def: StreamDef, layout: Layout): RowSink;
    /** for EXPLAIN, e.g. `topic orders` */
    describe(def: StreamDef): string;
  };
  /** memory tables and variable cells shared with other plans (the engine's queries), by name */
  readonly tables?: Map<string, MemoryTable>;
  readonly variables?: Map<string, VariableCell>;
}

export interface PlanContext {
  readonly catalog: Catalog;
  readonly options: PlanOptions;
  readonly tables: Map<string, MemoryTable>;
  readonly variables: Map<string, VariableCell>;
  readonly fn: FunctionContext;
}
