/**
 * Starts `gale serve` (the built CLI, dist/) as a child process on free
 * ports and parses its ready line. Always pair with `stop()` or `kill()` in a
 * finally/afterAll. Requires `npm run build` (npm test does it first).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const galeBin = new URL('../../dist/src/cli/main.js', import.meta.url).pathname;

export interface GaleServe {
  readonly child: ChildProcess;
  readonly dataDir: string;
  readonly kafkaPort?: number;
  readonly zkPort?: number;
  readonly httpPort?: number;
  /** everything the process wrote to stderr so far */
  stderr(): string;
  /** SIGTERM and wait for exit; returns the exit code */
  stop(): Promise<number | null>;
  /** SIGKILL (a crash) and wait for exit */
  kill(): Promise<void>;
  /** remove the data dir (only if this helper created it) */
  cleanup(): void;
}

export interface StartOptions {
  /** reuse a data dir (e.g. after a crash); default: a fresh temp dir */
  readonly dataDir?: string;
  /** extra CLI args, e.g. ['--kafka-port', '0'] (ports default to 0 = free; pass -1 to turn one off) */
  readonly args?: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  readonly timeoutMs?: number;
}

export async function startGaleServe(opts: StartOptions = {}): Promise<GaleServe> {
  const ownDir = opts.dataDir === undefined;
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'gale-serve-'));
  const args = [galeBin, 'serve', '--data-dir', dataDir];
  const given = new Set(opts.args ?? []);
  for (const p of ['--kafka-port', '--zk-port', '--http-port']) if (!given.has(p)) args.push(p, '0');
  args.push(...(opts.args ?? []));
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...opts.env },
  });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));
  const ready = await new Promise<string>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`gale serve not ready in time; stderr:\n${err}`)), opts.timeoutMs ?? 20_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('Gale is ready'));
      if (line !== undefined) {
        clearTimeout(timer);
        res(line);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      rej(new Error(`gale serve exited with ${code} before ready; stderr:\n${err}`));
    });
  });
  const portOf = (name: string): number | undefined => {
    const m = new RegExp(`${name} on [^,:]+:(\\d+)`).exec(ready);
    return m ? Number(m[1]) : undefined;
  };
  const result: GaleServe = {
    child,
    dataDir,
    ...optional('kafkaPort', portOf('Kafka')),
    ...optional('zkPort', portOf('ZooKeeper')),
    ...optional('httpPort', portOf('HTTP')),
    stderr: () => err,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    cleanup: () => {
      if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return result;
}

function optional<K extends string>(key: K, v: number | undefined): Partial<Record<K, number>> {
  return v === undefined ? {} : ({ [key]: v } as Record<K, number>);
}
