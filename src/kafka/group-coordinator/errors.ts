/** Gale error codes of the group coordinator (GALE_ERR_KAFKA_GROUP_*). */
import { GaleError } from '../../errors.js';

export const groupErrors = {
  GALE_ERR_KAFKA_GROUP_ILLEGAL_STATE: 'an internal invariant of the group state machine broke (a bug, never a client\'s fault)',
  GALE_ERR_KAFKA_GROUP_CONFIG: 'a group coordinator setting (e.g. a `gale serve --group-*` option) is not usable',
} as const;

export type GroupGaleErrorCode = keyof typeof groupErrors;

export class GroupStateError extends GaleError<'GALE_ERR_KAFKA_GROUP_ILLEGAL_STATE'> {
  override readonly name = 'GroupStateError';
  constructor(groupId: string, message: string) {
    super('GALE_ERR_KAFKA_GROUP_ILLEGAL_STATE', `group ${JSON.stringify(groupId)}: ${message}`, {
      details: { groupId },
    });
  }
}

export class GroupConfigError extends GaleError<'GALE_ERR_KAFKA_GROUP_CONFIG'> {
  override readonly name = 'GroupConfigError';
  constructor(message: string) {
    super('GALE_ERR_KAFKA_GROUP_CONFIG', message);
  }
}
