/**
 * kafka-python 2.0.2 (Debian python3-kafka, /usr/bin/python3): the
 * KafkaAdminClient (create/describe/alter/partitions, groups, delete) and a
 * KafkaConsumer with manual assignment — beginning/end offsets,
 * offsets_for_times, assign, seek, seek_to_beginning/end, commit with
 * metadata. The script (python/kafka_python_admin.py) prints what it saw.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { runProcess, startGroupBroker, type GroupTestBroker } from './group-support.js';

const script = fileURLToPath(new URL('./python/kafka_python_admin.py', import.meta.url));
let broker: GroupTestBroker;
beforeAll(async () => {
  broker = await startGroupBroker();
});
afterAll(async () => {
  await broker?.stop();
});

describe('kafka-python admin and manual assignment', () => {
  it('administers topics and groups, looks offsets up by time, seeks and commits', async () => {
    const r = await runProcess('/usr/bin/python3', [script, broker.bootstrap, 'kpa'], 60_000);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      create: [0],
      listed: true,
      cluster: 1,
      retention: ['100000'],
      retentionAltered: ['200000'],
      createPartitions: [0],
      partitions: 4,
      beginning: [0, 0, 0, 0],
      end: [10, 10, 10, 10],
      offsetsForTimes: [[5, 20000], [5, 21000], [5, 22000], [5, 23000]],
      offsetsForTimesFuture: null,
      positions: [0, 3, 10, 10],
      polled: { '0': [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], '1': [3, 4, 5, 6, 7, 8, 9] },
      committed: 5,
      groupListed: true,
      groupState: 'Empty',
      groupOffsets: { '0': [5, 'meta'] },
      deleteGroup: ['NoError'],
      deleteTopic: [0],
      listedAfter: false,
    });
  });
});
