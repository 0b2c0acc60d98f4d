/**
 * Two-way completeness of the op registry (STYLE convention 3): every opcode
 * a target client can send has a handler (or an explicit refusal), every
 * handler's opcode exists, and the exemption list holds no stale entries.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { handlers } from '../../../src/zookeeper/ops/index.js';
import { OpCode, opName } from '../../../src/zookeeper/opcodes.js';

const nodeJute = createRequire(import.meta.url)('node-zookeeper-client/lib/jute/index.js') as { OP_CODES: Record<string, number> };

/** opcodes sent by kazoo 2.8, the C client 3.8 and the Java client 3.8 (protocols.md B2) */
const otherClients = [1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 100, 101, 102, 103, 104, 105, 106, 107, -11];

/** codes that are not requests a client sends, with why */
const notRequests: Readonly<Record<number, string>> = {
  [OpCode.notification]: 'server -> client only (xid -1)',
  [OpCode.createSession]: 'the ConnectRequest handshake, not an op',
  [OpCode.error]: 'only a result type inside multi responses',
  [OpCode.deleteContainer]: 'server-internal: the container reaper',
};

describe('op registry', () => {
  it('has a handler for every opcode node-zookeeper-client can send', () => {
    const missing = Object.entries(nodeJute.OP_CODES)
      .filter(([, code]) => !(code in notRequests) && !handlers.has(code))
      .map(([name]) => name);
    expect(missing).toEqual([]);
  });

  it('has a handler for every opcode kazoo, the C client and the Java client send', () => {
    expect(otherClients.filter((c) => !handlers.has(c)).map(opName)).toEqual([]);
  });

  it('lists every known opcode as handled or as not a request, and nothing stale', () => {
    for (const code of Object.values(OpCode)) {
      expect(handlers.has(code) || code in notRequests, opName(code)).toBe(true);
      expect(handlers.has(code) && code in notRequests, `stale exemption ${opName(code)}`).toBe(false);
    }
    for (const [code, h] of handlers) expect(OpCode[h.op]).toBe(code);
  });

  it('refuses only what a standalone ZooKeeper refuses', () => {
    const refused = [...handlers.values()].filter((h) => h.kind === 'refused').map((h) => h.op).sort();
    expect(refused).toEqual(['reconfig', 'sasl']);
  });
});
