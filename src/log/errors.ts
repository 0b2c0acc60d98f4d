/**
 * Typed errors of the log (`src/log`), as data.
 *
 * Each code says what went wrong, which Kafka error code the broker answers
 * with (so `src/kafka` translates with a table lookup, never a `switch`), and
 * whether a client may retry. `about` is the documentation of the code.
 */
import { GaleError } from '../errors.js';

export const logErrors = {
  GALE_ERR_LOG_UNKNOWN_TOPIC: {
    kafka: 3, // UNKNOWN_TOPIC_OR_PARTITION
    retriable: true,
    about: 'the topic does not exist',
  },
  GALE_ERR_LOG_UNKNOWN_PARTITION: {
    kafka: 3, // UNKNOWN_TOPIC_OR_PARTITION
    retriable: true,
    about: 'the topic exists but has no partition with that number',
  },
  GALE_ERR_LOG_OFFSET_OUT_OF_RANGE: {
    kafka: 1, // OFFSET_OUT_OF_RANGE
    retriable: false,
    about: 'the offset is below the log start offset or above the high watermark',
  },
  GALE_ERR_LOG_BATCH_TOO_LARGE: {
    kafka: 10, // MESSAGE_TOO_LARGE
    retriable: false,
    about: "a record batch is larger than the topic's max.message.bytes",
  },
  GALE_ERR_LOG_CORRUPT_BATCH: {
    kafka: 2, // CORRUPT_MESSAGE
    retriable: true,
    about: 'bytes that are not a valid record batch v2 (length, magic, CRC32C or record framing)',
  },
  GALE_ERR_LOG_UNSUPPORTED_COMPRESSION: {
    kafka: 76, // UNSUPPORTED_COMPRESSION_TYPE
    retriable: false,
    about: 'a compression codec id other than none, gzip, snappy, lz4, zstd',
  },
  GALE_ERR_LOG_CODEC_NEEDS_ASYNC: {
    kafka: -1, // UNKNOWN_SERVER_ERROR: a programming error, never a client's fault
    retriable: false,
    about: 'zstd has only an asynchronous codec here: use the *Async variant',
  },
  GALE_ERR_LOG_TOPIC_EXISTS: {
    kafka: 36, // TOPIC_ALREADY_EXISTS
    retriable: false,
    about: 'a topic with that name already exists',
  },
  GALE_ERR_LOG_INVALID_TOPIC: {
    kafka: 17, // INVALID_TOPIC_EXCEPTION
    retriable: false,
    about: 'topic name is empty, longer than 249 characters, "." or "..", uses characters outside [a-zA-Z0-9._-], or names an internal topic where that is not allowed',
  },
  GALE_ERR_LOG_INVALID_CONFIG: {
    kafka: 40, // INVALID_CONFIG
    retriable: false,
    about: 'an unknown topic config name or a value outside its allowed range',
  },
  GALE_ERR_LOG_INVALID_PARTITIONS: {
    kafka: 37, // INVALID_PARTITIONS
    retriable: false,
    about: 'partition count is not a positive integer, or does not grow the topic',
  },
  GALE_ERR_LOG_INVALID_REQUEST: {
    kafka: 42, // INVALID_REQUEST
    retriable: false,
    about: 'an argument outside its domain (negative byte budget, bad flush policy, ...)',
  },
  GALE_ERR_LOG_STORAGE: {
    kafka: 56, // KAFKA_STORAGE_ERROR
    retriable: true,
    about: 'the file system failed a write or fsync: the partition refuses appends until a restart recovers it',
  },
  GALE_ERR_LOG_CLOSED: {
    kafka: 6, // NOT_LEADER_OR_FOLLOWER: clients refresh metadata and retry elsewhere
    retriable: true,
    about: 'the log (or the topic) was closed or deleted while the call was in flight',
  },
} as const;

export type LogErrorCode = keyof typeof logErrors;
export const logErrorCodes = Object.keys(logErrors) as LogErrorCode[];

export class LogError extends GaleError<LogErrorCode> {
  override readonly name = 'LogError';

  constructor(code: LogErrorCode, message: string, options: { cause?: unknown; details?: Readonly<Record<string, unknown>> } = {}) {
    super(code, message, { ...options, retriable: logErrors[code].retriable });
  }

  /** The Kafka protocol error code the broker sends for this error. */
  get kafkaCode(): number {
    return logErrors[this.code].kafka;
  }
}

export function isLogError(e: unknown): e is LogError {
  return e instanceof LogError;
}
