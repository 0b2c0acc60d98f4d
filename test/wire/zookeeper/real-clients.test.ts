/**
 * Debian's real ZooKeeper clients against `gale serve` (the built CLI):
 * kazoo 2.8 recipes (lock, election, barrier, double barrier, counter, party,
 * queue, data/children watches, transactions, ACLs) and the ZooKeeper 3.8 C
 * client's shell `cli_mt`. `.ci/run` installs python3-kazoo and
 * zookeeper-bin; Debian's Python modules load only under /usr/bin/python3.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGaleServe, type GaleServe } from '../../helpers/gale-serve.js';

const PYTHON = '/usr/bin/python3';
const CLI_MT = '/usr/lib/zookeeper/bin/cli_mt';
const recipes = fileURLToPath(new URL('./kazoo_recipes.py', import.meta.url));

let gale: GaleServe;

beforeAll(async () => {
  gale = await startGaleServe({ args: ['--kafka-port', '-1', '--http-port', '-1'] });
});
afterAll(async () => {
  await gale.stop();
  gale.cleanup();
});

function run(cmd: string, args: readonly string[], timeoutMs = 30_000): Promise<{ code: number; out: string }> {
  return new Promise((res) => {
    execFile(cmd, args, { timeout: timeoutMs }, (err, stdout, stderr) => {
      const code = err === null ? 0 : typeof err.code === 'number' ? err.code : 1;
      res({ code, out: `${stdout}${stderr}` });
    });
  });
}

/** One cli_mt command in batch mode (a session per command, as `cli_mt -c` works). */
async function cli(command: string): Promise<string> {
  const { out } = await run(CLI_MT, ['-h', `127.0.0.1:${gale.zkPort}`, '-c', command], 15_000);
  return out;
}

describe('kazoo recipes', () => {
  it('lock, election, barriers, counter, party, queue, watches, transactions and ACLs behave', async () => {
    const { code, out } = await run(PYTHON, [recipes, String(gale.zkPort)], 60_000);
    expect(code, out).toBe(0);
    const r = JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, unknown>;
    expect(r).toMatchObject({
      ruok: 'imok',
      server_version: [3, 8, 0],
      lock_b_while_held: false,
      lock_contenders: ['a'],
      lock_b_after_release: true,
      election_first: ['a'],
      election_contenders: ['a', 'b'],
      election_after_handover: ['a', 'b'],
      barrier_wait_while_up: false,
      barrier_wait_released: true,
      double_barrier_entered: ['a', 'b'],
      counter: 90,
      party_members: ['a', 'b'],
      party_len: 2,
      party_after_leave: ['a'],
      shallow_members: ['c'],
      queue_first: 'two',
      data_watch: [null, 'v1', 'v2'],
      txn: ['/recipes/tx', 'True'],
      bad_version: true,
      node_exists: true,
      noauth: true,
      owner_reads: 's',
      eph_after_close: false,
    });
    expect(r['children_watch_last']).toContain('new-child');
  });
});

describe('the C client shell cli_mt', () => {
  it('creates, reads, updates, lists, syncs and deletes, with every create mode', async () => {
    expect(await cli('create /cli')).toMatch(/\[\/cli\]: rc = 0\n\tname = \/cli/);
    const two = await cli('create2 /cli/two');
    expect(two).toMatch(/\[\/cli\/two\]: rc = 0\n\tname = \/cli\/two\n\tctime = .+\n\tczxid=[0-9a-f]+\n/);
    expect(await cli('set /cli hello')).toMatch(/\/cli: rc = 0 Stat:[\s\S]*version=1\taversion=0/);
    expect(await cli('get /cli')).toMatch(/\/cli: rc = 0\n value_len = 5\nhello\n/);
    expect(await cli('create +s /cli/seq-')).toContain('name = /cli/seq-0000000001');
    expect(await cli('create +es /cli/eseq-')).toContain('name = /cli/eseq-0000000002');
    // an ephemeral lives as long as its session: cli_mt -c closes it on exit
    expect(await cli('create +e /cli/eph')).toMatch(/\[\/cli\/eph\]: rc = 0/);
    const ls = await cli('ls2 /cli');
    expect(ls).toMatch(/\/cli: rc = 0\n/);
    expect(ls).toContain('\ttwo\n');
    expect(ls).toContain('\tseq-0000000001\n');
    expect(ls).not.toMatch(/\t(eph|eseq-\d+)\n/);
    expect(ls).toMatch(/version=1\taversion=0/);
    expect(await cli('exists /cli/nope')).toContain('Error -101 for /cli/nope');
    expect(await cli('delete /cli/two')).toContain('/cli/two: rc = 0');
    expect(await cli('get /cli/two')).toContain('/cli/two: rc = -101');
    expect(await cli('sync /cli')).toMatch(/\[\/cli\]: rc = 0/);
    expect(await cli('config')).toMatch(/\/zookeeper\/config: rc = 0\n value_len = 0/);
    expect(await cli('create +c /cli-box')).toMatch(/\[\/cli-box\]: rc = 0/);
    expect(await cli('create +t=100000 /cli-ttl')).toMatch(/\[\/cli-ttl\]: rc = 0/);
    const root = await cli('ls /');
    for (const n of ['zookeeper', 'cli', 'cli-box', 'cli-ttl']) expect(root).toContain(`\t${n}\n`);
  });

  it('connects in read-only-capable mode (-r): the server answers as read-write', async () => {
    const out = await run(CLI_MT, ['-r', '-h', `127.0.0.1:${gale.zkPort}`, '-c', 'ls /zookeeper'], 15_000);
    expect(out.out).toContain('CONNECTED_STATE');
    expect(out.out).toMatch(/\/zookeeper: rc = 0\n(\t\w+\n){2}/);
  });
});
