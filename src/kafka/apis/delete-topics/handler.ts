/**
 * DeleteTopics: by name (v0-5 `topic_names`, v6 `topics[].name`); topic ids
 * are not kept, so a v6 entry naming only an id gets UNKNOWN_TOPIC_ID.
 */
import { ErrorCode } from '../../error-codes.js';
import { defineApi } from '../../handler.js';
import { failureOf } from '../../log-errors.js';
import { deleteTopicsApi } from './spec.js';

const ZERO_UUID = '00000000-0000-0000-0000-000000000000';

export const deleteTopics = defineApi({
  spec: deleteTopicsApi,
  advertised: { min: 0, max: 6 },
  handler: async (req, ctx) => {
    const { broker } = ctx;
    const names: (string | null)[] = [...req.topicNames, ...req.topics.map((t) => t.name)];
    const responses = [];
    for (const name of names) {
      if (name === null) {
        responses.push({ name: null, topicId: ZERO_UUID, errorCode: ErrorCode.UNKNOWN_TOPIC_ID, errorMessage: 'topic ids are not supported; delete by name' });
        continue;
      }
      try {
        if ((await broker.log.describeTopic(name)) === undefined) {
          responses.push({ name, topicId: ZERO_UUID, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, errorMessage: `topic '${name}' does not exist` });
          continue;
        }
        const d = await broker.log.describeTopic(name);
        await broker.log.deleteTopic(name);
        responses.push({ name, topicId: d?.topicId ?? ZERO_UUID, errorCode: ErrorCode.NONE, errorMessage: null });
      } catch (err) {
        const f = failureOf(err, broker.logger, `delete topic ${name}`);
        responses.push({ name, topicId: ZERO_UUID, errorCode: f.code, errorMessage: f.message });
      }
    }
    return { throttleTimeMs: 0, responses };
  },
});
