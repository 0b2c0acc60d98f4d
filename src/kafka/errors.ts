/**
 * Gale's own error codes for the Kafka wire server (GALE_ERR_KAFKA_*).
 * Kafka's int16 protocol error codes are a separate table: error-codes.ts.
 */
import { GaleError } from '../errors.js';

export const kafkaErrors = {
  GALE_ERR_KAFKA_MALFORMED_REQUEST: 'a request body or header does not decode at the version it claims',
  GALE_ERR_KAFKA_ENCODE: 'an encoder was given a value its field cannot carry at this version (a handler bug)',
  GALE_ERR_KAFKA_UNSUPPORTED_API: 'api key or version not offered by this broker',
  GALE_ERR_KAFKA_UNAUTHENTICATED: 'a request arrived before SASL authentication completed',
  GALE_ERR_KAFKA_SASL_FAILED: 'SASL authentication failed',
  GALE_ERR_KAFKA_CORRUPT_BATCH: 'a record batch failed validation (size, magic, CRC)',
  GALE_ERR_KAFKA_CONFIG: 'broker configuration given at start is invalid (e.g. the SASL users file)',
} as const;

export type KafkaErrorCode = keyof typeof kafkaErrors;

export class KafkaError extends GaleError<KafkaErrorCode> {
  override readonly name = 'KafkaError';
}
