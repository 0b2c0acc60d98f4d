/**
 * The message-spec format: Kafka's JSON message definitions
 * (clients/src/main/resources/common/message/*.json) as TypeScript `as const`
 * data. One spec per message covers every version; each field carries the
 * versions it exists in, the versions it may be null in, its default and, for
 * tagged fields, its tag. The generic codec (codec.ts) applies a version, so
 * handlers never branch on it.
 *
 * Field names are the JSON names in camelCase (`ErrorCode` → `errorCode`).
 * Field types:
 *   bool int8 int16 uint16 int32 uint32 int64 float64 uuid string bytes records
 *   { type: 'array', items: <primitive> }           e.g. []int32
 *   { type: 'array', items: [ ...fields ] }         e.g. []FetchTopic
 *   { type: 'struct', fields: [ ...fields ] }       a single nested struct
 *
 * Defaults follow Kafka's README: numbers 0, int64 0n, bool false, string '',
 * bytes empty, uuid all-zero, records null, arrays empty, structs all-default;
 * a field's `default` overrides that.
 */
import type { Versions } from './versions.js';

export type PrimitiveType =
  | 'bool'
  | 'int8'
  | 'int16'
  | 'uint16'
  | 'int32'
  | 'uint32'
  | 'int64'
  | 'float64'
  | 'uuid'
  | 'string'
  | 'bytes'
  | 'records';

export type FieldDefault = number | bigint | boolean | string | null;

interface FieldBase {
  readonly name: string;
  readonly versions: Versions;
  readonly nullableVersions?: Versions;
  /** tagged fields only: their tag number and the versions they are tagged in */
  readonly tag?: number;
  readonly taggedVersions?: Versions;
  readonly about?: string;
}

export interface PrimitiveField extends FieldBase {
  readonly type: PrimitiveType;
  readonly default?: FieldDefault;
}

export interface ArrayField extends FieldBase {
  readonly type: 'array';
  /** the Kafka struct name of the elements, for comments and errors */
  readonly struct?: string;
  readonly items: PrimitiveType | readonly FieldSpec[];
}

export interface StructField extends FieldBase {
  readonly type: 'struct';
  readonly struct?: string;
  readonly fields: readonly FieldSpec[];
}

export type FieldSpec = PrimitiveField | ArrayField | StructField;

export interface MessageSpec {
  readonly name: string;
  readonly apiKey: number;
  readonly type: 'request' | 'response';
  readonly validVersions: Versions;
  readonly flexibleVersions: Versions;
  readonly fields: readonly FieldSpec[];
}

/** A request spec and its response spec: one Kafka API. */
export interface ApiSpec<Req extends MessageSpec = MessageSpec, Res extends MessageSpec = MessageSpec> {
  readonly apiKey: number;
  readonly name: string;
  readonly request: Req;
  readonly response: Res;
}

// ---- TypeScript types derived from the data ----

type PrimitiveValue<T> = T extends 'bool'
  ? boolean
  : T extends 'int64'
    ? bigint
    : T extends 'string' | 'uuid'
      ? string
      : T extends 'bytes' | 'records'
        ? Buffer
        : number;

/** What encoders accept: records may be a list of chunks (fetch passes file bytes without copying). */
type PrimitiveInput<T> = T extends 'records'
  ? Uint8Array | readonly Uint8Array[]
  : T extends 'bytes'
    ? Uint8Array
    : PrimitiveValue<T>;

type NullIf<F> = F extends { readonly nullableVersions: string } ? null : F extends { readonly type: 'records' } ? null : never;

type FieldValue<F> =
  | (F extends { readonly type: 'array'; readonly items: infer I }
      ? I extends readonly FieldSpec[]
        ? Message<I>[]
        : PrimitiveValue<I>[]
      : F extends { readonly type: 'struct'; readonly fields: infer S extends readonly FieldSpec[] }
        ? Message<S>
        : F extends { readonly type: infer P }
          ? PrimitiveValue<P>
          : never)
  | NullIf<F>;

type FieldInput<F> =
  | (F extends { readonly type: 'array'; readonly items: infer I }
      ? I extends readonly FieldSpec[]
        ? readonly MessageInput<I>[]
        : readonly PrimitiveInput<I>[]
      : F extends { readonly type: 'struct'; readonly fields: infer S extends readonly FieldSpec[] }
        ? MessageInput<S>
        : F extends { readonly type: infer P }
          ? PrimitiveInput<P>
          : never)
  | NullIf<F>;

/** A decoded message: every field present (fields absent in the version hold their default). */
export type Message<Fs extends readonly FieldSpec[]> = {
  -readonly [F in Fs[number] as F['name']]: FieldValue<F>;
};

/** What the encoder takes: any field may be left out and then encodes as its default. */
export type MessageInput<Fs extends readonly FieldSpec[]> = {
  readonly [F in Fs[number] as F['name']]?: FieldInput<F>;
};

export type RequestOf<A extends ApiSpec> = Message<A['request']['fields']>;
export type ResponseOf<A extends ApiSpec> = MessageInput<A['response']['fields']>;
export type DecodedResponseOf<A extends ApiSpec> = Message<A['response']['fields']>;
