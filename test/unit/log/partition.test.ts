import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Partition } from '../../../src/log/partition.js';
import { readPartition } from '../../../src/log/partition-read.js';
import { parseTopicConfig } from '../../../src/log/config.js';
import { decodeRecordBatches, encodeRecordBatch } from '../../../src/log/record-batch/index.js';
import { RecordingLogger, codeOf } from './log-fixtures.js';

let dir: string;
const logger = new RecordingLogger();

function open(recover = false): Promise<Partition> {
  return Partition.open({ dir, label: 'p-0', config: parseTopicConfig({}), flush: { kind: 'always' }, clock: Date, logger, recover });
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gale-partition-test-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('partition I/O failures', () => {
  it('take only that partition offline with a STORAGE error, keep reads working, and recover on reopen', async () => {
    const p = await open();
    await p.append(encodeRecordBatch({ records: [{ value: 'before' }] }), -1);
    await p.active.fh.close(); // the disk goes away under the partition
    expect(await codeOf(p.append(encodeRecordBatch({ records: [{ value: 'lost' }] }), -1))).toBe('GALE_ERR_LOG_STORAGE');
    expect(await codeOf(p.append(encodeRecordBatch({ records: [{ value: 'refused' }] }), -1))).toBe('GALE_ERR_LOG_STORAGE');
    expect(logger.lines.some((l) => l.includes('offline after an I/O failure'))).toBe(true);
    expect(p.highWatermark).toBe(1n);
    expect(await p.close()).toBe(false); // not clean: the tail is re-validated on the next open

    const again = await open(true);
    expect(again.highWatermark).toBe(1n);
    const { records } = await readPartition(again, 0n, 1000);
    expect(decodeRecordBatches(records)[0]!.records[0]!.value!.toString()).toBe('before');
    expect((await again.append(encodeRecordBatch({ records: [{ value: 'after' }] }), -1)).baseOffset).toBe(1n);
    expect(await again.close()).toBe(true);
  });
});
