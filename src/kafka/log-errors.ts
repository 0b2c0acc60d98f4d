/**
 * Turning failures from the log into Kafka error codes: a LogError carries
 * its Kafka code (src/log/errors.ts is the table); anything else is a bug or
 * an I/O surprise, logged once and answered UNKNOWN_SERVER_ERROR so the
 * client sees an error for that partition and the connection stays up.
 */
import { isLogError } from '../log/errors.js';
import { ErrorCode } from './error-codes.js';
import type { BrokerLogger } from './handler.js';

export interface CodedFailure {
  readonly code: number;
  readonly message: string;
}

export function failureOf(err: unknown, logger: BrokerLogger, what: string): CodedFailure {
  if (isLogError(err)) return { code: err.kafkaCode, message: err.message };
  if (err instanceof Error && typeof (err as { kafkaCode?: unknown }).kafkaCode === 'number') {
    return { code: (err as unknown as { kafkaCode: number }).kafkaCode, message: err.message };
  }
  const message = err instanceof Error ? err.message : String(err);
  logger.warn(`kafka: ${what}: ${message}`);
  return { code: ErrorCode.UNKNOWN_SERVER_ERROR, message };
}
