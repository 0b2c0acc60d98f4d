/** Runs the built `gale` CLI as a child process (dist/ is built by `npm test` before vitest). */
import { spawn } from 'node:child_process';

export const GALE = new URL('../../../dist/src/cli/main.js', import.meta.url).pathname;

export interface Result {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function gale(args: readonly string[], options: { cwd?: string; timeoutMs?: number } = {}): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [GALE, ...args], { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`gale ${args.join(' ')} did not finish in time\n${stderr}`));
    }, options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Runs `gale` until it has printed `lines` lines on stdout, then sends SIGINT and waits for it to exit. */
export function galeUntilOutput(
  args: readonly string[],
  options: { cwd?: string; timeoutMs?: number; lines: number },
): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [GALE, ...args], { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let interrupted = false;
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (!interrupted && stdout.split('\n').length > options.lines) {
        interrupted = true;
        child.kill('SIGINT');
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`gale ${args.join(' ')} printed no rows in time\n${stderr}`));
    }, options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
