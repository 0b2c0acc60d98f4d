/**
 * Helpers for the consumer-group wire tests: a broker whose group
 * coordinator uses test-friendly settings and which records the API versions
 * clients used, a poll on DescribeGroups, and child processes (kcat,
 * kafka-python) that are always stopped.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Admin, GroupDescription } from 'kafkajs';
import { afterAll, beforeAll } from 'vitest';
import { installGroupCoordinator } from '../../../src/kafka/group-coordinator/on-broker.js';
import type { AnyApiDefinition, RequestContext } from '../../../src/kafka/handler.js';
import { brokerApis } from '../../../src/kafka/registry.js';
import { groupApis } from '../../../src/kafka/apis/groups.js';
import { startBroker, type TestBroker } from './broker.js';

export interface SeenRequest {
  readonly api: string;
  readonly version: number;
  readonly clientId: string | null;
  readonly request: Record<string, unknown>;
}

export interface GroupTestBroker extends TestBroker {
  /** every group-API request served, in arrival order */
  readonly seen: SeenRequest[];
}

/** the group APIs with their handlers wrapped to note (api, version, request) */
function recording(seen: SeenRequest[]): AnyApiDefinition[] {
  return groupApis.map((def) => ({
    ...def,
    handler: (request: unknown, ctx: RequestContext) => {
      seen.push({ api: def.spec.name, version: ctx.header.apiVersion, clientId: ctx.header.clientId, request: request as Record<string, unknown> });
      return def.handler(request, ctx);
    },
  }));
}

/** A broker with no initial rebalance delay (tests start members one by one) and Kafka's other defaults. */
export async function startGroupBroker(): Promise<GroupTestBroker> {
  const seen: SeenRequest[] = [];
  const broker = await startBroker({ apis: [...brokerApis, ...recording(seen)] });
  installGroupCoordinator(broker.server.broker, { initialRebalanceDelayMs: 0 });
  return { ...broker, seen };
}

/**
 * For a test file: a group broker and a connected kafkajs admin, started
 * before its tests (handed over through `ready`) and stopped after them.
 */
export function useGroupBrokerWithAdmin(ready: (broker: GroupTestBroker, admin: Admin) => void): void {
  let broker: GroupTestBroker | undefined;
  let admin: Admin | undefined;
  beforeAll(async () => {
    broker = await startGroupBroker();
    admin = broker.kafka().admin();
    await admin.connect();
    ready(broker, admin);
  });
  afterAll(async () => {
    await admin?.disconnect();
    await broker?.stop();
  });
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** polls DescribeGroups until the group is Stable with `members` members, each holding an assignment */
export function waitForStableGroup(admin: Admin, groupId: string, members: number, timeoutMs = 30_000): Promise<GroupDescription> {
  return waitFor(`group ${groupId} stable with ${members} member(s)`, async () => {
    const { groups } = await admin.describeGroups([groupId]);
    const g = groups[0];
    if (g === undefined || g.state !== 'Stable' || g.members.length !== members) return undefined;
    return g.members.every((m) => m.memberAssignment.length > 0) ? g : undefined;
  }, timeoutMs);
}

export interface RunningProcess {
  readonly child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** resolves with the exit code (or the signal name) */
  readonly exited: Promise<number | string>;
  /** SIGTERM (then SIGKILL after 5 s) and wait */
  stop(): Promise<number | string>;
}

export function startProcess(cmd: string, args: readonly string[], opts: { env?: NodeJS.ProcessEnv; input?: string } = {}): RunningProcess {
  const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...opts.env } });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  child.stdin!.end(opts.input ?? '');
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        const code = await exited;
        clearTimeout(killer);
        return code;
      }
      return exited;
    },
  };
}

/** runs a process to completion, killing it after `timeoutMs` */
export async function runProcess(cmd: string, args: readonly string[], timeoutMs: number, opts: { env?: NodeJS.ProcessEnv; input?: string } = {}) {
  const p = startProcess(cmd, args, opts);
  const timer = setTimeout(() => void p.stop(), timeoutMs);
  const code = await p.exited;
  clearTimeout(timer);
  return { code, stdout: p.stdout(), stderr: p.stderr() };
}
