/**
 * The `Log` seam: everything the engine and the Kafka broker need from a
 * partitioned, durable log. Implementations: `EmbeddedLog` (src/log, the
 * default, in-process) and `KafkaLog` (src/connectors/kafka, a real cluster
 * through kafkajs). Nothing above this interface knows which one it has.
 *
 * Records travel as Kafka record batches v2 (`RecordBatchBytes`), byte for
 * byte as a producer sent them; offsets are bigints because Kafka's are int64.
 */
export interface TopicPartition {
  readonly topic: string;
  readonly partition: number;
}

/** One or more concatenated record batches (magic v2), exactly as on the wire. */
export type RecordBatchBytes = Uint8Array;

export type Acks = 0 | 1 | -1;

export interface TopicSpec {
  readonly partitions: number;
  /** Kafka topic config names and string values, e.g. `{ 'cleanup.policy': 'compact' }` */
  readonly configs?: Readonly<Record<string, string>>;
}

export interface TopicDescription {
  readonly name: string;
  readonly partitions: number;
  /** effective configs: explicit values merged over Kafka's defaults */
  readonly configs: Readonly<Record<string, string>>;
  /** true for internal topics such as `__consumer_offsets` */
  readonly internal: boolean;
}

export interface AppendOptions {
  /** 0: fire and forget; 1 and -1: resolve after the durable append (single node: both mean on disk). */
  readonly acks?: Acks;
}

export interface AppendResult {
  readonly baseOffset: bigint;
  readonly lastOffset: bigint;
  /** broker time stamped into the batch when the topic uses LogAppendTime, else -1n */
  readonly logAppendTime: bigint;
  readonly logStartOffset: bigint;
}

export interface ReadResult {
  /** whole record batches; the first may start before `from` (consumers skip earlier records) */
  readonly records: RecordBatchBytes;
  readonly highWatermark: bigint;
  readonly logStartOffset: bigint;
}

export interface PartitionOffsets {
  readonly logStart: bigint;
  readonly highWatermark: bigint;
}

export interface CommittedOffset extends TopicPartition {
  readonly offset: bigint;
  readonly metadata?: string | null;
}

export interface Log {
  createTopic(name: string, spec: TopicSpec): Promise<void>;
  describeTopic(name: string): Promise<TopicDescription | undefined>;
  listTopics(): Promise<string[]>;
  append(tp: TopicPartition, batch: RecordBatchBytes, opts?: AppendOptions): Promise<AppendResult>;
  /** Whole batches from the one holding `from`, up to about `maxBytes` (at least one batch if any). */
  read(tp: TopicPartition, from: bigint, maxBytes: number): Promise<ReadResult>;
  offsets(tp: TopicPartition): Promise<PartitionOffsets>;
  /** First offset whose timestamp is >= `timestampMs`; undefined when there is none. */
  offsetForTime(tp: TopicPartition, timestampMs: bigint): Promise<bigint | undefined>;
  /**
   * Resolves true as soon as the partition's high watermark is above `offset`,
   * or false after `timeoutMs` (or when `signal` aborts). Used for long polls.
   */
  waitForData(tp: TopicPartition, offset: bigint, timeoutMs: number, signal?: AbortSignal): Promise<boolean>;
  commitOffsets(group: string, offsets: readonly CommittedOffset[]): Promise<void>;
  committedOffsets(group: string, tps: readonly TopicPartition[]): Promise<CommittedOffset[]>;
  close(): Promise<void>;
}
