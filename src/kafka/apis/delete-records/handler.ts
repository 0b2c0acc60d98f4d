/**
 * DeleteRecords: moves each partition's log start offset up to `offset`
 * (-1 = the high watermark); the answer's low watermark is the new start.
 */
import { ErrorCode } from '../../error-codes.js';
import { defineApi } from '../../handler.js';
import { failureOf } from '../../log-errors.js';
import { deleteRecordsApi } from './spec.js';

export const deleteRecords = defineApi({
  spec: deleteRecordsApi,
  advertised: { min: 0, max: 2 },
  handler: async (req, ctx) => {
    const { broker } = ctx;
    const topics = [];
    for (const t of req.topics) {
      const partitions = [];
      for (const p of t.partitions) {
        const tp = { topic: t.name, partition: p.partitionIndex };
        try {
          const lowWatermark = await broker.log.deleteRecords(tp, p.offset);
          partitions.push({ partitionIndex: p.partitionIndex, lowWatermark, errorCode: ErrorCode.NONE });
        } catch (err) {
          const f = failureOf(err, broker.logger, `delete records ${t.name}-${p.partitionIndex}`);
          partitions.push({ partitionIndex: p.partitionIndex, lowWatermark: -1n, errorCode: f.code });
        }
      }
      topics.push({ name: t.name, partitions });
    }
    return { throttleTimeMs: 0, topics };
  },
});
