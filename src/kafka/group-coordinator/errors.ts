/** Gale error codes of the group coordinator (GALE_ERR_KAFKA_GROUP_*). */
import { GaleError } from '../../errors.js';

export const groupErrorCodes = [
  /** an internal invariant of the group state machine broke (a bug, never a client's fault) */
  'GALE_ERR_KAFKA_GROUP_ILLEGAL_STATE',
] as const;

export type GroupGaleErrorCode = (typeof groupErrorCodes)[number];

export class GroupStateError extends GaleError<'GALE_ERR_KAFKA_GROUP_ILLEGAL_STATE'> {
  override readonly name = 'GroupStateError';
  constructor(groupId: string, message: string) {
    super('GALE_ERR_KAFKA_GROUP_ILLEGAL_STATE', `group ${JSON.stringify(groupId)}: ${message}`, {
      details: { groupId },
    });
  }
}
