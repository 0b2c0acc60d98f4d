/**
 * The contract of a per-opcode handler. A handler decodes its request body
 * (usually one jute record) and either reads the applied tree (`read`),
 * turns the request into a coordinator write (`write`, answered after the
 * txn is durable and applied), waits for every pending write (`sync`), or
 * authenticates the connection (`auth`). Handlers throw CoordError for
 * protocol errors; the connection turns that into the reply's err code.
 */
import type { Id } from '../../coord/acl.js';
import type { OpResult, WriteRequest } from '../../coord/requests.js';
import type { CoordStore } from '../../coord/store.js';
import type { WatchSink } from '../../coord/watches.js';
import type { ByteReader } from '../../wire/byte-reader.js';
import type { ByteWriter } from '../../wire/byte-writer.js';
import { decodeRecord, encodeRecord } from '../jute/codec.js';
import type { RecordName, RecordValue } from '../jute/records.js';
import type { OpName } from '../opcodes.js';

export interface OpContext {
  readonly store: CoordStore;
  readonly sessionId: bigint;
  /** ip:<peer> plus every id added by auth packets on this connection */
  readonly authIds: Id[];
  /** the connection, as the receiver of this session's watch events */
  readonly watcher: WatchSink;
  readonly remoteAddress: string;
}

/** A response body (none = header only): writes itself after the ReplyHeader. */
export interface Reply {
  write(w: ByteWriter): void;
}

export function reply<R extends RecordName>(record: R, value: RecordValue<R>): Reply {
  return { write: (w) => void encodeRecord(record, value, w) };
}

interface HandlerBase<Req> {
  readonly op: OpName;
  decode(r: ByteReader): Req;
}

export interface ReadHandler<Req> extends HandlerBase<Req> {
  readonly kind: 'read';
  run(ctx: OpContext, req: Req): Reply | undefined;
}

export interface WriteHandler<Req> extends HandlerBase<Req> {
  readonly kind: 'write';
  toWrite(ctx: OpContext, req: Req): WriteRequest;
  reply(result: OpResult, req: Req): Reply | undefined;
}

export interface SyncHandler<Req> extends HandlerBase<Req> {
  readonly kind: 'sync';
  reply(req: Req): Reply | undefined;
}

export interface AuthHandler<Req> extends HandlerBase<Req> {
  readonly kind: 'auth';
  /** adds ids to ctx.authIds; throws AUTHFAILED (the connection then closes) */
  authenticate(ctx: OpContext, req: Req): void;
}

/** An opcode Gale knows but answers with an error: ZooKeeper does the same in standalone mode. */
export interface RefusedHandler<Req> extends HandlerBase<Req> {
  readonly kind: 'refused';
  /** keeper error code of the reply */
  readonly err: number;
  /** close the connection after the reply (ZooKeeper does for unimplemented ops) */
  readonly close: boolean;
  readonly why: string;
}

export type OpHandler =
  | ReadHandler<unknown>
  | WriteHandler<unknown>
  | SyncHandler<unknown>
  | AuthHandler<unknown>
  | RefusedHandler<unknown>;

/** decode = read one jute record */
export function body<R extends RecordName>(name: R): (r: ByteReader) => RecordValue<R> {
  return (r) => decodeRecord(name, r);
}

/** for ops without a request body (ping, whoAmI, closeSession) */
export const noBody = (): undefined => undefined;

/** Helpers typed against a concrete request type, erased to OpHandler for the registry. */
export function readOp<Req>(h: Omit<ReadHandler<Req>, 'kind'>): OpHandler {
  return { kind: 'read', ...h } as ReadHandler<unknown>;
}
export function writeOp<Req>(h: Omit<WriteHandler<Req>, 'kind'>): OpHandler {
  return { kind: 'write', ...h } as WriteHandler<unknown>;
}
