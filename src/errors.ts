/**
 * GaleError: the one error base for every area (sql, plan, runtime, log, coord,
 * kafka, zookeeper, engine, cli).
 *
 * Codes are stable strings named `GALE_ERR_<AREA>_<WHAT>`. Each area keeps its own
 * code table next to its code (e.g. `src/log/errors.ts`) as `as const` data and
 * registers it in `src/error-codes.ts`, which is the single registry tests check
 * against the documentation. Protocol error numbers (Kafka's int16 codes,
 * ZooKeeper's negative ints) are mapped from these codes by data tables in the
 * wire servers, never by `switch`es scattered in handlers.
 */
export interface SourceSpan {
  /** file name as given by the user, or `<stdin>` / `<repl>` */
  readonly file?: string;
  /** 1-based line and column of the first character */
  readonly line: number;
  readonly column: number;
  /** 0-based character offsets [start, end) into the source text */
  readonly start: number;
  readonly end: number;
}

export interface GaleErrorOptions {
  readonly cause?: unknown;
  readonly retriable?: boolean;
  readonly span?: SourceSpan;
  readonly details?: Readonly<Record<string, unknown>>;
}

export class GaleError<C extends string = string> extends Error {
  override readonly name: string = 'GaleError';
  readonly code: C;
  readonly retriable: boolean;
  readonly span: SourceSpan | undefined;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: C, message: string, options: GaleErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.retriable = options.retriable ?? false;
    this.span = options.span;
    this.details = options.details;
  }
}

export function isGaleError(e: unknown): e is GaleError {
  return e instanceof GaleError;
}
