/**
 * A service `gale serve` runs: the Kafka port, the ZooKeeper port, the HTTP
 * API, the engine. Each area owns one `<area>-service.ts` exporting a
 * `Service`; serve.ts starts them in order and stops them in reverse.
 */
export interface ServeContext {
  /** root of all persistent state: <dataDir>/log, <dataDir>/coord, ... */
  readonly dataDir: string;
  /** interface to bind, 127.0.0.1 unless told otherwise */
  readonly bind: string;
  /** host advertised to clients (Kafka metadata); defaults to bind */
  readonly advertisedHost: string;
  /** parsed command-line options, by long name (e.g. `kafkaPort`) */
  readonly options: Readonly<Record<string, unknown>>;
  readonly logger: { info(msg: string): void; warn(msg: string): void };
  /** objects started earlier services share with later ones (e.g. `log`, `coordinator`) */
  readonly shared: Map<string, unknown>;
  /** `gale serve FILE.sql ...`: scripts whose statements the engine runs once it is up */
  readonly files?: readonly string[];
}

export interface RunningService {
  /** e.g. `Kafka on 127.0.0.1:9092`; joined into the ready line */
  readonly describe: string;
  close(): Promise<void>;
}

export interface Service {
  readonly name: string;
  /** false when its options turn it off (e.g. a port of -1) or its area is not built yet */
  enabled(ctx: ServeContext): boolean;
  start(ctx: ServeContext): Promise<RunningService>;
}
