/**
 * SASL against users configured at start: kafkajs logs in with PLAIN,
 * SCRAM-SHA-256 and SCRAM-SHA-512 and then produces; a wrong password or an
 * unknown user is refused; a client that skips SASL gets nothing but
 * ApiVersions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SASLOptions } from 'kafkajs';
import { startBroker, type TestBroker } from './broker.js';

let broker: TestBroker;

beforeAll(async () => {
  broker = await startBroker({ saslUsers: new Map([['alice', 'alice-secret'], ['bob', 'b0b,=pass']]) });
});
afterAll(async () => {
  await broker.stop();
});

const mechanisms = ['plain', 'scram-sha-256', 'scram-sha-512'] as const;

function sasl(mechanism: (typeof mechanisms)[number], username: string, password: string): SASLOptions {
  return { mechanism, username, password } as SASLOptions;
}

describe('SASL', () => {
  for (const mechanism of mechanisms) {
    it(`${mechanism}: the right password logs in and can produce`, async () => {
      const producer = broker.kafka({ sasl: sasl(mechanism, 'bob', 'b0b,=pass') }).producer();
      await producer.connect();
      try {
        const [r] = await producer.send({ topic: `sasl-${mechanism}`, messages: [{ value: 'hello' }] });
        expect(r!.errorCode).toBe(0);
      } finally {
        await producer.disconnect();
      }
    });

    it(`${mechanism}: a wrong password or unknown user is refused`, async () => {
      for (const [user, password] of [['alice', 'wrong'], ['mallory', 'alice-secret']] as const) {
        const admin = broker.kafka({ sasl: sasl(mechanism, user, password), retry: { retries: 0 } }).admin();
        await expect(admin.connect()).rejects.toThrow(/SASL|authentication/i);
        await admin.disconnect();
      }
    });
  }

  it('a client without SASL cannot use anything beyond ApiVersions', async () => {
    const admin = broker.kafka({ retry: { retries: 0 }, connectionTimeout: 1000 }).admin();
    await expect(admin.connect().then(() => admin.listTopics())).rejects.toThrow();
    await admin.disconnect();
    expect(broker.warnings.some((w) => /before SASL authentication/.test(w))).toBe(true);
  });
});
