/**
 * Child process for the crash test: appends to `crash-0` from several
 * concurrent writers, printing `ack <baseOffset> <value>` for each
 * acknowledged append, until the parent SIGKILLs it.
 * argv: <dataDir> <flush policy>
 */
import { EmbeddedLog } from '../../../src/log/embedded-log.js';
import { encodeRecordBatch } from '../../../src/log/record-batch/index.js';

const [dataDir, flush] = process.argv.slice(2);
const log = await EmbeddedLog.open({ dataDir: dataDir!, flush: flush ?? 'always', retentionCheckIntervalMs: 0, compactionIntervalMs: 0 });
await log.createTopic('crash', { partitions: 1, configs: { 'segment.bytes': '65536' } });
process.stdout.write('ready\n');
const tp = { topic: 'crash', partition: 0 };

async function writer(w: number): Promise<never> {
  for (let seq = 0; ; seq++) {
    const value = `w${w}-${seq}-${'p'.repeat(200 + ((seq * 37) % 500))}`;
    const { baseOffset } = await log.append(tp, encodeRecordBatch({ records: [{ key: `w${w}`, value }] }), { acks: -1 });
    process.stdout.write(`ack ${baseOffset} w${w}-${seq}\n`);
  }
}
await Promise.all([0, 1, 2, 3, 4, 5, 6, 7].map(writer));
