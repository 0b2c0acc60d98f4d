/**
 * Server side of the SASL mechanisms Gale offers: PLAIN (RFC 4616) and
 * SCRAM-SHA-256/512 (RFC 5802, RFC 7677), checked against the users given at
 * start. One `saslStep` serves both transports: the SaslAuthenticate API and
 * kafka-python's raw token frames after SaslHandshake v0.
 */
import { createHash, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';
import type { SaslConfig, SaslState } from '../handler.js';

export const SASL_MECHANISMS = ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'] as const;

export interface SaslStepResult {
  /** bytes to send back (empty for PLAIN success) */
  readonly reply: Buffer;
  /** the exchange finished successfully */
  readonly authenticated: boolean;
  /** set when authentication failed; the exchange is over */
  readonly error?: string;
}

const SCRAM_ITERATIONS = 4096;

interface ScramCredential {
  readonly salt: Buffer;
  readonly storedKey: Buffer;
  readonly serverKey: Buffer;
}

interface ScramExchange {
  readonly kind: 'scram';
  readonly user: string;
  readonly nonce: string;
  readonly clientFirstBare: string;
  readonly serverFirst: string;
  readonly cred: ScramCredential;
}

function hashOf(mechanism: string): 'sha256' | 'sha512' {
  return mechanism === 'SCRAM-SHA-512' ? 'sha512' : 'sha256';
}

const credCache = new WeakMap<SaslConfig, Map<string, ScramCredential>>();

/** SCRAM credentials are derived once per (config, mechanism, user), as a server would store them. */
function scramCredential(config: SaslConfig, mechanism: string, user: string): ScramCredential | undefined {
  const password = config.users.get(user);
  if (password === undefined) return undefined;
  let byKey = credCache.get(config);
  if (byKey === undefined) credCache.set(config, (byKey = new Map()));
  const key = `${mechanism}\u0000${user}`;
  let cred = byKey.get(key);
  if (cred === undefined) {
    const h = hashOf(mechanism);
    const salt = randomBytes(16);
    const salted = pbkdf2Sync(password, salt, SCRAM_ITERATIONS, h === 'sha256' ? 32 : 64, h);
    const clientKey = createHmac(h, salted).update('Client Key').digest();
    cred = {
      salt,
      storedKey: createHash(h).update(clientKey).digest(),
      serverKey: createHmac(h, salted).update('Server Key').digest(),
    };
    byKey.set(key, cred);
  }
  return cred;
}

function fail(error: string): SaslStepResult {
  return { reply: Buffer.alloc(0), authenticated: false, error };
}

function plainStep(config: SaslConfig, state: SaslState, token: Buffer): SaslStepResult {
  const parts = token.toString('utf8').split('\u0000');
  if (parts.length !== 3) return fail('malformed PLAIN token');
  const [, user, password] = parts as [string, string, string];
  const expected = config.users.get(user);
  if (expected === undefined || !sameString(expected, password)) {
    return fail(`Authentication failed: Invalid username or password`);
  }
  state.user = user;
  return { reply: Buffer.alloc(0), authenticated: true };
}

function sameString(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function attrs(msg: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const part of msg.split(',')) {
    const eq = part.indexOf('=');
    if (eq === 1) m.set(part[0]!, part.slice(2));
  }
  return m;
}

function scramFirst(config: SaslConfig, state: SaslState, token: Buffer): SaslStepResult {
  const msg = token.toString('utf8');
  // gs2 header "n,," or "n,a=authzid," then client-first-bare "n=user,r=nonce"
  const m = /^[ny],(?:a=[^,]*)?,(.*)$/.exec(msg);
  if (m === null) return fail('malformed SCRAM client-first message');
  const clientFirstBare = m[1]!;
  const a = attrs(clientFirstBare);
  const user = (a.get('n') ?? '').replace(/=2C/g, ',').replace(/=3D/g, '=');
  const clientNonce = a.get('r');
  if (clientNonce === undefined || clientNonce.length === 0) return fail('SCRAM client-first without a nonce');
  const mechanism = state.mechanism ?? 'SCRAM-SHA-256';
  const cred = scramCredential(config, mechanism, user);
  if (cred === undefined) return fail(`Authentication failed during authentication due to invalid credentials with SASL mechanism ${mechanism}`);
  const nonce = clientNonce + randomBytes(18).toString('base64');
  const serverFirst = `r=${nonce},s=${cred.salt.toString('base64')},i=${SCRAM_ITERATIONS}`;
  const exchange: ScramExchange = { kind: 'scram', user, nonce, clientFirstBare, serverFirst, cred };
  state.exchange = exchange;
  return { reply: Buffer.from(serverFirst), authenticated: false };
}

function scramFinal(state: SaslState, ex: ScramExchange, token: Buffer): SaslStepResult {
  state.exchange = undefined;
  const msg = token.toString('utf8');
  const a = attrs(msg);
  const proofB64 = a.get('p');
  const pIdx = msg.lastIndexOf(',p=');
  if (proofB64 === undefined || pIdx < 0 || a.get('r') !== ex.nonce) return fail('malformed SCRAM client-final message');
  const withoutProof = msg.slice(0, pIdx);
  const h = hashOf(state.mechanism ?? 'SCRAM-SHA-256');
  const authMessage = `${ex.clientFirstBare},${ex.serverFirst},${withoutProof}`;
  const clientSignature = createHmac(h, ex.cred.storedKey).update(authMessage).digest();
  const proof = Buffer.from(proofB64, 'base64');
  if (proof.length !== clientSignature.length) return fail('Authentication failed: invalid SCRAM proof');
  const clientKey = Buffer.alloc(proof.length);
  for (let i = 0; i < proof.length; i++) clientKey[i] = proof[i]! ^ clientSignature[i]!;
  const storedKey = createHash(h).update(clientKey).digest();
  if (!timingSafeEqual(storedKey, ex.cred.storedKey)) {
    return fail(`Authentication failed during authentication due to invalid credentials with SASL mechanism ${state.mechanism ?? ''}`);
  }
  const serverSignature = createHmac(h, ex.cred.serverKey).update(authMessage).digest('base64');
  state.user = ex.user;
  return { reply: Buffer.from(`v=${serverSignature}`), authenticated: true };
}

/** Feeds one client token to the connection's mechanism. */
export function saslStep(config: SaslConfig, state: SaslState, token: Buffer): SaslStepResult {
  if (state.mechanism === 'PLAIN') return plainStep(config, state, token);
  if (state.mechanism === 'SCRAM-SHA-256' || state.mechanism === 'SCRAM-SHA-512') {
    const ex = state.exchange as ScramExchange | undefined;
    return ex === undefined ? scramFirst(config, state, token) : scramFinal(state, ex, token);
  }
  return fail('no SASL mechanism selected (SaslHandshake first)');
}
