/**
 * kafka-python's SASL transport: after SaslHandshake v0 the client sends
 * each SASL token as a bare length-prefixed frame (no request header) and
 * expects bare frames back. A failed exchange closes the connection, as
 * Kafka does on this path (there is no error field to carry it).
 */
import { KafkaError } from '../errors.js';
import type { Broker, ConnectionContext } from '../handler.js';
import { saslStep } from './mechanisms.js';

/** Handles one raw token; resolves to the reply payload to frame, or null for none. */
export function rawSaslToken(frame: Buffer, conn: ConnectionContext, broker: Broker): Promise<Buffer | null> {
  const config = broker.config.sasl;
  if (config === undefined) {
    return Promise.reject(new KafkaError('GALE_ERR_KAFKA_SASL_FAILED', 'raw SASL frame but SASL is off'));
  }
  const step = saslStep(config, conn.sasl, frame);
  if (step.error !== undefined) {
    return Promise.reject(new KafkaError('GALE_ERR_KAFKA_SASL_FAILED', `SASL ${conn.sasl.mechanism ?? ''} failed: ${step.error}`));
  }
  if (step.authenticated) {
    conn.sasl.authenticated = true;
    conn.sasl.rawFrames = false;
  }
  return Promise.resolve(step.reply);
}
