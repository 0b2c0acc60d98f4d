/**
 * The handler contract: what every Kafka API handler receives and returns.
 *
 *   handler(request, ctx) => response | Promise<response> | NO_RESPONSE
 *
 * - `request` is the decoded body with EVERY field of the spec present
 *   (fields the client's version lacks hold their defaults), so a handler
 *   never looks at the version. Byte fields (`records`, `bytes`) are views
 *   into the request frame, not copies.
 * - `ctx.header`: api key, version, correlation id, client id.
 * - `ctx.connection`: the client connection (id, peer, client id, SASL
 *   state, an AbortSignal that fires when the socket closes — long polls
 *   must listen to it).
 * - `ctx.broker`: the broker — its config (node id, advertised host/port,
 *   cluster id, auto-create, SASL users), the log (the `Log` seam backed by
 *   EmbeddedLog), the registry, a logger, `shared(key, create)` for
 *   per-broker state such as the group coordinator, and `onClose(fn)`.
 * - The response is a plain object; any field left out encodes as its
 *   default. The server encodes it at the request's version, frames it
 *   with the right header and writes responses in request order per
 *   connection, even when handlers finish out of order.
 * - Return NO_RESPONSE only where the protocol sends nothing (Produce with
 *   acks=0). A handler that throws closes that one connection with a log
 *   line; expected failures are Kafka error codes in the response instead.
 */
import type { BrokerLog } from './broker-log.js';
import type { RequestHeader } from './protocol/header.js';
import type { ApiSpec, RequestOf, ResponseOf } from './protocol/spec.js';

export const NO_RESPONSE: unique symbol = Symbol('kafka.noResponse');
export type NoResponse = typeof NO_RESPONSE;

export interface SaslConfig {
  /** user name → password, as given by `gale serve --sasl-users <file>` */
  readonly users: ReadonlyMap<string, string>;
  /** mechanisms offered, e.g. ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'] */
  readonly mechanisms: readonly string[];
}

export interface BrokerConfig {
  readonly nodeId: number;
  /** host and port clients are told to connect to (Metadata, FindCoordinator) */
  readonly advertisedHost: string;
  readonly advertisedPort: number;
  readonly clusterId: string;
  /** create unknown topics on Metadata requests (Kafka's auto.create.topics.enable) */
  readonly autoCreateTopics: boolean;
  /** partitions for auto-created topics and CreateTopics with num_partitions = -1 */
  readonly defaultPartitions: number;
  readonly maxFrameBytes: number;
  /** undefined: SASL off (the default) */
  readonly sasl: SaslConfig | undefined;
}

export interface BrokerLogger {
  info(message: string): void;
  warn(message: string): void;
}

/** Per-connection SASL progress; `authenticated` stays true when SASL is off. */
export interface SaslState {
  mechanism: string | null;
  authenticated: boolean;
  user: string | null;
  /** kafka-python's path: after SaslHandshake v0, raw SASL tokens arrive as bare frames */
  rawFrames: boolean;
  /** the mechanism's exchange in progress (SCRAM needs two rounds) */
  exchange: unknown;
}

export interface ConnectionContext {
  readonly id: number;
  readonly remoteAddress: string;
  readonly remotePort: number;
  /** client id of the latest request on this connection */
  clientId: string | null;
  readonly sasl: SaslState;
  /** aborts when the socket closes */
  readonly closed: AbortSignal;
}

export interface Broker {
  readonly config: BrokerConfig;
  readonly log: BrokerLog;
  readonly logger: BrokerLogger;
  readonly registry: Registry;
  /** Per-broker state shared by handlers, created on first use (e.g. the group coordinator). */
  shared<T>(key: symbol, create: (broker: Broker) => T): T;
  /** Runs `fn` when the broker stops (timers, pending waits). */
  onClose(fn: () => void | Promise<void>): void;
  /** aborts when the broker stops */
  readonly closing: AbortSignal;
}

export interface RequestContext {
  readonly header: RequestHeader;
  readonly connection: ConnectionContext;
  readonly broker: Broker;
}

export type HandlerResult<A extends ApiSpec> = ResponseOf<A> | NoResponse;

export type Handler<A extends ApiSpec> = (
  request: RequestOf<A>,
  ctx: RequestContext,
) => HandlerResult<A> | Promise<HandlerResult<A>>;

/** One Kafka API as the broker offers it. */
export interface ApiDefinition<A extends ApiSpec = ApiSpec> {
  readonly spec: A;
  /** the version range ApiVersions advertises; every version in it is decoded by `spec` */
  readonly advertised: { readonly min: number; readonly max: number };
  readonly handler: Handler<A>;
  /** allowed before SASL authentication completes (ApiVersions, SaslHandshake, SaslAuthenticate) */
  readonly beforeAuth?: boolean;
}

/** Type-erased definition, as stored in the registry. */
export interface AnyApiDefinition {
  readonly spec: ApiSpec;
  readonly advertised: { readonly min: number; readonly max: number };
  readonly handler: (request: unknown, ctx: RequestContext) => unknown;
  readonly beforeAuth?: boolean;
}

/** Checks a definition against its spec's types, then erases them for the registry. */
export function defineApi<A extends ApiSpec>(def: ApiDefinition<A>): AnyApiDefinition {
  return def as unknown as AnyApiDefinition;
}

/** An API the broker knows of but deliberately does not offer, with the reason. */
export interface NotImplementedApi {
  readonly apiKey: number;
  readonly name: string;
  readonly why: string;
}

export interface Registry {
  /** apiKey → definition, for dispatch */
  get(apiKey: number): AnyApiDefinition | undefined;
  /** every offered API, ascending key: what ApiVersions lists */
  readonly offered: readonly AnyApiDefinition[];
  readonly notImplemented: readonly NotImplementedApi[];
}
