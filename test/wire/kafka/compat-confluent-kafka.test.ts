/**
 * confluent-kafka-python (Debian python3-confluent-kafka: librdkafka 2.0.2,
 * run by /usr/bin/python3) against `gale serve`, used the way an application
 * would: AdminClient create/describe/alter/partitions/delete, producers with
 * every codec, keys, headers, timestamps and delivery reports, idempotent
 * producers one after another, a consumer group over two topics with sync
 * and async commits, offsets_for_times, seek, list_groups, and a
 * transactional producer that is refused clearly while the broker stays up.
 * The script (python/confluent_compat.py) prints what it saw as JSON.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { startGaleServe, type GaleServe } from '../../helpers/gale-serve.js';
import { runProcess } from './group-support.js';

const script = fileURLToPath(new URL('./python/confluent_compat.py', import.meta.url));
let gale: GaleServe;

beforeAll(async () => {
  gale = await startGaleServe({ args: ['--zk-port', '-1', '--http-port', '-1', '--group-initial-rebalance-delay', '0'] });
});
afterAll(async () => {
  await gale?.stop();
  gale?.cleanup();
});

describe('confluent-kafka-python', () => {
  it('administers, produces, consumes in a group and is refused transactions clearly', async () => {
    const bootstrap = `127.0.0.1:${gale.kafkaPort}`;
    const r = await runProcess('/usr/bin/python3', [script, bootstrap, 'cfk'], 60_000);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(out['create']).toEqual({ 'cfk-data': null, 'cfk-other': null, 'cfk-idem': null });
    expect(out['createAgain']).toEqual({ 'cfk-other': 'TOPIC_ALREADY_EXISTS' });
    expect(out['retention']).toBe('3600000');
    expect(out['retentionAltered']).toBe('7200000');
    expect(out['partitions']).toEqual({ 'cfk-data': 3, 'cfk-other': 3, 'cfk-idem': 2 });
    expect(out['delivered']).toBe(30);
    expect(out['deliveryErrors']).toEqual([]);
    // the second idempotent producer must get its own producer id, not be fenced
    expect(out['idempotentErrors']).toEqual([]);
    expect(out['consumed']).toBe(70);
    expect(out['first']).toEqual({ key: 'none-0', value: 'none value 0', headers: [['codec', 'none'], ['n', '0']], timestamp: 0 });
    expect(out['committed']).toEqual([10, 10, 10]);
    expect(out['watermarks']).toEqual([[0, 10], [0, 10], [0, 10]]);
    // record n is in partition n % 3 at base + n s: ts 0 → first; base+7 s → n=7 (offset 2); the future → end (-1)
    expect(out['offsetsForTimes']).toEqual([0, 2, -1]);
    expect(out['afterSeek']).toBe(4);
    expect(out['group']).toEqual({ state: 'Empty', protocolType: 'consumer', members: 0 });
    expect(out['transactions']).toBe('TRANSACTIONAL_ID_AUTHORIZATION_FAILED');
    expect(gale.stderr()).toContain("transactional id 'cfk-tx' refused");
    expect(out['delete']).toEqual({ 'cfk-other': null, 'cfk-missing': 'UNKNOWN_TOPIC_OR_PART' });
    expect(out['topicsAfterDelete']).toEqual(['cfk-data', 'cfk-idem']);
  });
});
