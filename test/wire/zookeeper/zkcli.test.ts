/**
 * Java's ZooKeeper 3.8 shell, zkCli.sh (Debian's `zookeeper` package, which
 * brings a JRE), against `gale serve`: every command family it has, ACLs with
 * digest and ip, persistent recursive watches, reconfig refused as on a
 * standalone ZooKeeper, and a session that survives a `gale serve` restart
 * with its ephemeral and its watches; quota stats for listquota. zkCli reads commands from stdin when
 * stdin is not a terminal; each run is one JVM and one session.
 * The test fails (does not skip) when zkCli.sh is missing: CI must install
 * `zookeeper`.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGaleServe, type GaleServe } from '../../helpers/gale-serve.js';

const ZKCLI = '/usr/share/zookeeper/bin/zkCli.sh';

/** zkCli's log lines, JLine and SLF4J chatter: not command output */
const NOISE = /^(\s*at |SLF4J|log4j|Connecting to|Welcome to|JLine|WATCHER::$|WatchedEvent state:SyncConnected type:None)/;

let gale: GaleServe;
/** the first server owns the data dir; a restarted one reuses it */
let first: GaleServe | undefined;

beforeAll(async () => {
  expect(existsSync(ZKCLI), `${ZKCLI} is missing: install Debian's zookeeper package`).toBe(true);
  gale = await startGaleServe({ args: ['--kafka-port', '-1', '--http-port', '-1'] });
  first = gale;
});
afterAll(async () => {
  await gale?.stop();
  first?.cleanup();
});

/** A running zkCli.sh with its output so far (noise removed); commands go to stdin. */
class ZkCli {
  private readonly child: ChildProcessWithoutNullStreams;
  private raw = '';
  readonly exited: Promise<number | null>;

  constructor(port: number) {
    // zkCli prints results on stdout and errors on stderr; one pipe for both keeps their order
    this.child = spawn('/bin/sh', ['-c', `exec "${ZKCLI}" -server 127.0.0.1:${port} 2>&1`], {
      env: { ...process.env, ZOO_LOG_DIR: tmpdir() },
    });
    this.child.stdout.on('data', (d: Buffer) => (this.raw += d.toString()));
    this.child.stderr.on('data', (d: Buffer) => (this.raw += d.toString()));
    this.exited = new Promise((res) => this.child.once('exit', (code) => res(code)));
  }

  lines(): string[] {
    return this.raw.split('\n').filter((l) => l.trim() !== '' && !NOISE.test(l));
  }

  send(...commands: string[]): void {
    this.child.stdin.write(`${commands.join('\n')}\n`);
  }

  async waitFor(line: string | RegExp, timeoutMs = 20_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    const hit = (): boolean => this.lines().some((l) => (typeof line === 'string' ? l === line : line.test(l)));
    while (!hit()) {
      if (Date.now() > end || this.child.exitCode !== null) {
        throw new Error(`zkCli never printed ${String(line)}; output:\n${this.lines().join('\n')}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** quit and wait for the JVM to exit; returns the cleaned output */
  async quit(): Promise<string[]> {
    this.send('quit');
    this.child.stdin.end();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 20_000);
    await this.exited;
    clearTimeout(timer);
    return this.lines();
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}

/** Runs commands in one zkCli session and returns its cleaned output lines. */
async function zkcli(commands: string[]): Promise<string[]> {
  const cli = new ZkCli(gale.zkPort!);
  try {
    cli.send(...commands);
    return await cli.quit();
  } finally {
    cli.kill();
  }
}

/** Asserts that `expected` lines appear in `out` in this order (other lines may sit between). */
function expectInOrder(out: string[], expected: (string | RegExp)[]): void {
  let at = 0;
  for (const e of expected) {
    const i = out.findIndex((l, k) => k >= at && (typeof e === 'string' ? l === e : e.test(l)));
    expect(i, `missing ${String(e)} after line ${at} in:\n${out.join('\n')}`).toBeGreaterThanOrEqual(0);
    at = i + 1;
  }
}

const digest = (user: string, pw: string): string =>
  `${user}:${createHash('sha1').update(`${user}:${pw}`).digest('base64')}`;

describe('zkCli.sh (Java client 3.8)', () => {
  it('creates every node kind, reads with Stat, updates by version, lists, counts and deletes', async () => {
    const out = await zkcli([
      'create /zc',
      'create -e /zc/e1 hello',
      'create -s /zc/s x',
      'create -s /zc/s x',
      'create -e -s /zc/es x',
      'create -c /zc/c1',
      'create -t 5000 /zc/t1 ttl',
      'get -s /zc/e1',
      'set -v 0 /zc/e1 world',
      'set -v 0 /zc/e1 again',
      'get /zc/e1',
      'stat /zc/e1',
      'ls /zc',
      'ls -s /zc',
      'create /zc/c1/k',
      'create /zc/c1/k/j',
      'ls -R /zc/c1',
      'getAllChildrenNumber /zc',
      'getEphemerals /zc/e',
      'getEphemerals /zc/e1',
      'sync /zc',
      'create /zc/e1/child',
      'create /zc/bad//path',
      'stat /zc/missing',
      'delete /zc',
      'deleteall /zc/c1',
      'ls /zc',
    ]);
    expectInOrder(out, [
      'Created /zc',
      'Created /zc/e1',
      'Created /zc/s0000000001',
      'Created /zc/s0000000002',
      'Created /zc/es0000000003',
      'Created /zc/c1',
      'Created /zc/t1',
      'hello',
      /^ephemeralOwner = 0x[1-9a-f][0-9a-f]*$/,
      'dataLength = 5',
      'version No is not valid : /zc/e1',
      'world',
      'dataVersion = 1',
      '[c1, e1, es0000000003, s0000000001, s0000000002, t1]',
      '[c1, e1, es0000000003, s0000000001, s0000000002, t1]',
      'numChildren = 6',
      '/zc/c1',
      '/zc/c1/k',
      '/zc/c1/k/j',
      '8',
      /^\[(\/zc\/e1, \/zc\/es0000000003|\/zc\/es0000000003, \/zc\/e1)\]$/,
      '[/zc/e1]',
      'Sync is OK',
      'Ephemerals cannot have children: /zc/e1/child',
      /^Invalid path string "\/zc\/bad\/\/path"/,
      'Node does not exist: /zc/missing',
      'Node not empty: /zc',
      '[e1, es0000000003, s0000000001, s0000000002, t1]',
    ]);
    // the session closed on quit: its ephemerals are gone
    const after = await zkcli(['ls /zc']);
    expectInOrder(after, ['[s0000000001, s0000000002, t1]']);
  });

  it('enforces digest and ip ACLs, and addauth/getAcl/whoami show the authenticated ids', async () => {
    const out = await zkcli([
      'create /za x',
      `setAcl /za digest:${digest('bob', 'secret')}:cdrwa`,
      'get /za',
      'create /za-ip y',
      'setAcl /za-ip ip:127.0.0.1:cdrwa',
      'get /za-ip',
      'create /za-net z',
      'setAcl /za-net ip:10.0.0.0/8:cdrwa',
      'get /za-net',
      'addauth digest bob:secret',
      'get /za',
      'getAcl /za',
      'create /za-auth w',
      'setAcl /za-auth auth::cdrwa',
      'getAcl /za-auth',
      'setAcl -v 5 /za-auth world:anyone:r',
      'whoami',
    ]);
    expectInOrder(out, [
      'Insufficient permission : /za',
      'y',
      'Insufficient permission : /za-net',
      'x',
      `'digest,'${digest('bob', 'secret')}`,
      ': cdrwa',
      `'digest,'${digest('bob', 'secret')}`,
      'version No is not valid : /za-auth',
      'Auth scheme: User',
    ]);
    expect(out).toContain('digest: bob');
    expect(out).toContain('ip: 127.0.0.1');
  });

  it('persistent recursive and one-shot watches fire and are removed; reconfig is refused as on standalone', async () => {
    const out = await zkcli([
      'create /zw a',
      'addWatch -m PERSISTENT_RECURSIVE /zw',
      'create /zw/k b',
      'set /zw/k c',
      'delete /zw/k',
      'removewatches /zw',
      'removewatches /zw',
      'create /zw/after x',
      'get -w /zw',
      'set /zw changed',
      'stat -w /zw-new',
      'create /zw-new',
      'config',
      'reconfig -remove 3',
    ]);
    expectInOrder(out, [
      'WatchedEvent state:SyncConnected type:NodeCreated path:/zw/k',
      'WatchedEvent state:SyncConnected type:NodeDataChanged path:/zw/k',
      'WatchedEvent state:SyncConnected type:NodeDeleted path:/zw/k',
      'WatchedEvent state:SyncConnected type:PersistentWatchRemoved path:/zw',
      'KeeperErrorCode = No such watcher for /zw',
      'Created /zw/after',
      'WatchedEvent state:SyncConnected type:NodeDataChanged path:/zw',
      'Node does not exist: /zw-new',
      'WatchedEvent state:SyncConnected type:NodeCreated path:/zw-new',
      'KeeperErrorCode = Reconfig is disabled',
    ]);
    // removed watch: no event for /zw/after
    expect(out.filter((l) => l.includes('path:/zw/after'))).toEqual([]);
  });

  it('setquota/listquota/delquota report the subtree count and bytes as ZooKeeper does', async () => {
    const out = await zkcli([
      'create /zq abc',
      'create /zq/x 12345',
      'setquota -n 2 /zq',
      'listquota /zq',
      'create /zq/a',
      'create /zq/x/deep zz',
      'set /zq/x 1',
      'setquota -b 10 /zq',
      'listquota /zq',
      'delete /zq/a',
      'listquota /zq',
      'delquota /zq',
      'listquota /zq',
    ]);
    expectInOrder(out, [
      'Output quota for /zq count=2,bytes=-1=;byteHardLimit=-1;countHardLimit=-1',
      'Output stat for /zq count=2,bytes=8',
      '[Warning]: the count quota you create is less than the existing count:4',
      'Output quota for /zq count=2,bytes=10=;byteHardLimit=-1;countHardLimit=-1',
      'Output stat for /zq count=4,bytes=6',
      'Output stat for /zq count=3,bytes=6',
      'quota for /zq does not exist.',
    ]);
  });

  it('keeps its session, ephemeral and watches across a gale serve restart', async () => {
    const port = gale.zkPort!;
    const cli = new ZkCli(port);
    try {
      cli.send('create -e /zr-eph x', 'create /zr', 'addWatch -m PERSISTENT_RECURSIVE /zr', 'get -w /zr');
      await cli.waitFor('Created /zr');
      await cli.waitFor('null');
      await gale.stop();
      gale = await startGaleServe({
        dataDir: gale.dataDir,
        args: ['--kafka-port', '-1', '--http-port', '-1', '--zk-port', String(port)],
      });
      await cli.waitFor('WatchedEvent state:Disconnected type:None path:null');
      cli.send('ls /', 'create /zr/child c', 'set /zr d', 'getEphemerals /zr');
      const out = await cli.quit();
      expectInOrder(out, [
        /^\[.*zr-eph.*\]$/,
        'WatchedEvent state:SyncConnected type:NodeCreated path:/zr/child',
        'WatchedEvent state:SyncConnected type:NodeDataChanged path:/zr',
        '[/zr-eph]',
      ]);
    } finally {
      cli.kill();
    }
  });
});
